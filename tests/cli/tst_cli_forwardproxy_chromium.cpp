// Headless Chromium through wsinspector-cli's forward proxy (started by `proxy --chromium URL`, so with exactly
// the flags ChromiumLaunch builds: temporary profile, the proxy for loopback too, the CLI's CA trusted by its
// SPKI hash and installed nowhere): a page opens a WebSocket to a python3-websockets echo server and sends a
// text, first over ws (page over http), then over wss (page over https with a certificate from a CA this test
// made; the proxy verifies the real servers with that CA). The echo servers accept the permessage-deflate offer
// Chromium always makes, so the frames cross compressed: the text reaches the server, and the proxied
// connection shows RSV1 frames and the inflated text on both legs. Chromium is gone once the proxy stops.
#include "clichecks.h"
#include "cliforwardpeers.h"
#include "cliproxylegs.h"
#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTest>

namespace {

const QByteArray kText = "hello from chromium";

// Processes whose command line names a ChromiumLaunch profile (wsinspector-chromium-XXXXXX).
int chromiumProcesses()
{
    int count = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("wsinspector-chromium-"))
            ++count;
    }
    return count;
}

} // namespace

class tst_CliForwardProxyChromium : public QObject
{
    Q_OBJECT

private:
    ForwardPeers m_peers;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/chromium")).isExecutable(), "Debian's chromium is needed");
        m_peers.start(true);
    }
    void cleanupTestCase() { m_peers.stop(); }

    void pageWebSocketThroughTheProxy_data()
    {
        QTest::addColumn<bool>("secure");
        QTest::newRow("ws") << false;
        QTest::newRow("wss") << true;
    }
    void pageWebSocketThroughTheProxy()
    {
        QFETCH(bool, secure);
        m_peers.clearOutput();
        const quint16 wsPort = m_peers.port(secure ? ForwardPeers::Wss : ForwardPeers::Ws);
        const QString page = QStringLiteral("%1://127.0.0.1:%2/page.html?%3://127.0.0.1:%4/echo")
                                 .arg(secure ? QStringLiteral("https") : QStringLiteral("http"))
                                 .arg(m_peers.port(secure ? ForwardPeers::Https : ForwardPeers::Http))
                                 .arg(secure ? QStringLiteral("wss") : QStringLiteral("ws"))
                                 .arg(wsPort);
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--ca"), m_peers.caFile(), QStringLiteral("--chromium"), page,
            QStringLiteral("--chromium-headless"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        // Chromium may be slow to start.
        const QByteArray received = m_peers.waitForReceived(kText, 30000);
        QVERIFY2(received.contains("RECV " + kText), received.constData());
        QVERIFY(proxy.waitForOutput("\"leg\":\"client\",\"size\":19"));
        QVERIFY(proxy.waitForOutput("\"dir\":\"out\",\"event\":\"message\",\"leg\":\"client\""));

        const CliRun run = proxy.finish(true, 10000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, 0);
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // One proxied connection to the echo server (Chromium's own calls home, if any, fail in DNS).
        const QList<QJsonObject> clientRequests
            = onLeg(run.events(QStringLiteral("handshake_request")), QStringLiteral("client"));
        QCOMPARE(clientRequests.size(), 1);
        const int conn = clientRequests.first().value(QLatin1String("conn")).toInt();
        const QString host = QStringLiteral("127.0.0.1:%1").arg(wsPort);
        QCOMPARE(headerValues(clientRequests.first().value(QLatin1String("headers")).toArray(), QStringLiteral("Host")),
            QStringList { host });
        QCOMPARE(clientRequests.first().value(QLatin1String("target")).toString(), QStringLiteral("/echo"));
        const QList<QJsonObject> upstream
            = onLeg(run.events(QStringLiteral("handshake_request"), {}, conn), QStringLiteral("server"));
        QCOMPARE(upstream.size(), 1);
        const QList<QJsonObject> responses = run.events(QStringLiteral("handshake_response"), {}, conn);
        QCOMPARE(responses.size(), 2);
        for (const QJsonObject &response : responses)
            QCOMPARE(response.value(QLatin1String("status")).toInt(), 101);
        // The page's text on both legs, and the echo back on both.
        const QStringList text { QString::fromLatin1(kText) };
        QCOMPARE(legTexts(run, conn, QStringLiteral("client"), QStringLiteral("in")), text);
        QCOMPARE(legTexts(run, conn, QStringLiteral("server"), QStringLiteral("out")), text);
        QCOMPARE(legTexts(run, conn, QStringLiteral("server"), QStringLiteral("in")), text);
        QCOMPARE(legTexts(run, conn, QStringLiteral("client"), QStringLiteral("out")), text);
        // Compressed on the wire, both ways, on both legs: RSV1 on the data frames, and each message inflated
        // from its wire bytes (a short text deflates to about its own size, so only their presence is checked).
        for (const QString &dir : { QStringLiteral("in"), QStringLiteral("out") }) {
            const QList<QJsonObject> messages = run.events(QStringLiteral("message"), dir, conn);
            QCOMPARE(messages.size(), 2);
            for (const QJsonObject &message : messages) {
                QVERIFY2(message.value(QLatin1String("compressed")).toBool(), qPrintable(dir));
                const int wire = message.value(QLatin1String("wire_length")).toInt();
                QVERIFY(wire > 0);
            }
            int rsv1Frames = 0;
            for (const QJsonObject &frame : run.events(QStringLiteral("frame"), dir, conn))
                rsv1Frames += frame.value(QLatin1String("rsv1")).toBool() ? 1 : 0;
            QCOMPARE(rsv1Frames, 2); // one per leg
        }
        if (secure) {
            // The server leg is TLS to the real server, verified with the test's CA.
            const QJsonObject tls = run.first(QStringLiteral("tls"), {}, conn);
            QCOMPARE(tls.value(QLatin1String("leg")).toString(), QStringLiteral("server"));
            QVERIFY(QJsonDocument(tls).toJson().contains("WS Inspector Test CA"));
        }

        // The proxy closed Chromium (and its helpers) when it stopped.
        QElapsedTimer waited;
        waited.start();
        while (chromiumProcesses() > 0 && waited.elapsed() < 10000)
            QTest::qWait(100);
        QCOMPARE(chromiumProcesses(), 0);
    }
};

QTEST_MAIN(tst_CliForwardProxyChromium)
#include "tst_cli_forwardproxy_chromium.moc"
