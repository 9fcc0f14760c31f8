// permessage-deflate end to end with real peers: python3-websockets and node-ws clients against
// `wsinspector-cli serve --deflate` (compressed frames with RSV1 both ways, messages logged inflated with
// "compressed" and "wire_length", each frame keeping its deflated payload), the server declining by default, a python
// client through `proxy` to a compressing python server (both legs inflated), and a deflate bomb from a raw socket (a
// named error, close 1009, the server's memory bounded by the message size limit), also through `proxy` (named on both
// legs, the proxy's memory bounded by its 64 MiB max message size, the next client served).
#include "clichecks.h"
#include "clientprocess.h"
#include "clirun.h"
#include "peerprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {

QString header(const QJsonObject &handshake, const QString &name)
{
    for (const QJsonValue &h : handshake.value(QLatin1String("headers")).toArray()) {
        if (h.toArray().at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
            return h.toArray().at(1).toString();
    }
    return {};
}

// Data frames and messages of one direction (and leg): every frame has RSV1 and every message is marked
// compressed, its wire_length the length of its one frame. Empty when so, else what is wrong.
QString checkCompressed(const CliRun &run, const QString &dir, const QString &leg = {})
{
    QList<qint64> frameLengths;
    for (const QJsonObject &f : run.events(QStringLiteral("frame"), dir)) {
        const int opcode = f.value(QLatin1String("opcode")).toInt();
        if ((opcode != 1 && opcode != 2) || (!leg.isEmpty() && f.value(QLatin1String("leg")).toString() != leg))
            continue;
        if (!f.value(QLatin1String("rsv1")).toBool())
            return QStringLiteral("a %1 data frame without RSV1: %2")
                .arg(dir, f.value(QLatin1String("header_hex")).toString());
        frameLengths << f.value(QLatin1String("length")).toInteger();
        // The deflated bytes as they crossed the wire (unmasked) are kept with the frame.
        const QByteArray deflated
            = QByteArray::fromBase64(f.value(QLatin1String("payload_base64")).toString().toLatin1());
        if (deflated.size() != frameLengths.last())
            return QStringLiteral("a %1 compressed frame keeps %2 payload bytes, not its %3")
                .arg(dir)
                .arg(deflated.size())
                .arg(frameLengths.last());
    }
    QList<qint64> wireLengths;
    for (const QJsonObject &m : run.events(QStringLiteral("message"), dir)) {
        if (!leg.isEmpty() && m.value(QLatin1String("leg")).toString() != leg)
            continue;
        if (!m.value(QLatin1String("compressed")).toBool())
            return QStringLiteral("a %1 message not marked compressed").arg(dir);
        wireLengths << m.value(QLatin1String("wire_length")).toInteger(-1);
    }
    if (frameLengths.isEmpty())
        return QStringLiteral("no %1 data frames").arg(dir);
    if (frameLengths != wireLengths)
        return QStringLiteral("%1 wire lengths differ from the frames' lengths").arg(dir);
    return {};
}

qint64 peakRssKib(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class tst_CliDeflate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(cliHome().isValid()); }

    void pythonClientIsAnsweredCompressedAndLoggedInflated()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--deflate"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        const QString long_ = QStringLiteral("grüße, grüße, grüße, grüße, grüße, grüße, grüße, grüße!");
        const QStringList client = runPythonClient({ serve.url(), QStringLiteral("--deflate"), QStringLiteral("--send"),
            QStringLiteral("hello hello hello hello"), QStringLiteral("--send"), long_, QStringLiteral("--expect"),
            QStringLiteral("2") });
        QCOMPARE(client.mid(0, 3),
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV hello hello hello hello"),
                QStringLiteral("RECV ") + long_ }));
        const CliRun run = serve.finish(true, 10000);
        QVERIFY2(checkSessionLog(run).isEmpty(), qPrintable(checkSessionLog(run) + run.describe()));
        QCOMPARE(header(run.first(QStringLiteral("handshake_response")), QStringLiteral("Sec-WebSocket-Extensions")),
            QStringLiteral("permessage-deflate"));
        const QStringList sent { QStringLiteral("hello hello hello hello"), long_ };
        QCOMPARE(run.texts(QStringLiteral("in")), sent);
        QCOMPARE(run.texts(QStringLiteral("out")), sent);
        QVERIFY2(checkCompressed(run, QStringLiteral("in")).isEmpty(),
            qPrintable(checkCompressed(run, QStringLiteral("in"))));
        QVERIFY2(checkCompressed(run, QStringLiteral("out")).isEmpty(),
            qPrintable(checkCompressed(run, QStringLiteral("out"))));
        // The repeated words compress: the wire carries fewer bytes than the message.
        const QJsonObject second = run.events(QStringLiteral("message"), QStringLiteral("in")).value(1);
        QVERIFY(
            second.value(QLatin1String("wire_length")).toInteger() < second.value(QLatin1String("size")).toInteger());
        QVERIFY(run.events(QStringLiteral("error")).isEmpty());
    }

    void nodeClientWithoutContextTakeover()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--deflate"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        const QString text = QStringLiteral("the same sentence, twice over the wire");
        const QStringList client = runNodeClient(
            { serve.url(), QStringLiteral("--deflate"), QStringLiteral("no-context-takeover"), QStringLiteral("--send"),
                text, QStringLiteral("--send"), text, QStringLiteral("--expect"), QStringLiteral("2") });
        QCOMPARE(client.mid(0, 3),
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV ") + text, QStringLiteral("RECV ") + text }));
        const CliRun run = serve.finish(true, 10000);
        const QString answer
            = header(run.first(QStringLiteral("handshake_response")), QStringLiteral("Sec-WebSocket-Extensions"));
        QVERIFY2(answer.contains(QLatin1String("server_no_context_takeover"))
                && answer.contains(QLatin1String("client_no_context_takeover")),
            qPrintable(answer));
        QCOMPARE(run.texts(QStringLiteral("in")), (QStringList { text, text }));
        QCOMPARE(run.texts(QStringLiteral("out")), (QStringList { text, text }));
        QVERIFY2(checkCompressed(run, QStringLiteral("in")).isEmpty(),
            qPrintable(checkCompressed(run, QStringLiteral("in"))));
        QVERIFY2(checkCompressed(run, QStringLiteral("out")).isEmpty(),
            qPrintable(checkCompressed(run, QStringLiteral("out"))));
        // Without context takeover the second message cannot refer back to the first: same bytes both times.
        for (const QString &dir : { QStringLiteral("in"), QStringLiteral("out") }) {
            const QList<QJsonObject> frames = run.events(QStringLiteral("frame"), dir);
            QList<qint64> lengths;
            QStringList deflated;
            for (const QJsonObject &f : frames) {
                if (f.value(QLatin1String("opcode")).toInt() == 1) {
                    lengths << f.value(QLatin1String("length")).toInteger();
                    deflated << f.value(QLatin1String("payload_base64")).toString();
                }
            }
            QCOMPARE(lengths.size(), 2);
            QCOMPARE(lengths.at(0), lengths.at(1));
            QVERIFY(!deflated.at(0).isEmpty());
            QCOMPARE(deflated.at(0), deflated.at(1));
        }
    }

    void serverDeclinesByDefault()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        const QStringList client = runPythonClient({ serve.url(), QStringLiteral("--deflate"), QStringLiteral("--send"),
            QStringLiteral("plain plain plain"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(client.value(1), QStringLiteral("RECV plain plain plain"));
        const CliRun run = serve.finish(true, 10000);
        QVERIFY(header(run.first(QStringLiteral("handshake_request")), QStringLiteral("Sec-WebSocket-Extensions"))
                    .startsWith(QLatin1String("permessage-deflate")));
        QVERIFY(header(run.first(QStringLiteral("handshake_response")), QStringLiteral("Sec-WebSocket-Extensions"))
                    .isEmpty());
        for (const QJsonObject &f : run.events(QStringLiteral("frame")))
            QVERIFY(!f.value(QLatin1String("rsv1")).toBool());
        for (const QJsonObject &m : run.events(QStringLiteral("message"))) {
            QVERIFY(!m.contains(QLatin1String("compressed")));
            QVERIFY(!m.contains(QLatin1String("wire_length")));
        }
    }

    void proxyInflatesBothLegs()
    {
        PeerProcess upstream;
        QVERIFY(upstream.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("deflate_echo_server.py")));
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start(
            { QStringLiteral("--to"), upstream.url(), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        const QString text = QStringLiteral("through the proxy, through the proxy, compressed both ways");
        const QStringList client = runPythonClient({ proxy.url(), QStringLiteral("--deflate"), QStringLiteral("--send"),
            text, QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(client.value(1), QStringLiteral("RECV ") + text);
        const CliRun run = proxy.finish(true, 10000);
        QVERIFY2(checkSessionLog(run).isEmpty(), qPrintable(checkSessionLog(run) + run.describe()));
        // The client's leg: in is what the client sent; the server's leg: out is what went upstream.
        for (const QString &leg : { QStringLiteral("client"), QStringLiteral("server") }) {
            for (const QString &dir : { QStringLiteral("in"), QStringLiteral("out") }) {
                const QString problem = checkCompressed(run, dir, leg);
                QVERIFY2(problem.isEmpty(), qPrintable(leg + QLatin1Char(' ') + problem));
            }
        }
        QCOMPARE(run.texts(QStringLiteral("in")), (QStringList { text, text }));
        QCOMPARE(run.texts(QStringLiteral("out")), (QStringList { text, text }));
        QVERIFY(run.events(QStringLiteral("error")).isEmpty());
    }

    void deflateBombIsANamedErrorWithBoundedMemory()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--deflate"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        const QUrl url(serve.listeningUrl());
        // 1 GiB of zeros in about 1 MiB: inflating it whole would take 1 GiB; the limit is 64 MiB.
        const QStringList client
            = runClient(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("deflate_bomb_client.py"),
                { url.host(), QString::number(url.port()), QStringLiteral("--inflated-mib"), QStringLiteral("1024") });
        QCOMPARE(client.value(0), QStringLiteral("ACCEPTED permessage-deflate"));
        QVERIFY2(client.value(1).startsWith(QLatin1String("SENT ")), qPrintable(client.join(QLatin1Char('\n'))));
        QCOMPARE(client.value(2), QStringLiteral("CLOSED 1009"));
        const qint64 peakKib = peakRssKib(serve.processId());
        const CliRun run = serve.finish(true, 10000);
        const QList<QJsonObject> errors = run.events(QStringLiteral("error"), QStringLiteral("in"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().value(QLatin1String("layer")).toString(), QStringLiteral("websocket"));
        QVERIFY2(errors.first().value(QLatin1String("message")).toString().contains(QLatin1String("deflate bomb")),
            qPrintable(errors.first().value(QLatin1String("message")).toString()));
        QVERIFY(run.events(QStringLiteral("message"), QStringLiteral("in")).isEmpty());
        QCOMPARE(run.first(QStringLiteral("close"), QStringLiteral("out")).value(QLatin1String("code")).toInt(), 1009);
        // The 64 MiB limit plus the process itself, far below the 1 GiB the bomb inflates to.
        QVERIFY2(peakKib > 0 && peakKib < 320 * 1024, qPrintable(QString::number(peakKib)));
    }

    void deflateBombThroughTheProxyIsNamedOnBothLegsWithBoundedMemory()
    {
        PeerProcess upstream;
        QVERIFY(upstream.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("deflate_echo_server.py")));
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start(
            { QStringLiteral("--to"), upstream.url(), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        const QUrl url(proxy.listeningUrl());
        // 1 GiB of zeros in about 1 MiB on the wire; the python server (max_size 1 MiB) closes with 1009 itself.
        const QStringList client
            = runClient(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("deflate_bomb_client.py"),
                { url.host(), QString::number(url.port()), QStringLiteral("--inflated-mib"), QStringLiteral("1024") });
        QVERIFY2(client.value(0).startsWith(QLatin1String("ACCEPTED permessage-deflate")), qPrintable(client.value(0)));
        QVERIFY2(client.value(1).startsWith(QLatin1String("SENT ")), qPrintable(client.join(QLatin1Char('\n'))));
        QCOMPARE(client.value(2), QStringLiteral("CLOSED 1009"));
        QVERIFY(proxy.waitForOutput("deflate bomb"));
        // The proxy still serves: the next client's message goes through compressed and comes back.
        const QStringList next = runPythonClient({ proxy.url(), QStringLiteral("--deflate"), QStringLiteral("--send"),
            QStringLiteral("after the bomb"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(next,
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV after the bomb"),
                QStringLiteral("CLOSED 1000 client done") }));
        const qint64 peakKib = peakRssKib(proxy.processId()); // the high-water mark of its whole run
        const CliRun run = proxy.finish(true, 10000);
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        // Named on the leg it arrived on and on the leg it went on to (the proxy relays frames, it does not judge).
        for (const auto &[leg, dir] : { std::pair { "client", "in" }, std::pair { "server", "out" } }) {
            QList<QJsonObject> bombs;
            for (const QJsonObject &e : run.events(QStringLiteral("error"), QString::fromLatin1(dir))) {
                if (e.value(QLatin1String("leg")).toString() == QLatin1String(leg)
                    && e.value(QLatin1String("message")).toString().contains(QLatin1String("deflate bomb")))
                    bombs << e;
            }
            QCOMPARE(bombs.size(), 1);
            QCOMPARE(bombs.first().value(QLatin1String("layer")).toString(), QStringLiteral("websocket"));
            QCOMPARE(bombs.first().value(QLatin1String("conn")).toInt(), 1);
        }
        QCOMPARE(run.texts(QStringLiteral("out")),
            (QStringList { QStringLiteral("after the bomb"), QStringLiteral("after the bomb") }));
        // At most the 64 MiB limit per inflation plus the process, far below the 1 GiB the bomb inflates to and
        // below the 256 MiB the proxy's legs allowed before.
        QVERIFY2(peakKib > 0 && peakKib < 240 * 1024, qPrintable(QString::number(peakKib)));
    }
};

QTEST_GUILESS_MAIN(tst_CliDeflate)
#include "tst_cli_deflate.moc"
