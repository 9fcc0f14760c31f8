// wsinspector-cli proxy's refusals, run as a real process: upstream down (502), an unparsable request (400), an
// oversized head (431), a target that is not a path, an upstream that is the proxy itself (508), two proxies pointed
// at each other (508 through Via, no storm); a wss upstream
// verified with --ca and one whose certificate is untrusted (502 naming TLS); usage mistakes (exit 2).
#include "clichecks.h"
#include "clientprocess.h"
#include "clipeers.h"
#include "cliproxylegs.h"
#include "clirun.h"
#include "freeport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

// Sends raw bytes to the proxy and returns everything it answered until it closed (bounded).
QByteArray rawExchange(const QString &proxyUrl, const QByteArray &bytes)
{
    const QUrl url(proxyUrl);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    if (!socket.waitForConnected(5000))
        return "NOT CONNECTED";
    socket.write(bytes);
    QByteArray answer;
    QElapsedTimer waited;
    waited.start();
    while (socket.state() == QAbstractSocket::ConnectedState && waited.elapsed() < 10000) {
        QTest::qWait(20);
        answer += socket.readAll();
    }
    answer += socket.readAll();
    if (socket.state() == QAbstractSocket::ConnectedState)
        answer += "\nSTILL OPEN";
    return answer;
}

} // namespace

class tst_CliProxyRefusals : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

    QString pythonUpstream() { return QStringLiteral("ws://127.0.0.1:%1/").arg(m_peers.python().port()); }

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Python | CliPeers::Wss); }
    void cleanupTestCase() { m_peers.stop(); }

    void upstreamDownAnswers502NamingTcp()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), QStringLiteral("ws://127.0.0.1:%1/").arg(freePort()) }));
        const QStringList python = runPythonClient({ proxy.url(QStringLiteral("/echo")) });
        QCOMPARE(python.value(0), QStringLiteral("STATUS 502"));
        const QByteArray raw = rawExchange(proxy.listeningUrl(),
            "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY2(raw.startsWith("HTTP/1.1 502 Bad Gateway"), raw.constData());
        QVERIFY2(raw.contains("TCP failure") && raw.contains("Connection refused"), raw.constData());
        const CliRun run = proxy.finish(true, 5000);
        const QList<QJsonObject> errors = onLeg(run.events(QStringLiteral("error")), QStringLiteral("server"));
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.first().value(QLatin1String("layer")).toString(), QStringLiteral("tcp"));
        QVERIFY(
            errors.first().value(QLatin1String("message")).toString().contains(QLatin1String("Connection refused")));
        const QList<QJsonObject> answers
            = onLeg(run.events(QStringLiteral("handshake_response")), QStringLiteral("client"));
        QCOMPARE(answers.size(), 2);
        QCOMPARE(answers.first().value(QLatin1String("status")).toInt(), 502);
    }

    void refusesWhatItWillNotRelay_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QString>("why");
        QTest::newRow("unparsable") << QByteArray("NOT HTTP AT ALL\r\n\r\n") << QByteArray("HTTP/1.1 400 ")
                                    << QStringLiteral("The upgrade request could not be parsed");
        QTest::newRow("absolute-form target (open relay)")
            << QByteArray("GET http://other.example/ HTTP/1.1\r\nHost: other.example\r\n\r\n")
            << QByteArray("HTTP/1.1 400 ") << QStringLiteral("is not a path");
        QTest::newRow("64 KiB of headers")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(64 * 1024, 'a') + "\r\n\r\n")
            << QByteArray("HTTP/1.1 431 ") << QStringLiteral("larger than 16384 bytes");
    }

    void refusesWhatItWillNotRelay()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        QFETCH(QString, why);
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), pythonUpstream() }));
        const QByteArray answer = rawExchange(proxy.listeningUrl(), request);
        QVERIFY2(answer.startsWith(status), answer.left(200).constData());
        QVERIFY2(answer.contains(why.toUtf8()), answer.left(400).constData()); // the body says why
        QVERIFY2(!answer.contains("STILL OPEN"), "the proxy must close after refusing");
        const CliRun run = proxy.finish(true, 5000);
        // The client leg names the problem (its recorder may add its own reading of the request and of the
        // refusal): every error there is an HTTP one, and one is the proxy's.
        const QList<QJsonObject> errors = onLeg(run.events(QStringLiteral("error")), QStringLiteral("client"));
        bool named = false;
        for (const QJsonObject &error : errors) {
            QCOMPARE(error.value(QLatin1String("layer")).toString(), QStringLiteral("http"));
            named = named || error.value(QLatin1String("message")).toString().contains(why);
        }
        QVERIFY2(named, qPrintable(run.describe()));
        QCOMPARE(onLeg(run.events(QStringLiteral("handshake_response")), QStringLiteral("client"))
                     .value(0)
                     .value(QLatin1String("status"))
                     .toInt(),
            QByteArray(status).mid(9, 3).toInt());
        // Nothing went upstream.
        QVERIFY(onLeg(run.events(QStringLiteral("handshake_request")), QStringLiteral("server")).isEmpty());
    }

    void refusesAnUpstreamThatIsItself()
    {
        const quint16 port = freePort();
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--port"), QString::number(port), QStringLiteral("--to"),
            QStringLiteral("ws://127.0.0.1:%1/").arg(port) }));
        const QByteArray answer = rawExchange(proxy.listeningUrl(),
            "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 508 Loop Detected"), answer.constData());
        const CliRun run = proxy.finish(true, 5000);
        QCOMPARE(run.events(QStringLiteral("handshake_request")).size(), 1); // the client's only
    }

    void twoProxiesPointedAtEachOtherAnswer508NamingTheLoop()
    {
        // A --to B and B --to A: each upgrade A sends upstream names A in Via, so B's relay of it comes back to A
        // and is refused there instead of going round again.
        const quint16 portOfB = freePort();
        ServeProcess a;
        a.setCommand(QStringLiteral("proxy"));
        QVERIFY(a.start({ QStringLiteral("--to"), QStringLiteral("ws://127.0.0.1:%1/").arg(portOfB) }));
        ServeProcess b;
        b.setCommand(QStringLiteral("proxy"));
        QVERIFY(
            b.start({ QStringLiteral("--port"), QString::number(portOfB), QStringLiteral("--to"), a.listeningUrl() }));
        QElapsedTimer answered;
        answered.start();
        const QByteArray answer = rawExchange(a.listeningUrl(),
            "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 508 Loop Detected"), answer.constData());
        QVERIFY2(answer.contains("Loop detected: this request already went through this proxy"), answer.constData());
        QVERIFY2(answered.elapsed() < 5000, qPrintable(QString::number(answered.elapsed())));
        // No storm: each proxy holds its listening socket and a few more, not hundreds.
        for (ServeProcess *proxy : { &a, &b }) {
            const qsizetype descriptors
                = QDir(QStringLiteral("/proc/%1/fd").arg(proxy->processId())).entryList(QDir::NoDotAndDotDot).size();
            QVERIFY2(descriptors > 0 && descriptors < 40, qPrintable(QString::number(descriptors)));
        }
        const CliRun runB = b.finish(true, 5000);
        const CliRun runA = a.finish(true, 5000);
        // A saw two upgrades: the client's, relayed to B, and B's relay of it, refused by name on its client leg.
        const QList<QJsonObject> requests
            = onLeg(runA.events(QStringLiteral("handshake_request")), QStringLiteral("client"));
        QCOMPARE(requests.size(), 2);
        QVERIFY2(requests[1].value(QLatin1String("raw")).toString().contains(QLatin1String(", 1.1 wsinspector-")),
            qPrintable(requests[1].value(QLatin1String("raw")).toString()));
        QList<QJsonObject> loops; // the other errors are each leg's recorder on the 508 it saw go by (layer http)
        for (const QJsonObject &e : onLeg(runA.events(QStringLiteral("error")), QStringLiteral("client"))) {
            if (e.value(QLatin1String("layer")).toString() == QLatin1String("proxy"))
                loops << e;
        }
        QCOMPARE(loops.size(), 1);
        QCOMPARE(loops.first().value(QLatin1String("conn")).toInt(), requests[1].value(QLatin1String("conn")).toInt());
        QVERIFY(loops.first().value(QLatin1String("message")).toString().startsWith(QLatin1String("Loop detected")));
        // B relayed once and passed A's 508 back as it came.
        QCOMPARE(onLeg(runB.events(QStringLiteral("handshake_request")), QStringLiteral("client")).size(), 1);
        const QList<QJsonObject> answers
            = onLeg(runB.events(QStringLiteral("handshake_response")), QStringLiteral("server"));
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.first().value(QLatin1String("status")).toInt(), 508);
    }

    void relaysToAWssUpstreamVerifiedWithCa()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(
            proxy.start({ QStringLiteral("--to"), QStringLiteral("wss://localhost:%1/").arg(m_peers.wssGood().port()),
                QStringLiteral("--ca"), m_peers.cert(QStringLiteral("ca.pem")) }));
        const QStringList python = runPythonClient({ proxy.url(QStringLiteral("/")), QStringLiteral("--send"),
            QStringLiteral("secret"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(python.value(1), QStringLiteral("RECV secret"));
        QVERIFY(proxy.waitForOutput("\"secret\""));
        const CliRun run = proxy.finish(true, 5000);
        const QJsonObject tls = run.first(QStringLiteral("tls"));
        QCOMPARE(tls.value(QLatin1String("leg")).toString(), QStringLiteral("server"));
        QVERIFY(tls.value(QLatin1String("verified")).toBool());
        QCOMPARE(run.texts(QStringLiteral("out")).size(), 2); // the plaintext on both legs
    }

    void wssUpstreamWithAnUntrustedCertificateAnswers502NamingTls()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start(
            { QStringLiteral("--to"), QStringLiteral("wss://localhost:%1/").arg(m_peers.wssGood().port()) }));
        const QStringList python = runPythonClient({ proxy.url(QStringLiteral("/")) });
        QCOMPARE(python.value(0), QStringLiteral("STATUS 502"));
        const CliRun run = proxy.finish(true, 5000);
        const QList<QJsonObject> errors = onLeg(run.events(QStringLiteral("error")), QStringLiteral("server"));
        QVERIFY2(!errors.isEmpty(), qPrintable(run.describe()));
        QCOMPARE(errors.first().value(QLatin1String("layer")).toString(), QStringLiteral("tls"));
    }

    void usageMistakesExitWith2_data()
    {
        QTest::addColumn<QStringList>("args");
        // Without --to, `proxy` is the forward proxy (tst_cli_forwardproxy); what only the reverse proxy takes is a
        // mistake there, and what only the forward proxy takes is one with --to.
        QTest::newRow("--keep-host without --to") << QStringList { QStringLiteral("--keep-host") };
        QTest::newRow("--chromium with --to") << QStringList { QStringLiteral("--to"),
            QStringLiteral("ws://127.0.0.1:1/"), QStringLiteral("--chromium"), QStringLiteral("http://a/") };
        QTest::newRow("http upstream") << QStringList { QStringLiteral("--to"), QStringLiteral("http://127.0.0.1/") };
        QTest::newRow("--ca for ws") << QStringList { QStringLiteral("--to"), QStringLiteral("ws://127.0.0.1:1/"),
            QStringLiteral("--ca"), QStringLiteral("/etc/hostname") };
    }

    void usageMistakesExitWith2()
    {
        QFETCH(QStringList, args);
        const CliRun run = runCliCommand(QStringList { QStringLiteral("proxy") } + args, 10000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(isOneLineReason(run.err));
    }
};

QTEST_GUILESS_MAIN(tst_CliProxyRefusals)
#include "tst_cli_proxy_refusals.moc"
