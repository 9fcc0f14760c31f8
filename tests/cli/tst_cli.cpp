// wsinspector-cli connect, run as a real process against real peers on 127.0.0.1 (python3-websockets and
// node-ws, started by the test) and against a TCP server that never answers. Every stdout line must be a
// JSON object of the session log format (docs/session-format.md); exit codes as in docs/cli.md.
#include "clientprocess.h"
#include "clirun.h"
#include "peerprocess.h"

#include "endpoints/endpointstore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <sys/types.h>

namespace {

// Checks what every stream must have; returns the first problem, or an empty string. `serve` streams
// have a listening line (no conn) second, and interleave connections (t_us ordered per connection).
QString checkSessionLog(const CliRun &run)
{
    static const QRegularExpression isoTime(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"));
    if (!run.problems.isEmpty())
        return run.problems.first();
    if (run.lines.isEmpty())
        return QStringLiteral("no output");
    const QJsonObject header = run.lines.first();
    if (header.value(QLatin1String("format")).toString() != QLatin1String("wsinspector-session/1"))
        return QStringLiteral("the first line has no format wsinspector-session/1");
    if (header.value(QLatin1String("event")).toString() != QLatin1String("session"))
        return QStringLiteral("the first line is not the session event");
    QHash<int, double> lastUs;
    for (qsizetype i = 0; i < run.lines.size(); ++i) {
        const QJsonObject &o = run.lines[i];
        const QString where = QStringLiteral("line %1 (%2): ")
                                  .arg(i + 1)
                                  .arg(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        if (!o.value(QLatin1String("event")).isString() || o.value(QLatin1String("event")).toString().isEmpty())
            return where + QStringLiteral("no event");
        if (!isoTime.match(o.value(QLatin1String("t")).toString()).hasMatch())
            return where + QStringLiteral("t is not ISO-8601 UTC with milliseconds");
        if (i == 0)
            continue;
        if (i == 1 && o.value(QLatin1String("event")).toString() == QLatin1String("listening")) {
            if (!o.value(QLatin1String("url")).toString().contains(QLatin1String("://127.0.0.1:")))
                return where + QStringLiteral("the listening line has no loopback URL");
            if (!o.value(QLatin1String("t_us")).isDouble())
                return where + QStringLiteral("no t_us");
            continue;
        }
        if (!o.value(QLatin1String("conn")).isDouble())
            return where + QStringLiteral("no conn number");
        const int conn = o.value(QLatin1String("conn")).toInt();
        const double us = o.value(QLatin1String("t_us")).toDouble();
        if (us < lastUs.value(conn))
            return where + QStringLiteral("t_us goes backwards");
        lastUs[conn] = us;
        if (o.contains(QLatin1String("dir"))) {
            const QString dir = o.value(QLatin1String("dir")).toString();
            if (dir != QLatin1String("in") && dir != QLatin1String("out"))
                return where + QStringLiteral("dir is neither in nor out");
        }
    }
    return {};
}

QStringList headerValues(const QJsonArray &headers, const QString &name)
{
    QStringList values;
    for (const QJsonValue &h : headers) {
        const QJsonArray pair = h.toArray();
        if (pair.at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
            values << pair.at(1).toString();
    }
    return values;
}

// The header lines of a raw HTTP head, as [name, value] pairs in order.
QList<QPair<QString, QString>> headersOfRaw(const QString &raw)
{
    QList<QPair<QString, QString>> headers;
    const QStringList lines = raw.split(QStringLiteral("\r\n"));
    for (qsizetype i = 1; i < lines.size() && !lines[i].isEmpty(); ++i) {
        const qsizetype colon = lines[i].indexOf(QLatin1Char(':'));
        headers.append({ lines[i].left(colon), lines[i].mid(colon + 1).trimmed() });
    }
    return headers;
}

QList<QPair<QString, QString>> headersOfJson(const QJsonArray &headers)
{
    QList<QPair<QString, QString>> pairs;
    for (const QJsonValue &h : headers)
        pairs.append({ h.toArray().at(0).toString(), h.toArray().at(1).toString() });
    return pairs;
}

QString expectedAccept(const QString &key)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(key.toLatin1() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
            .toBase64());
}

bool isOneLineReason(const QByteArray &err)
{
    return err.startsWith("wsinspector-cli: ") && err.endsWith('\n') && err.count('\n') == 1 && err.size() > 20;
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private:
    QString file(const QString &name) const { return m_files.filePath(name); }
    QString cert(const QString &name) const { return m_certs.filePath(name); }
    static QString wssUrl(const PeerProcess &peer) { return QStringLiteral("wss://127.0.0.1:%1/").arg(peer.port()); }
    // The FRAME lines raw_server.py printed since `from` (bytes of its output), waiting until there are `count`.
    QStringList reportedFrames(qsizetype from, qsizetype count)
    {
        QStringList frames;
        QElapsedTimer waited;
        waited.start();
        do {
            frames.clear();
            const QList<QByteArray> lines = m_raw.readOutput().mid(from).split('\n');
            for (const QByteArray &line : lines) {
                if (line.startsWith("FRAME "))
                    frames << QString::fromLatin1(line.trimmed());
            }
            if (frames.size() >= count)
                break;
            QTest::qWait(20);
        } while (waited.elapsed() < 5000);
        return frames;
    }

    PeerProcess m_python;
    PeerProcess m_node;
    PeerProcess m_raw;
    PeerProcess m_wssSelfSigned;
    PeerProcess m_wssGood;
    PeerProcess m_wssMutual;
    QTemporaryDir m_certs;
    QTemporaryDir m_files;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(QStringLiteral(WSI_CLI_PATH)), WSI_CLI_PATH);
        QVERIFY2(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
        QVERIFY2(m_node.start(QStringLiteral("node"), QStringLiteral("ws_server.js")), "node-ws server did not start");
        QVERIFY2(m_raw.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("raw_server.py")),
            "raw socket server did not start");
        QVERIFY(cliHome().isValid());
        QVERIFY(m_certs.isValid() && m_files.isValid());
        QProcess makeCerts;
        makeCerts.start(
            QStringLiteral(WSI_SYSTEM_PYTHON), { QStringLiteral(WSI_TEST_PEERS_DIR "/make_certs.py"), m_certs.path() });
        QVERIFY2(makeCerts.waitForFinished(30000) && makeCerts.exitCode() == 0, makeCerts.readAllStandardError());
        QVERIFY(m_wssSelfSigned.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
            { cert(QStringLiteral("selfsigned.pem")), cert(QStringLiteral("selfsigned.key")) }));
        QVERIFY(m_wssGood.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
            { cert(QStringLiteral("good.pem")), cert(QStringLiteral("good.key")) }));
        QVERIFY(m_wssMutual.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
            { cert(QStringLiteral("good.pem")), cert(QStringLiteral("good.key")), QStringLiteral("--client-ca"),
                cert(QStringLiteral("ca.pem")) }));

        // Payload files: every byte value, UTF-8 text, and bytes that are not UTF-8.
        QByteArray allBytes;
        for (int i = 0; i < 256; ++i)
            allBytes.append(char(i));
        const QList<QPair<QString, QByteArray>> files { { QStringLiteral("all-bytes.bin"), allBytes },
            { QStringLiteral("text.txt"), QStringLiteral("grüße {{counter}}\nzweite Zeile").toUtf8() },
            { QStringLiteral("latin1.txt"), QByteArray("caf\xff au lait") } };
        for (const auto &[name, bytes] : files) {
            QFile f(file(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
    }

    void cleanupTestCase()
    {
        m_python.stop();
        m_node.stop();
        m_raw.stop();
        m_wssSelfSigned.stop();
        m_wssGood.stop();
        m_wssMutual.stop();
    }

    void echoSessionIsLoggedFromTheWire()
    {
        const QStringList sent { QStringLiteral("hello"), QStringLiteral("héllo \"wire\"\n\ttab \\ \x01 end"),
            QStringLiteral("third") };
        QStringList args { m_python.url(QStringLiteral("/echo?x=1")), QStringLiteral("--header"),
            QStringLiteral("X-Custom: 42"), QStringLiteral("--origin"), QStringLiteral("http://origin.example"),
            QStringLiteral("--subprotocol"), QStringLiteral("nope"), QStringLiteral("--subprotocol"),
            QStringLiteral("superchat"), QStringLiteral("--wait-ms"), QStringLiteral("300"), QStringLiteral("--close"),
            QStringLiteral("4000:reason") };
        for (const QString &text : sent)
            args << QStringLiteral("--send") << text;
        const CliRun run = runCli(args);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(run.lines.first().value(QLatin1String("tool")).toString().section(QLatin1Char(' '), 0, 0),
            QStringLiteral("wsinspector-cli"));

        // The upgrade request as it went on the wire, including what Qt generated.
        const QJsonObject request = run.first(QStringLiteral("handshake_request"), QStringLiteral("out"));
        QVERIFY2(!request.isEmpty(), qPrintable(run.describe()));
        QCOMPARE(request.value(QLatin1String("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(request.value(QLatin1String("target")).toString(), QStringLiteral("/echo?x=1"));
        const QJsonArray requestHeaders = request.value(QLatin1String("headers")).toArray();
        for (const char *name : { "Host", "Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version" })
            QVERIFY2(headerValues(requestHeaders, QLatin1String(name)).size() == 1, name);
        QCOMPARE(headerValues(requestHeaders, QStringLiteral("Host")),
            QStringList { QStringLiteral("127.0.0.1:%1").arg(m_python.port()) });
        QCOMPARE(headerValues(requestHeaders, QStringLiteral("X-Custom")), QStringList { QStringLiteral("42") });
        QCOMPARE(headerValues(requestHeaders, QStringLiteral("Origin")),
            QStringList { QStringLiteral("http://origin.example") });
        QCOMPARE(headerValues(requestHeaders, QStringLiteral("Sec-WebSocket-Protocol")),
            QStringList { QStringLiteral("nope, superchat") });
        const QString requestRaw = request.value(QLatin1String("raw")).toString();
        QVERIFY2(requestRaw.startsWith(QStringLiteral("GET /echo?x=1 HTTP/1.1\r\n")), qPrintable(requestRaw));
        QVERIFY(requestRaw.endsWith(QStringLiteral("\r\n\r\n")));
        QCOMPARE(headersOfJson(requestHeaders), headersOfRaw(requestRaw)); // wire order, nothing dropped

        // The response as it came back: repeats kept, in order, and the Accept check.
        const QJsonObject response = run.first(QStringLiteral("handshake_response"), QStringLiteral("in"));
        QCOMPARE(response.value(QLatin1String("status")).toInt(), 101);
        QCOMPARE(response.value(QLatin1String("reason")).toString(), QStringLiteral("Switching Protocols"));
        const QJsonArray responseHeaders = response.value(QLatin1String("headers")).toArray();
        QCOMPARE(headerValues(responseHeaders, QStringLiteral("X-Test-Peer")),
            QStringList { QStringLiteral("python-websockets") });
        QCOMPARE(headerValues(responseHeaders, QStringLiteral("X-Repeat")),
            (QStringList { QStringLiteral("one"), QStringLiteral("two") }));
        QCOMPARE(headersOfJson(responseHeaders), headersOfRaw(response.value(QLatin1String("raw")).toString()));
        const QJsonObject accept = response.value(QLatin1String("accept")).toObject();
        QCOMPARE(accept.value(QLatin1String("valid")).toBool(), true);
        QCOMPARE(
            accept.value(QLatin1String("received")).toString(), accept.value(QLatin1String("expected")).toString());
        const QString key = headerValues(requestHeaders, QStringLiteral("Sec-WebSocket-Key")).value(0);
        QCOMPARE(accept.value(QLatin1String("key")).toString(), key);
        QCOMPARE(accept.value(QLatin1String("expected")).toString(), expectedAccept(key));

        QCOMPARE(run.first(QStringLiteral("open")).value(QLatin1String("subprotocol")).toString(),
            QStringLiteral("superchat"));

        // Every frame header; client frames masked with a 4-byte key, server frames not masked.
        const QList<QJsonObject> framesOut = run.events(QStringLiteral("frame"), QStringLiteral("out"));
        const QList<QJsonObject> framesIn = run.events(QStringLiteral("frame"), QStringLiteral("in"));
        QCOMPARE(framesOut.size(), sent.size() + 1); // the texts and the Close
        QCOMPARE(framesIn.size(), sent.size() + 1);
        static const QRegularExpression maskKey(QStringLiteral("^[0-9a-f]{8}$"));
        for (const QJsonObject &f : run.events(QStringLiteral("frame"))) {
            const bool out = f.value(QLatin1String("dir")).toString() == QLatin1String("out");
            for (const char *bit : { "fin", "rsv1", "rsv2", "rsv3", "masked" })
                QVERIFY2(f.value(QLatin1String(bit)).isBool(), bit);
            QVERIFY(f.value(QLatin1String("fin")).toBool());
            QVERIFY(!f.value(QLatin1String("rsv1")).toBool() && !f.value(QLatin1String("rsv2")).toBool()
                && !f.value(QLatin1String("rsv3")).toBool());
            QVERIFY(f.value(QLatin1String("opcode")).isDouble());
            QVERIFY(f.value(QLatin1String("length")).isDouble());
            QCOMPARE(f.value(QLatin1String("masked")).toBool(), out);
            if (out)
                QVERIFY2(maskKey.match(f.value(QLatin1String("mask_key")).toString()).hasMatch(),
                    qPrintable(f.value(QLatin1String("mask_key")).toString()));
            else
                QVERIFY(!f.contains(QLatin1String("mask_key")));
        }
        for (qsizetype i = 0; i < sent.size(); ++i) {
            QCOMPARE(framesOut[i].value(QLatin1String("opcode")).toInt(), 1);
            QCOMPARE(framesOut[i].value(QLatin1String("length")).toInt(), int(sent[i].toUtf8().size()));
        }
        QCOMPARE(framesOut.last().value(QLatin1String("opcode")).toInt(), 8);

        // The messages in order, and their echoes byte for byte.
        QCOMPARE(run.texts(QStringLiteral("out")), sent);
        QCOMPARE(run.texts(QStringLiteral("in")), sent);
        for (const QJsonObject &m : run.events(QStringLiteral("message"))) {
            QCOMPARE(m.value(QLatin1String("type")).toString(), QStringLiteral("text"));
            QCOMPARE(
                m.value(QLatin1String("size")).toInt(), int(m.value(QLatin1String("text")).toString().toUtf8().size()));
        }

        // The closing handshake both ways, this client first.
        const QList<QJsonObject> closes = run.events(QStringLiteral("close"));
        QCOMPARE(closes.size(), 2);
        QCOMPARE(closes[0].value(QLatin1String("dir")).toString(), QStringLiteral("out"));
        QCOMPARE(closes[1].value(QLatin1String("dir")).toString(), QStringLiteral("in"));
        for (const QJsonObject &c : closes) {
            QCOMPARE(c.value(QLatin1String("code")).toInt(), 4000);
            QCOMPARE(c.value(QLatin1String("reason")).toString(), QStringLiteral("reason"));
        }
        QCOMPARE(run.events(QStringLiteral("error")).size(), 0);
        QCOMPARE(run.exitCode, kCleanClose);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
    }

    void nodeServerEchoAndSubprotocol()
    {
        const CliRun run = runCli({ m_node.url(QStringLiteral("/")), QStringLiteral("--subprotocol"),
            QStringLiteral("chat"), QStringLiteral("--send"), QStringLiteral("from node test"),
            QStringLiteral("--wait-ms"), QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject response = run.first(QStringLiteral("handshake_response"));
        QCOMPARE(response.value(QLatin1String("status")).toInt(), 101);
        QCOMPARE(headerValues(response.value(QLatin1String("headers")).toArray(), QStringLiteral("X-Test-Peer")),
            QStringList { QStringLiteral("node-ws") });
        QVERIFY(response.value(QLatin1String("accept")).toObject().value(QLatin1String("valid")).toBool());
        QCOMPARE(
            run.first(QStringLiteral("open")).value(QLatin1String("subprotocol")).toString(), QStringLiteral("chat"));
        QCOMPARE(run.texts(QStringLiteral("out")), QStringList { QStringLiteral("from node test") });
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("from node test") });
        QCOMPARE(run.events(QStringLiteral("close"), QStringLiteral("out")).size(), 1);
        QCOMPARE(run.first(QStringLiteral("close"), QStringLiteral("in")).value(QLatin1String("code")).toInt(), 1000);
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void savedEndpointConnectsWithItsOptions()
    {
        // Saved as the app saves it, in the app data folder the CLI shares with the window.
        wsi::EndpointStore store(cliHome().filePath(QStringLiteral("data/WSInspector/wsinspector/endpoints.json")));
        QVERIFY(store.load());
        wsi::Endpoint saved;
        saved.name = QStringLiteral("chat");
        saved.folder = QStringLiteral("local");
        saved.options.url = QUrl(m_node.url(QStringLiteral("/saved")));
        saved.options.subprotocols = { QStringLiteral("chat") };
        saved.options.headers = { { "X-From-Endpoint", "yes" } };
        QString error;
        QVERIFY2(!store.save(saved, &error).isEmpty(), qPrintable(error));
        wsi::Endpoint twin = saved;
        twin.folder = QStringLiteral("other");
        QVERIFY2(!store.save(twin, &error).isEmpty(), qPrintable(error));

        const CliRun ambiguous = runCli({ QStringLiteral("--endpoint"), QStringLiteral("chat") }, 10000);
        QCOMPARE(ambiguous.exitCode, kUsage);
        QVERIFY2(
            ambiguous.err.contains("2 saved endpoints have that name; write FOLDER/NAME"), ambiguous.err.constData());

        const CliRun run
            = runCli({ QStringLiteral("--endpoint"), QStringLiteral("local/chat"), QStringLiteral("--send"),
                QStringLiteral("via endpoint"), QStringLiteral("--wait-ms"), QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject request = run.first(QStringLiteral("handshake_request"));
        QVERIFY2(request.value(QLatin1String("raw")).toString().startsWith(QLatin1String("GET /saved ")),
            qPrintable(request.value(QLatin1String("raw")).toString()));
        QCOMPARE(headerValues(request.value(QLatin1String("headers")).toArray(), QStringLiteral("X-From-Endpoint")),
            QStringList { QStringLiteral("yes") });
        QCOMPARE(
            run.first(QStringLiteral("open")).value(QLatin1String("subprotocol")).toString(), QStringLiteral("chat"));
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("via endpoint") });
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void rejectedUpgradeShowsStatusAndBody()
    {
        const CliRun run = runCli({ m_python.url(QStringLiteral("/reject")) });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject response = run.first(QStringLiteral("handshake_response"), QStringLiteral("in"));
        QCOMPARE(response.value(QLatin1String("status")).toInt(), 403);
        QCOMPARE(response.value(QLatin1String("reason")).toString(), QStringLiteral("Forbidden"));
        QCOMPARE(response.value(QLatin1String("body")).toString(), QStringLiteral("forbidden: token missing\n"));
        QCOMPARE(headerValues(response.value(QLatin1String("headers")).toArray(), QStringLiteral("X-Test-Peer")),
            QStringList { QStringLiteral("python-websockets") });
        QVERIFY(!response.contains(QLatin1String("accept")));
        const QJsonObject error = run.first(QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1String("layer")).toString(), QStringLiteral("http"));
        QVERIFY2(error.value(QLatin1String("message")).toString().contains(QStringLiteral("403")),
            qPrintable(error.value(QLatin1String("message")).toString()));
        QVERIFY(run.events(QStringLiteral("open")).isEmpty());
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        QVERIFY2(run.err.contains("403"), run.err.constData());
    }

    void refusedPortIsATcpError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const CliRun run = runCli({ QStringLiteral("ws://127.0.0.1:%1/").arg(port) });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QList<QJsonObject> errors = run.events(QStringLiteral("error"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().value(QLatin1String("layer")).toString(), QStringLiteral("tcp"));
        QVERIFY(run.events(QStringLiteral("handshake_response")).isEmpty());
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
    }

    void invalidUsageIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QString url = QStringLiteral("ws://127.0.0.1:9/");
        QTest::newRow("http scheme") << QStringList { QStringLiteral("http://127.0.0.1:9/") }
                                     << QStringLiteral("ws://");
        QTest::newRow("no URL") << QStringList {} << QStringLiteral("URL");
        QTest::newRow("endpoint and a URL") << QStringList { url, QStringLiteral("--endpoint"), QStringLiteral("x") }
                                            << QStringLiteral("--endpoint takes the place of the URL");
        QTest::newRow("endpoint nobody saved")
            << QStringList { QStringLiteral("--endpoint"), QStringLiteral("nobody saved this") }
            << QStringLiteral("no saved endpoint has that name");
        QTest::newRow("endpoint with its own options") << QStringList { QStringLiteral("--endpoint"),
            QStringLiteral("x"), QStringLiteral("--origin"), QStringLiteral("https://example.com") }
                                                       << QStringLiteral("--origin cannot be combined with --endpoint");
        QTest::newRow("forbidden header")
            << QStringList { url, QStringLiteral("--header"), QStringLiteral("Sec-WebSocket-Key: x") }
            << QStringLiteral("Sec-WebSocket-Key");
        QTest::newRow("forbidden header, other case") << QStringList { url, QStringLiteral("--header"),
            QStringLiteral("host: example.com") } << QStringLiteral("host");
        QTest::newRow("malformed header")
            << QStringList { url, QStringLiteral("--header"), QStringLiteral("no colon here") }
            << QStringLiteral("no colon here");
        QTest::newRow("header without name") << QStringList { url, QStringLiteral("--header"),
            QStringLiteral(": value") } << QStringLiteral("Name: value");
        QTest::newRow("close 1005") << QStringList { url, QStringLiteral("--close"), QStringLiteral("1005") }
                                    << QStringLiteral("1005");
        QTest::newRow("close 1004") << QStringList { url, QStringLiteral("--close"), QStringLiteral("1004") }
                                    << QStringLiteral("1004");
        QTest::newRow("close 1015") << QStringList { url, QStringLiteral("--close"), QStringLiteral("1015:tls") }
                                    << QStringLiteral("1015");
        QTest::newRow("close 999") << QStringList { url, QStringLiteral("--close"), QStringLiteral("999") }
                                   << QStringLiteral("999");
        QTest::newRow("close not a number")
            << QStringList { url, QStringLiteral("--close"), QStringLiteral("soon") } << QStringLiteral("soon");
        QTest::newRow("124-byte reason") << QStringList { url, QStringLiteral("--close"),
            QStringLiteral("4000:") + QString(124, QLatin1Char('r')) }
                                         << QStringLiteral("123");
        QTest::newRow("reason of 62 two-byte characters")
            << QStringList { url, QStringLiteral("--close"), QStringLiteral("4000:") + QString(62, QChar(0xe9)) }
            << QStringLiteral("124");
        QTest::newRow("timeout not a number") << QStringList { url, QStringLiteral("--timeout-ms"),
            QStringLiteral("soon") } << QStringLiteral("timeout-ms");
        QTest::newRow("negative wait") << QStringList { url, QStringLiteral("--wait-ms"), QStringLiteral("-5") }
                                       << QStringLiteral("wait-ms");

        // What to send: the GUI composer's messages, named with the option and the position.
        const auto row = [&](const char *name, const QStringList &args, const QString &mentions) {
            QTest::newRow(name) << (QStringList { url } + args) << mentions;
        };
        row("hex: bad character", { QStringLiteral("--send-hex"), QStringLiteral("0a 1g") },
            QStringLiteral("--send-hex \"0a 1g\": Line 1, column 5: 'g' is not a hex digit"));
        row("hex: odd digit count", { QStringLiteral("--send-hex"), QStringLiteral("abc") },
            QStringLiteral("Odd number of hex digits (3)"));
        row("base64: bad character", { QStringLiteral("--send-base64"), QStringLiteral("AA*A") },
            QStringLiteral("--send-base64 \"AA*A\": Line 1, column 3: '*' is not a base64 character"));
        row("base64: padding", { QStringLiteral("--send-base64"), QStringLiteral("AAA") },
            QStringLiteral("not a multiple of 4"));
        row("bad input after good input",
            { QStringLiteral("--send"), QStringLiteral("fine"), QStringLiteral("--send-hex"), QStringLiteral("zz") },
            QStringLiteral("column 1"));
        row("ping of 126 bytes", { QStringLiteral("--ping"), QString(126, QLatin1Char('p')) },
            QStringLiteral("126 bytes"));
        row("ping of 63 two-byte characters", { QStringLiteral("--ping"), QString(63, QChar(0xe9)) },
            QStringLiteral("at most 125"));
        row("raw frame: unknown field", { QStringLiteral("--raw-frame"), QStringLiteral("opcode=1,colour=red") },
            QStringLiteral("Unknown field \"colour\""));
        row("raw frame: opcode 16", { QStringLiteral("--raw-frame"), QStringLiteral("opcode=16") },
            QStringLiteral("opcode"));
        row("raw frame: unknown preset", { QStringLiteral("--raw-frame"), QStringLiteral("preset=nope") },
            QStringLiteral("oversized-ping"));
        row("raw frame: payload without kind", { QStringLiteral("--raw-frame"), QStringLiteral("payload=abc") },
            QStringLiteral("text:, hex: or base64:"));
        row("missing file", { QStringLiteral("--send-file"), file(QStringLiteral("missing.bin")) },
            QStringLiteral("missing.bin"));
        row("text file that is not UTF-8", { QStringLiteral("--send-file-text"), file(QStringLiteral("latin1.txt")) },
            QStringLiteral("not valid UTF-8 (the byte at offset 3"));
        row("repeat 0",
            { QStringLiteral("--send"), QStringLiteral("x"), QStringLiteral("--repeat"), QStringLiteral("0") },
            QStringLiteral("--repeat"));
        row("repeat above a million",
            { QStringLiteral("--send"), QStringLiteral("x"), QStringLiteral("--repeat"), QStringLiteral("1000001") },
            QStringLiteral("1000000"));
        row("repeat with nothing to send", { QStringLiteral("--repeat"), QStringLiteral("3") },
            QStringLiteral("--repeat needs something to send"));
        row("negative interval",
            { QStringLiteral("--send"), QStringLiteral("x"), QStringLiteral("--interval-ms"), QStringLiteral("-1") },
            QStringLiteral("interval-ms"));
        row("variable without a name", { QStringLiteral("--var"), QStringLiteral("=x") }, QStringLiteral("--var"));
        // TLS options.
        const QString wss = QStringLiteral("wss://127.0.0.1:9/");
        QTest::newRow("tls option on ws://") << QStringList { url, QStringLiteral("--insecure") }
                                             << QStringLiteral("--insecure applies to wss:// URLs only");
        QTest::newRow("tls-min 1.1") << QStringList { wss, QStringLiteral("--tls-min"), QStringLiteral("1.1") }
                                     << QStringLiteral("1.2 or 1.3");
        QTest::newRow("key without cert")
            << QStringList { wss, QStringLiteral("--key"), cert(QStringLiteral("client.key")) }
            << QStringLiteral("--key needs --cert");
        QTest::newRow("missing CA file") << QStringList { wss, QStringLiteral("--ca"),
            file(QStringLiteral("none.pem")) }
                                         << QStringLiteral("none.pem");
        QTest::newRow("CA file that is not PEM") << QStringList { wss, QStringLiteral("--ca"),
            file(QStringLiteral("text.txt")) } << QStringLiteral("holds no PEM certificate");
        QTest::newRow("PKCS#12 with a wrong password") << QStringList { wss, QStringLiteral("--cert"),
            cert(QStringLiteral("client.p12")), QStringLiteral("--cert-password"), QStringLiteral("wrong") }
                                                       << QStringLiteral("wrong password");
        QTest::newRow("reconnect option without --reconnect")
            << QStringList { url, QStringLiteral("--reconnect-max-attempts"), QStringLiteral("3") }
            << QStringLiteral("--reconnect-max-attempts needs --reconnect");
        QTest::newRow("unbounded reconnect attempts") << QStringList { url, QStringLiteral("--reconnect"),
            QStringLiteral("--reconnect-max-attempts"), QStringLiteral("0") }
                                                      << QStringLiteral("reconnect-max-attempts");
        QTest::newRow("keepalive close without interval")
            << QStringList { url, QStringLiteral("--keepalive-close") } << QStringLiteral("--keepalive-ms");
        QTest::newRow("insecure without interception") << QStringList { wss, QStringLiteral("--insecure"),
            QStringLiteral("--no-intercept") } << QStringLiteral("--no-intercept");
    }

    void invalidUsageIsRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun run = runCli(args, 10000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kUsage);
        QVERIFY2(run.err.startsWith("wsinspector-cli: "), run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
        QVERIFY2(run.out.isEmpty(), run.out.constData()); // refused before anything is printed or opened
    }

    void unknownCommandIsUsageError()
    {
        QProcess process;
        process.start(
            QStringLiteral(WSI_CLI_PATH), { QStringLiteral("serve-all"), QStringLiteral("ws://127.0.0.1:9/") });
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), kUsage);
        QVERIFY(process.readAllStandardError().contains("serve-all"));
    }

    void closeReasonOf123BytesIsSent()
    {
        const QString reason(123, QLatin1Char('r'));
        const CliRun run = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--wait-ms"),
            QStringLiteral("0"), QStringLiteral("--close"), QStringLiteral("3000:") + reason });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QJsonObject out = run.first(QStringLiteral("close"), QStringLiteral("out"));
        QCOMPARE(out.value(QLatin1String("code")).toInt(), 3000);
        QCOMPARE(out.value(QLatin1String("reason")).toString(), reason);
        QCOMPARE(
            run.first(QStringLiteral("close"), QStringLiteral("in")).value(QLatin1String("reason")).toString(), reason);
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void serverCloseWithCodeAndReason()
    {
        const CliRun run = runCli({ m_python.url(QStringLiteral("/close4001")) });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QList<QJsonObject> closes = run.events(QStringLiteral("close"));
        QCOMPARE(closes.size(), 2);
        QCOMPARE(closes[0].value(QLatin1String("dir")).toString(), QStringLiteral("in")); // the server closed first
        QCOMPARE(closes[0].value(QLatin1String("code")).toInt(), 4001);
        QCOMPARE(closes[0].value(QLatin1String("reason")).toString(), QStringLiteral("bye now"));
        QCOMPARE(closes[1].value(QLatin1String("dir")).toString(), QStringLiteral("out"));
        QCOMPARE(run.exitCode, kCleanClose);
        QVERIFY2(run.elapsedMs < 5000, qPrintable(run.describe())); // it did not sit out --wait-ms
    }

    void fragmentedMessageIsReassembled()
    {
        const CliRun run = runCli(
            { m_python.url(QStringLiteral("/fragmented")), QStringLiteral("--wait-ms"), QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QJsonObject message = run.first(QStringLiteral("message"), QStringLiteral("in"));
        QCOMPARE(message.value(QLatin1String("text")).toString(), QStringLiteral("Hello, fragments"));
        QVERIFY(message.value(QLatin1String("frames")).toInt() >= 3);
        const QList<QJsonObject> frames = run.events(QStringLiteral("frame"), QStringLiteral("in"));
        QVERIFY(frames.size() >= 4); // the fragments and the Close
        QCOMPARE(frames[0].value(QLatin1String("opcode")).toInt(), 1);
        QCOMPARE(frames[0].value(QLatin1String("fin")).toBool(), false);
        QCOMPARE(frames[1].value(QLatin1String("opcode")).toInt(), 0);
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void serverPingAndPong()
    {
        const CliRun run
            = runCli({ m_python.url(QStringLiteral("/ping")), QStringLiteral("--wait-ms"), QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QJsonObject ping = run.first(QStringLiteral("ping"), QStringLiteral("in"));
        QCOMPARE(ping.value(QLatin1String("size")).toInt(), 13);
        QCOMPARE(ping.value(QLatin1String("payload")).toString(), QStringLiteral("are-you-there"));
        const QJsonObject pong = run.first(QStringLiteral("pong"), QStringLiteral("out"));
        QCOMPARE(pong.value(QLatin1String("payload")).toString(), QStringLiteral("are-you-there"));
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void dropWithoutCloseEndsUnclean()
    {
        const CliRun run
            = runCli({ m_python.url(QStringLiteral("/drop")), QStringLiteral("--send"), QStringLiteral("bye") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(run.events(QStringLiteral("close"), QStringLiteral("in")).isEmpty());
        QCOMPARE(run.exitCode, kUncleanClose);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
    }

    void timeoutIsHonoured()
    {
        // Accepts the TCP connection and never says a word.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> accepted;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                accepted << socket;
        });
        constexpr int timeoutMs = 1500;
        const CliRun run = runCli({ QStringLiteral("ws://127.0.0.1:%1/").arg(silent.serverPort()),
                                      QStringLiteral("--timeout-ms"), QString::number(timeoutMs) },
            timeoutMs + 10000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QVERIFY2(run.elapsedMs < timeoutMs + 3000, qPrintable(run.describe()));
        QVERIFY2(!accepted.isEmpty(), "the CLI never reached the server");
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(run.first(QStringLiteral("handshake_request")).contains(QLatin1String("raw")));
        const QList<QJsonObject> errors = run.events(QStringLiteral("error"));
        QVERIFY2(!errors.isEmpty(), qPrintable(run.describe()));
        QVERIFY2(errors.first().value(QLatin1String("message")).toString().contains(QString::number(timeoutMs)),
            qPrintable(errors.first().value(QLatin1String("message")).toString()));
        QVERIFY(run.exitCode != kCleanClose);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        qDeleteAll(accepted);
    }

    void noFramesLeavesOutFrameLines()
    {
        const CliRun run = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--no-frames"),
            QStringLiteral("--send"), QStringLiteral("quiet"), QStringLiteral("--wait-ms"), QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(run.events(QStringLiteral("frame")).isEmpty());
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("quiet") });
        QCOMPARE(run.events(QStringLiteral("close")).size(), 2);
        QCOMPARE(run.exitCode, kCleanClose);
    }

    // --- connect: the composer's twin ---

    void everySendKindGoesOutInCommandLineOrder()
    {
        QFile allBytesFile(file(QStringLiteral("all-bytes.bin")));
        QVERIFY(allBytesFile.open(QIODevice::ReadOnly));
        const QByteArray allBytes = allBytesFile.readAll();
        const CliRun run = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--send"),
            QStringLiteral("first"), QStringLiteral("--send-hex"), QStringLiteral("0xde 0xad, be:ef\n00"),
            QStringLiteral("--ping"), QStringLiteral("are you there"), QStringLiteral("--send-base64"),
            QStringLiteral("AAEC/w=="), QStringLiteral("--ping-empty"), QStringLiteral("--send-file"),
            allBytesFile.fileName(), QStringLiteral("--ping"), QString(), QStringLiteral("--send-file-text"),
            file(QStringLiteral("text.txt")), QStringLiteral("--send"), QStringLiteral("last"),
            QStringLiteral("--wait-ms"), QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(run.exitCode, kCleanClose);

        // The outgoing messages and pings, in the order of the command line.
        QStringList order;
        for (const QJsonObject &o : run.lines) {
            const QString event = o.value(QLatin1String("event")).toString();
            if (o.value(QLatin1String("dir")).toString() != QLatin1String("out")
                || (event != QLatin1String("message") && event != QLatin1String("ping")))
                continue;
            order << (event == QLatin1String("ping")
                    ? QStringLiteral("ping:") + o.value(QLatin1String("payload")).toString()
                    : o.value(QLatin1String("type")).toString());
        }
        QCOMPARE(order,
            (QStringList { QStringLiteral("text"), QStringLiteral("binary"), QStringLiteral("ping:are you there"),
                QStringLiteral("binary"), QStringLiteral("ping:"), QStringLiteral("binary"), QStringLiteral("ping:"),
                QStringLiteral("text"), QStringLiteral("text") }));

        // Byte-exact both ways; the UTF-8 file goes as text exactly as written ({{...}} included).
        const QList<QByteArray> binaries { QByteArray::fromHex("deadbeef00"), QByteArray::fromHex("000102ff"),
            allBytes };
        QCOMPARE(run.binaries(QStringLiteral("out")), binaries);
        QCOMPARE(run.binaries(QStringLiteral("in")), binaries);
        const QStringList texts { QStringLiteral("first"), QStringLiteral("grüße {{counter}}\nzweite Zeile"),
            QStringLiteral("last") };
        QCOMPARE(run.texts(QStringLiteral("out")), texts);
        QCOMPARE(run.texts(QStringLiteral("in")), texts);
        QCOMPARE(run.events(QStringLiteral("pong"), QStringLiteral("in")).size(), 3);
        QCOMPARE(run.first(QStringLiteral("pong"), QStringLiteral("in")).value(QLatin1String("payload")).toString(),
            QStringLiteral("are you there"));
        const QList<QJsonObject> pingFrames = [&] {
            QList<QJsonObject> found;
            for (const QJsonObject &f : run.events(QStringLiteral("frame"), QStringLiteral("out")))
                if (f.value(QLatin1String("opcode")).toInt() == 9)
                    found << f;
            return found;
        }();
        QCOMPARE(pingFrames.size(), 3);
        QCOMPARE(pingFrames[0].value(QLatin1String("length")).toInt(), 13);
        QCOMPARE(pingFrames[1].value(QLatin1String("length")).toInt(), 0);
    }

    void pingOf125BytesIsSent()
    {
        const QString payload(125, QLatin1Char('p'));
        const CliRun run = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--ping"), payload,
            QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.first(QStringLiteral("ping"), QStringLiteral("out")).value(QLatin1String("size")).toInt(), 125);
        QCOMPARE(run.first(QStringLiteral("pong"), QStringLiteral("in")).value(QLatin1String("payload")).toString(),
            payload);
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void repeatSendsTheWholeListNTimesApart()
    {
        const CliRun run = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--send"),
            QStringLiteral("n{{counter}} {{name}}"), QStringLiteral("--send-hex"), QStringLiteral("2a"),
            QStringLiteral("--repeat"), QStringLiteral("5"), QStringLiteral("--interval-ms"), QStringLiteral("100"),
            QStringLiteral("--var"), QStringLiteral("name=value=with=equals"), QStringLiteral("--wait-ms"),
            QStringLiteral("300"), QStringLiteral("--no-frames") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kCleanClose);
        QStringList expected;
        for (int i = 1; i <= 5; ++i)
            expected << QStringLiteral("n%1 value=with=equals").arg(i);
        QCOMPARE(run.texts(QStringLiteral("out")), expected);
        QCOMPARE(run.texts(QStringLiteral("in")), expected);
        QCOMPARE(run.binaries(QStringLiteral("out")), QList<QByteArray>(5, QByteArray("*")));
        // Four pauses of 100 ms between the five rounds.
        const QList<QJsonObject> out = run.events(QStringLiteral("message"), QStringLiteral("out"));
        const double spanMs
            = (out.last().value(QLatin1String("t_us")).toDouble() - out.first().value(QLatin1String("t_us")).toDouble())
            / 1000;
        QVERIFY2(spanMs >= 380, qPrintable(QString::number(spanMs)));
    }

    void repeatWithoutIntervalFloodsInOrder()
    {
        const CliRun run = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--send"),
            QStringLiteral("{{counter}}"), QStringLiteral("--repeat"), QStringLiteral("2000"),
            QStringLiteral("--wait-ms"), QStringLiteral("1000"), QStringLiteral("--no-frames") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QStringList expected;
        for (int i = 1; i <= 2000; ++i)
            expected << QString::number(i);
        QCOMPARE(run.texts(QStringLiteral("out")), expected);
        QCOMPARE(run.texts(QStringLiteral("in")), expected);
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void noVarsSendsTextsAsWritten()
    {
        const CliRun run = runCli(
            { m_python.url(QStringLiteral("/echo")), QStringLiteral("--send"), QStringLiteral("{{counter}} {{uuid}}"),
                QStringLiteral("--no-vars"), QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("{{counter}} {{uuid}}") });
        const CliRun resolved = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--send"),
            QStringLiteral("{{uuid}}|{{unknown}}"), QStringLiteral("--wait-ms"), QStringLiteral("200") });
        const QStringList parts = resolved.texts(QStringLiteral("out")).value(0).split(QLatin1Char('|'));
        QCOMPARE(parts.size(), 2);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^[0-9a-f-]{36}$")).match(parts[0]).hasMatch(), qPrintable(parts[0]));
        QCOMPARE(parts[1], QStringLiteral("{{unknown}}")); // unknown variables stay as written
    }

    void rawFramesReachTheServerExactly_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected"); // regular expressions for the server's FRAME lines, in order
        const QString anyKey = QStringLiteral("key=[0-9a-f]{8}");
        QTest::newRow("between messages, in order")
            << QStringList { QStringLiteral("--send"), QStringLiteral("a"), QStringLiteral("--raw-frame"),
                   QStringLiteral("opcode=1,key=01020304,payload=text:raw"), QStringLiteral("--send-hex"),
                   QStringLiteral("0b"), QStringLiteral("--raw-frame"),
                   QStringLiteral("fin=0,opcode=0x9,key=a1b2c3d4,payload=hex:010203") }
            << QStringList { QStringLiteral("FRAME fin=1 rsv=000 opcode=1 masked=1 %1 len=1 payload=61").arg(anyKey),
                   QStringLiteral("FRAME fin=1 rsv=000 opcode=1 masked=1 key=01020304 len=3 payload=726177"),
                   QStringLiteral("FRAME fin=1 rsv=000 opcode=2 masked=1 %1 len=1 payload=0b").arg(anyKey),
                   QStringLiteral("FRAME fin=0 rsv=000 opcode=9 masked=1 key=a1b2c3d4 len=3 payload=010203") };
        QTest::newRow("reserved opcode, rsv bits, unmasked") << QStringList {
            QStringLiteral("--raw-frame"), QStringLiteral("opcode=0x3,rsv1=1,rsv3=1,mask=0,payload=base64:AAE=")
        } << QStringList { QStringLiteral("FRAME fin=1 rsv=101 opcode=3 masked=0 key= len=2 payload=0001") };
        QTest::newRow("preset oversized-ping")
            << QStringList { QStringLiteral("--raw-frame"), QStringLiteral("preset=oversized-ping,key=00000000") }
            << QStringList { QStringLiteral(
                   "FRAME fin=1 rsv=000 opcode=9 masked=1 key=00000000 len=126 payload=(70){126}") };
        QTest::newRow("preset continuation-without-start")
            << QStringList { QStringLiteral("--raw-frame"), QStringLiteral("preset=continuation-without-start"),
                   QStringLiteral("--repeat"), QStringLiteral("1") }
            << QStringList { QStringLiteral("FRAME fin=1 rsv=000 opcode=0 masked=1 %1 len=6 payload=%2")
                                 .arg(anyKey, QString::fromLatin1(QByteArray("orphan").toHex())) };
    }

    void rawFramesReachTheServerExactly()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        const qsizetype from = m_raw.readOutput().size();
        const CliRun run = runCli(QStringList { m_raw.url(QStringLiteral("/report")), QStringLiteral("--wait-ms"),
                                      QStringLiteral("200"), QStringLiteral("--timeout-ms"), QStringLiteral("1000") }
            + args);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QVERIFY2(run.exitCode != kUsage && run.exitCode != kFailed, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // What the server saw, before this client's Close: exactly the frames asked for.
        QStringList frames = reportedFrames(from, expected.size() + 1);
        QVERIFY2(!frames.isEmpty() && frames.last().contains(QLatin1String("opcode=8")), qPrintable(frames.join('\n')));
        frames.removeLast();
        QCOMPARE(frames.size(), expected.size());
        for (qsizetype i = 0; i < frames.size(); ++i)
            QVERIFY2(QRegularExpression(QLatin1Char('^') + expected[i] + QLatin1Char('$')).match(frames[i]).hasMatch(),
                qPrintable(frames[i] + QStringLiteral(" does not match ") + expected[i]));
        // The log says each injection happened.
        int injected = 0;
        for (const QJsonObject &info : run.events(QStringLiteral("info")))
            injected += info.value(QLatin1String("message")).toString().startsWith(QLatin1String("Injected raw frame"));
        QCOMPARE(injected, int(args.count(QStringLiteral("--raw-frame"))));
    }

    void rawFrameAfterARuleBreakerFailsClearly()
    {
        const CliRun run = runCli({ m_raw.url(QStringLiteral("/report")), QStringLiteral("--raw-frame"),
            QStringLiteral("preset=fragmented-ping"), QStringLiteral("--raw-frame"),
            QStringLiteral("opcode=1,payload=text:x"), QStringLiteral("--timeout-ms"), QStringLiteral("1000") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        QVERIFY2(run.err.contains("--raw-frame") && run.err.contains("last"), run.err.constData());
        QVERIFY2(run.elapsedMs < 5000, qPrintable(run.describe()));
    }

    void noAutoPongLeavesTheServerPingUnanswered()
    {
        const CliRun run = runCli(
            { m_python.url(QStringLiteral("/ping")), QStringLiteral("--no-auto-pong"), QStringLiteral("--send"),
                QStringLiteral("still here"), QStringLiteral("--wait-ms"), QStringLiteral("500") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.first(QStringLiteral("ping"), QStringLiteral("in")).value(QLatin1String("payload")).toString(),
            QStringLiteral("are-you-there"));
        QVERIFY2(run.events(QStringLiteral("pong"), QStringLiteral("out")).isEmpty(), qPrintable(run.describe()));
        for (const QJsonObject &f : run.events(QStringLiteral("frame"), QStringLiteral("out")))
            QVERIFY(f.value(QLatin1String("opcode")).toInt() != 10);
        bool heldBack = false;
        for (const QJsonObject &info : run.events(QStringLiteral("info")))
            heldBack = heldBack || info.value(QLatin1String("message")).toString().contains(QLatin1String("held back"));
        QVERIFY2(heldBack, qPrintable(run.describe()));
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("still here") });
        QCOMPARE(run.exitCode, kCleanClose);
    }

    // --- connect: wss ---

    void selfSignedWithoutInsecureFailsNamingIt()
    {
        const CliRun run = runCli({ wssUrl(m_wssSelfSigned), QStringLiteral("--send"), QStringLiteral("x") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(run.elapsedMs < 5000, qPrintable(run.describe())); // nobody is asked; it never waits
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        QVERIFY2(run.err.contains("self-signed") && run.err.contains("--insecure"), run.err.constData());
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(run.first(QStringLiteral("error")).value(QLatin1String("layer")).toString(), QStringLiteral("tls"));
        QVERIFY(run.events(QStringLiteral("open")).isEmpty());
        QVERIFY(run.events(QStringLiteral("message")).isEmpty());
    }

    void insecureProceedsPastSelfSignedAndSaysSo()
    {
        const CliRun run = runCli({ wssUrl(m_wssSelfSigned), QStringLiteral("--insecure"), QStringLiteral("--send"),
            QStringLiteral("through tls"), QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kCleanClose);
        const QJsonObject tls = run.first(QStringLiteral("tls"));
        QVERIFY2(!tls.isEmpty(), qPrintable(run.describe()));
        for (const char *field :
            { "chain", "protocol", "cipher", "errors", "host", "verified", "proceeded_despite_errors" })
            QVERIFY2(tls.contains(QLatin1String(field)), field);
        QCOMPARE(tls.value(QLatin1String("verified")).toBool(), false);
        QCOMPARE(tls.value(QLatin1String("proceeded_despite_errors")).toBool(), true);
        QVERIFY(tls.value(QLatin1String("errors")).toArray().first().toString().contains(QLatin1String("self-signed")));
        const QJsonObject leaf = tls.value(QLatin1String("chain")).toArray().first().toObject();
        QCOMPARE(leaf.value(QLatin1String("subject")).toString(), QStringLiteral("CN=127.0.0.1"));
        // Interception: the plaintext handshake and frames, as for ws://.
        QCOMPARE(headerValues(run.first(QStringLiteral("handshake_response")).value(QLatin1String("headers")).toArray(),
                     QStringLiteral("X-Test-Peer")),
            QStringList { QStringLiteral("python-wss") });
        QVERIFY(!run.events(QStringLiteral("frame")).isEmpty());
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("through tls") });
        // The CA that intercepted it lives in the test's own app data folder.
        QVERIFY2(QFileInfo::exists(cliCaCertificate()), qPrintable(cliCaCertificate()));
    }

    void caFileVerifiesTheServer()
    {
        const CliRun run = runCli({ wssUrl(m_wssGood), QStringLiteral("--ca"), cert(QStringLiteral("ca.pem")),
            QStringLiteral("--tls-min"), QStringLiteral("1.3"), QStringLiteral("--send"), QStringLiteral("trusted"),
            QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kCleanClose);
        const QJsonObject tls = run.first(QStringLiteral("tls"));
        QCOMPARE(tls.value(QLatin1String("verified")).toBool(), true);
        QCOMPARE(tls.value(QLatin1String("errors")).toArray().size(), 0);
        QCOMPARE(tls.value(QLatin1String("protocol")).toString(), QStringLiteral("TLS 1.3"));
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("trusted") });

        const CliRun without = runCli({ wssUrl(m_wssGood) });
        QCOMPARE(without.exitCode, kFailed);
        QVERIFY2(without.err.contains("--ca"), without.err.constData());
    }

    void clientCertificateForMutualTls_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("PEM certificate and key") << QStringList { QStringLiteral("--cert"),
            cert(QStringLiteral("client.pem")), QStringLiteral("--key"), cert(QStringLiteral("client.key")) }
                                                 << kCleanClose;
        QTest::newRow("PKCS#12 with password") << QStringList { QStringLiteral("--cert"),
            cert(QStringLiteral("client.p12")), QStringLiteral("--cert-password"), QStringLiteral("secret") }
                                               << kCleanClose;
        QTest::newRow("no client certificate") << QStringList {} << kFailed;
    }

    void clientCertificateForMutualTls()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const CliRun run = runCli(
            QStringList { wssUrl(m_wssMutual), QStringLiteral("--ca"), cert(QStringLiteral("ca.pem")),
                QStringLiteral("--send"), QStringLiteral("mutual"), QStringLiteral("--wait-ms"), QStringLiteral("200") }
            + args);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode == kCleanClose) {
            QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("mutual") });
        } else {
            QVERIFY2(isOneLineReason(run.err), run.err.constData());
            QVERIFY(!run.events(QStringLiteral("error")).isEmpty());
        }
    }

    void noInterceptShowsOnlyWhatTheSocketSaw()
    {
        const CliRun run = runCli({ wssUrl(m_wssGood), QStringLiteral("--ca"), cert(QStringLiteral("ca.pem")),
            QStringLiteral("--no-intercept"), QStringLiteral("--send"), QStringLiteral("opaque"),
            QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kCleanClose);
        QVERIFY(run.events(QStringLiteral("frame")).isEmpty());
        const QJsonObject echo = run.first(QStringLiteral("message"), QStringLiteral("in"));
        QCOMPARE(echo.value(QLatin1String("text")).toString(), QStringLiteral("opaque"));
        QCOMPARE(echo.value(QLatin1String("source")).toString(), QStringLiteral("socket"));
    }

    // --- serve ---

    void serveStreamsEveryClientWithItsOwnConn()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--subprotocol"),
            QStringLiteral("chat"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        QVERIFY2(
            QRegularExpression(QStringLiteral("^ws://127\\.0\\.0\\.1:\\d+/$")).match(serve.listeningUrl()).hasMatch(),
            qPrintable(serve.listeningUrl()));
        const QStringList python = runPythonClient({ serve.url(QStringLiteral("/py?x=1")), QStringLiteral("--header"),
            QStringLiteral("X-Client: python"), QStringLiteral("--subprotocol"), QStringLiteral("chat"),
            QStringLiteral("--send"), QStringLiteral("from python"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(python,
            (QStringList { QStringLiteral("OPEN chat"), QStringLiteral("RECV from python"),
                QStringLiteral("CLOSED 1000 client done") }));
        const QStringList node = runNodeClient({ serve.url(QStringLiteral("/node")), QStringLiteral("--header"),
            QStringLiteral("X-Client: node"), QStringLiteral("--origin"), QStringLiteral("http://node.example"),
            QStringLiteral("--send"), QStringLiteral("from node"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(node.value(0), QStringLiteral("OPEN -"));
        QCOMPARE(node.value(1), QStringLiteral("RECV from node"));
        QVERIFY2(serve.waitForOutput("\"from node\""), "the node client's message never showed");

        const CliRun run = serve.finish(true, 3000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, 0);
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(run.lines.value(1).value(QLatin1String("event")).toString(), QStringLiteral("listening"));

        // Each client: its upgrade request as received, the 101 as sent, and its messages both ways, under one conn.
        const QList<QJsonObject> requests = run.events(QStringLiteral("handshake_request"));
        QCOMPARE(requests.size(), 2);
        const struct
        {
            QString target, header, text;
        } clients[] = { { QStringLiteral("/py?x=1"), QStringLiteral("python"), QStringLiteral("from python") },
            { QStringLiteral("/node"), QStringLiteral("node"), QStringLiteral("from node") } };
        QSet<int> conns;
        for (int i = 0; i < 2; ++i) {
            const QJsonObject &request = requests[i];
            const int conn = request.value(QLatin1String("conn")).toInt();
            conns.insert(conn);
            QCOMPARE(request.value(QLatin1String("dir")).toString(), QStringLiteral("in"));
            QCOMPARE(request.value(QLatin1String("target")).toString(), clients[i].target);
            const QJsonArray headers = request.value(QLatin1String("headers")).toArray();
            QCOMPARE(headerValues(headers, QStringLiteral("X-Client")), QStringList { clients[i].header });
            QCOMPARE(headersOfJson(headers), headersOfRaw(request.value(QLatin1String("raw")).toString()));
            const QJsonObject response = run.first(QStringLiteral("handshake_response"), QStringLiteral("out"), conn);
            QCOMPARE(response.value(QLatin1String("status")).toInt(), 101);
            QVERIFY(response.value(QLatin1String("accept")).toObject().value(QLatin1String("valid")).toBool());
            QCOMPARE(run.texts(QStringLiteral("in"), conn), QStringList { clients[i].text });
            QCOMPARE(run.texts(QStringLiteral("out"), conn), QStringList { clients[i].text });
            QCOMPARE(run.events(QStringLiteral("close"), QStringLiteral("in"), conn).size(), 1);
        }
        QCOMPARE(conns.size(), 2);
        QCOMPARE(headerValues(requests[1].value(QLatin1String("headers")).toArray(), QStringLiteral("Origin")),
            QStringList { QStringLiteral("http://node.example") });
        QCOMPARE(run.first(QStringLiteral("open"), {}, requests[0].value(QLatin1String("conn")).toInt())
                     .value(QLatin1String("subprotocol"))
                     .toString(),
            QStringLiteral("chat"));
    }

    void serveRejectModeStatusIsSeenByTheClient()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--mode"), QStringLiteral("reject"), QStringLiteral("--reject-status"),
            QStringLiteral("401"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        QCOMPARE(runPythonClient({ serve.url() }), QStringList { QStringLiteral("STATUS 401") });
        QCOMPARE(runNodeClient({ serve.url() }).value(0), QStringLiteral("STATUS 401"));
        QVERIFY(serve.waitForOutput("\"status\":401"));
        const CliRun run = serve.finish(true, 3000);
        QCOMPARE(run.exitCode, 0);
        const QList<QJsonObject> responses = run.events(QStringLiteral("handshake_response"), QStringLiteral("out"));
        QCOMPARE(responses.size(), 2);
        for (const QJsonObject &r : responses)
            QCOMPARE(r.value(QLatin1String("status")).toInt(), 401);
        QVERIFY(run.events(QStringLiteral("open")).isEmpty());
    }

    void serveStopsOnSigtermClosingClientsWith1001()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--no-frames") }));
        QProcess python;
        python.start(QStringLiteral(WSI_SYSTEM_PYTHON),
            { QStringLiteral(WSI_TEST_PEERS_DIR "/ws_client.py"), serve.url(), QStringLiteral("--send"),
                QStringLiteral("py"), QStringLiteral("--expect"), QStringLiteral("1"), QStringLiteral("--stay-ms"),
                QStringLiteral("15000") });
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), QStringLiteral("/usr/share/nodejs"));
        node.setProcessEnvironment(env);
        node.start(QStringLiteral("node"),
            { QStringLiteral(WSI_TEST_PEERS_DIR "/ws_client.js"), serve.url(), QStringLiteral("--send"),
                QStringLiteral("js"), QStringLiteral("--expect"), QStringLiteral("2") });
        QVERIFY2(serve.waitForOutput("\"text\":\"py\"") && serve.waitForOutput("\"text\":\"js\""),
            "the clients never showed");
        QTest::qWait(300); // the echoes are on their way

        const CliRun run = serve.finish(true, 3000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.elapsedMs < 3000, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QList<QJsonObject> closes = run.events(QStringLiteral("close"), QStringLiteral("out"));
        QCOMPARE(closes.size(), 2);
        for (const QJsonObject &c : closes)
            QCOMPARE(c.value(QLatin1String("code")).toInt(), 1001);

        // Either may have ended already while the server stopped; the output stays readable.
        const auto outputOf = [](QProcess &process) {
            QElapsedTimer waited;
            waited.start();
            while (process.state() != QProcess::NotRunning && waited.elapsed() < 10000)
                QTest::qWait(20);
            return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        };
        const QString pythonOut = outputOf(python);
        const QString nodeOut = outputOf(node);
        QVERIFY2(pythonOut.contains(QLatin1String("CLOSED 1001")), qPrintable(pythonOut));
        QVERIFY2(nodeOut.contains(QLatin1String("CLOSED 1001")), qPrintable(nodeOut));
    }

    void serveStopsAfterItsDuration()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--duration-ms"), QStringLiteral("500") }));
        const CliRun run = serve.finish(false, 5000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(serve.runningMs() < 3000, qPrintable(run.describe()));
        QCOMPARE(run.lines.size(), 2); // the session line and listening
        QVERIFY(run.err.isEmpty());
    }

    void serveWssWithTheAppCa()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--tls"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        QVERIFY2(serve.listeningUrl().startsWith(QLatin1String("wss://127.0.0.1:")), qPrintable(serve.listeningUrl()));
        QVERIFY2(QFileInfo::exists(cliCaCertificate()), qPrintable(cliCaCertificate()));
        const QStringList python = runPythonClient({ serve.url(), QStringLiteral("--cafile"), cliCaCertificate(),
            QStringLiteral("--send"), QStringLiteral("secret"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(python.value(1), QStringLiteral("RECV secret"));
        QVERIFY(serve.waitForOutput("\"secret\""));
        const CliRun run = serve.finish(true, 3000);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("secret") });
    }

    void serveBindingBeyondLoopbackWarns()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--host"), QStringLiteral("0.0.0.0"), QStringLiteral("--duration-ms"),
            QStringLiteral("300") }));
        QVERIFY2(serve.listeningUrl().startsWith(QLatin1String("ws://127.0.0.1:")), qPrintable(serve.listeningUrl()));
        const CliRun run = serve.finish(false, 5000);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("warning") && run.err.contains("0.0.0.0"), run.err.constData());
    }

    void serveRefusesInvalidUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown mode") << QStringList { QStringLiteral("--mode"), QStringLiteral("loud") }
                                      << QStringLiteral("loud");
        QTest::newRow("reject status 99") << QStringList { QStringLiteral("--mode"), QStringLiteral("reject"),
            QStringLiteral("--reject-status"), QStringLiteral("99") }
                                          << QStringLiteral("reject-status");
        QTest::newRow("reject status without reject mode") << QStringList { QStringLiteral("--reject-status"),
            QStringLiteral("401") } << QStringLiteral("--mode reject");
        QTest::newRow("host that is no address")
            << QStringList { QStringLiteral("--host"), QStringLiteral("example") } << QStringLiteral("example");
        QTest::newRow("port 70000") << QStringList { QStringLiteral("--port"), QStringLiteral("70000") }
                                    << QStringLiteral("port");
        QTest::newRow("cert without tls") << QStringList { QStringLiteral("--cert"), cert(QStringLiteral("good.pem")),
            QStringLiteral("--key"), cert(QStringLiteral("good.key")) }
                                          << QStringLiteral("--tls");
        QTest::newRow("cert without key")
            << QStringList { QStringLiteral("--tls"), QStringLiteral("--cert"), cert(QStringLiteral("good.pem")) }
            << QStringLiteral("key");
        QTest::newRow("a URL") << QStringList { QStringLiteral("ws://127.0.0.1:9/") } << QStringLiteral("ws://");
    }

    void serveRefusesInvalidUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun run = runCliCommand(QStringList { QStringLiteral("serve") } + args, 10000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kUsage);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void servePortInUseFails()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        const CliRun run = runCliCommand({ QStringLiteral("serve"), QStringLiteral("--port"),
            QString::number(taken.serverPort()), QStringLiteral("--duration-ms"), QStringLiteral("1000") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void connectSigintClosesCleanly()
    {
        QProcess process;
        process.setProcessEnvironment(cliEnvironment());
        process.start(QStringLiteral(WSI_CLI_PATH),
            { QStringLiteral("connect"), m_python.url(QStringLiteral("/echo")), QStringLiteral("--send"),
                QStringLiteral("long"), QStringLiteral("--wait-ms"), QStringLiteral("60000") });
        QElapsedTimer waited;
        waited.start();
        QByteArray out;
        while (!out.contains("\"dir\":\"in\",\"event\":\"message\"") && waited.elapsed() < 10000) {
            process.waitForReadyRead(100);
            out += process.readAllStandardOutput();
        }
        QVERIFY2(out.contains("\"text\":\"long\""), out.constData());
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(5000));
        out += process.readAllStandardOutput();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), kCleanClose);
        QVERIFY2(
            out.contains("\"code\":1000,\"code_name\":\"Normal Closure\",\"conn\":1,\"dir\":\"in\""), out.constData());
    }

    void reconnectGivesUpAfterMaxAttemptsEachAttemptItsOwnConn()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const CliRun run = runCli({ QStringLiteral("ws://127.0.0.1:%1/").arg(port), QStringLiteral("--reconnect"),
            QStringLiteral("--reconnect-initial-ms"), QStringLiteral("20"), QStringLiteral("--reconnect-max-ms"),
            QStringLiteral("40"), QStringLiteral("--reconnect-max-attempts"), QStringLiteral("3") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        QVERIFY2(run.err.contains("Gave up after 3 reconnect attempts"), run.err.constData());
        // The first try and three reconnects: four connections, each refused at the TCP layer.
        const QList<QJsonObject> errors = run.events(QStringLiteral("error"));
        QCOMPARE(errors.size(), 4);
        QList<int> conns;
        for (const QJsonObject &e : errors) {
            QCOMPARE(e.value(QLatin1String("layer")).toString(), QStringLiteral("tcp"));
            conns << e.value(QLatin1String("conn")).toInt();
        }
        QCOMPARE(QSet<int>(conns.begin(), conns.end()).size(), 4);
        // Every line of every attempt names the endpoint group (the first conn) and its attempt number.
        for (qsizetype i = 1; i < run.lines.size(); ++i) {
            const QJsonObject &o = run.lines[i];
            QCOMPARE(o.value(QLatin1String("group")).toInt(), conns.first());
            QCOMPARE(
                o.value(QLatin1String("attempt")).toInt(), conns.indexOf(o.value(QLatin1String("conn")).toInt()) + 1);
        }
        int scheduled = 0;
        for (const QJsonObject &info : run.events(QStringLiteral("info")))
            scheduled
                += info.value(QLatin1String("message")).toString().startsWith(QLatin1String("Auto-reconnect: attempt"))
                ? 1
                : 0;
        QCOMPARE(scheduled, 3);
    }

    void reconnectAfterADropOpensAgain()
    {
        const CliRun run = runCli({ m_python.url(QStringLiteral("/drop")), QStringLiteral("--send"),
            QStringLiteral("bye"), QStringLiteral("--reconnect"), QStringLiteral("--reconnect-initial-ms"),
            QStringLiteral("20"), QStringLiteral("--reconnect-max-attempts"), QStringLiteral("2") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Each attempt opened, sent its message, and was dropped (1006): the drop is not the user's doing.
        const QList<QJsonObject> opens = run.events(QStringLiteral("open"));
        QCOMPARE(opens.size(), 3);
        QCOMPARE(run.events(QStringLiteral("message"), QStringLiteral("out")).size(), 3);
        for (int i = 0; i < opens.size(); ++i)
            QCOMPARE(opens[i].value(QLatin1String("attempt")).toInt(), i + 1);
        QVERIFY(run.events(QStringLiteral("close")).isEmpty());
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(run.err.contains("1006"), run.err.constData());
    }

    void keepaliveMissedPongIsAnErrorAndCloses()
    {
        const CliRun run = runCli({ m_raw.url(QStringLiteral("/silent")), QStringLiteral("--keepalive-ms"),
            QStringLiteral("100"), QStringLiteral("--keepalive-timeout-ms"), QStringLiteral("200"),
            QStringLiteral("--keepalive-close"), QStringLiteral("--wait-ms"), QStringLiteral("20000") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!run.events(QStringLiteral("ping"), QStringLiteral("out")).isEmpty());
        QVERIFY(run.events(QStringLiteral("pong"), QStringLiteral("in")).isEmpty());
        const QList<QJsonObject> errors = run.events(QStringLiteral("error"));
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().value(QLatin1String("layer")).toString(), QStringLiteral("websocket"));
        QVERIFY2(errors.first()
                     .value(QLatin1String("message"))
                     .toString()
                     .startsWith(QLatin1String("No pong within 200 ms")),
            qPrintable(errors.first().value(QLatin1String("message")).toString()));
        // The keepalive closed with 1001 long before --wait-ms was over; the silent server never answered.
        QCOMPARE(run.first(QStringLiteral("close"), QStringLiteral("out")).value(QLatin1String("code")).toInt(), 1001);
        QCOMPARE(run.exitCode, kUncleanClose);
    }

    void keepaliveAnsweredRaisesNoErrorAndAddsNoGroupFields()
    {
        const CliRun run = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--keepalive-ms"),
            QStringLiteral("50"), QStringLiteral("--wait-ms"), QStringLiteral("500") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(run.events(QStringLiteral("ping"), QStringLiteral("out")).size() >= 3);
        QVERIFY(run.events(QStringLiteral("pong"), QStringLiteral("in")).size() >= 3);
        QVERIFY(run.events(QStringLiteral("error")).isEmpty());
        QCOMPARE(run.exitCode, kCleanClose);
        for (const QJsonObject &o : run.lines)
            QVERIFY(!o.contains(QLatin1String("group")) && !o.contains(QLatin1String("attempt")));
    }

    // --har, --reveal-secrets and convert (docs/cli.md).
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QByteArray everyByte()
    {
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i));
        return bytes;
    }

    // The binary payloads of a HAR file's _webSocketMessages, decoded, for one direction ("send"/"receive").
    static QList<QByteArray> harBinaries(const QByteArray &har, const QString &type)
    {
        QList<QByteArray> found;
        const QJsonArray entries = QJsonDocument::fromJson(har)
                                       .object()
                                       .value(QLatin1String("log"))
                                       .toObject()
                                       .value(QLatin1String("entries"))
                                       .toArray();
        for (const QJsonValue &entry : entries) {
            for (const QJsonValue &m : entry.toObject().value(QLatin1String("_webSocketMessages")).toArray()) {
                const QJsonObject o = m.toObject();
                if (o.value(QLatin1String("opcode")).toInt() == 2 && o.value(QLatin1String("type")).toString() == type)
                    found << QByteArray::fromBase64(o.value(QLatin1String("data")).toString().toLatin1());
            }
        }
        return found;
    }

    void connectHarWritesTheSessionWithSecretsMasked_data()
    {
        QTest::addColumn<bool>("reveal");
        QTest::newRow("masked by default") << false;
        QTest::newRow("--reveal-secrets") << true;
    }

    void connectHarWritesTheSessionWithSecretsMasked()
    {
        QFETCH(bool, reveal);
        const QString har = file(reveal ? QStringLiteral("revealed.har") : QStringLiteral("masked.har"));
        QStringList args { m_python.url(QStringLiteral("/echo?room=2&token=t0kenValue")), QStringLiteral("--header"),
            QStringLiteral("Authorization: Bearer b3arerValue"), QStringLiteral("--send"), QStringLiteral("hi har"),
            QStringLiteral("--send-file"), file(QStringLiteral("all-bytes.bin")), QStringLiteral("--wait-ms"),
            QStringLiteral("200"), QStringLiteral("--har"), har };
        if (reveal)
            args << QStringLiteral("--reveal-secrets");
        const CliRun run = runCli(args);
        QVERIFY2(run.exited && run.exitCode == kCleanClose, qPrintable(run.describe()));
        const QByteArray written = readAll(har);
        QVERIFY2(written.contains("\"_webSocketMessages\""), written.left(400).constData());
        QCOMPARE(written.contains("t0kenValue"), reveal);
        QCOMPARE(written.contains("b3arerValue"), reveal);
        // The stdout session log is never masked: it is the wire truth for scripts.
        QVERIFY(run.out.contains("b3arerValue"));
        QCOMPARE(harBinaries(written, QStringLiteral("send")), QList<QByteArray> { everyByte() });
        QCOMPARE(harBinaries(written, QStringLiteral("receive")), QList<QByteArray> { everyByte() });
    }

    void revealSecretsWithoutHarIsAUsageError()
    {
        const CliRun run = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--reveal-secrets") });
        QVERIFY(run.exited);
        QCOMPARE(run.exitCode, kUsage);
        QVERIFY2(run.err.contains("--har"), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void convertRoundTripsSessionLogAndHar()
    {
        const CliRun run = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--send-file"),
            file(QStringLiteral("all-bytes.bin")), QStringLiteral("--send"), QStringLiteral("text too"),
            QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited && run.exitCode == kCleanClose, qPrintable(run.describe()));
        const QString log = file(QStringLiteral("convert-in.jsonl"));
        {
            QFile f(log);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(run.out);
        }
        const QString har = file(QStringLiteral("convert.har"));
        const CliRun toHar = runCliCommand({ QStringLiteral("convert"), log, har });
        QVERIFY2(toHar.exited && toHar.exitCode == kCleanClose, qPrintable(toHar.describe()));
        QVERIFY(toHar.out.isEmpty());
        QCOMPARE(harBinaries(readAll(har), QStringLiteral("receive")), QList<QByteArray> { everyByte() });

        const QString back = file(QStringLiteral("convert-back.jsonl"));
        const CliRun toLog = runCliCommand({ QStringLiteral("convert"), har, back });
        QVERIFY2(toLog.exited && toLog.exitCode == kCleanClose, qPrintable(toLog.describe()));
        CliRun reread;
        reread.out = readAll(back);
        reread.parse();
        QVERIFY2(reread.problems.isEmpty(), qPrintable(reread.problems.join(QLatin1Char('\n'))));
        QCOMPARE(
            reread.lines.value(0).value(QLatin1String("format")).toString(), QStringLiteral("wsinspector-session/1"));
        QCOMPARE(reread.binaries(QStringLiteral("out")), QList<QByteArray> { everyByte() });
        QCOMPARE(reread.binaries(QStringLiteral("in")), QList<QByteArray> { everyByte() });
        QCOMPARE(reread.texts(QStringLiteral("in")), QStringList { QStringLiteral("text too") });
    }

    void convertReadsChromiumDevToolsHar()
    {
        const QString out = file(QStringLiteral("devtools.jsonl"));
        const CliRun run = runCliCommand(
            { QStringLiteral("convert"), QStringLiteral(WSI_TEST_DATA_DIR "/chromium-devtools.har"), out });
        QVERIFY2(run.exited && run.exitCode == kCleanClose, qPrintable(run.describe()));
        CliRun reread;
        reread.out = readAll(out);
        reread.parse();
        QVERIFY(reread.problems.isEmpty());
        QVERIFY(!reread.events(QStringLiteral("handshake_request")).isEmpty());
        QVERIFY(!reread.events(QStringLiteral("message")).isEmpty());
    }

    void convertRefusesBadInput_data()
    {
        QTest::addColumn<QString>("inName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("outName");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("broken session log line")
            << QStringLiteral("broken.jsonl")
            << QByteArray(
                   "{\"event\":\"session\",\"format\":\"wsinspector-session/1\",\"t\":\"2026-01-01T00:00:00.000Z\","
                   "\"tool\":\"x\"}\n{\"conn\":1,\"event\":\"open\",\"t\":\n{\"conn\":1}\n")
            << QStringLiteral("x.har") << kFailed << QStringLiteral("line 2");
        QTest::newRow("broken HAR") << QStringLiteral("broken.har") << QByteArray("{\"log\":\n[}")
                                    << QStringLiteral("x.jsonl") << kFailed << QStringLiteral("line 2");
        QTest::newRow("neither format") << QStringLiteral("notes.txt") << QByteArray("hello\n")
                                        << QStringLiteral("x.har") << kFailed << QStringLiteral("unknown format");
        QTest::newRow("missing input") << QStringLiteral("") << QByteArray() << QStringLiteral("x.har") << kFailed
                                       << QStringLiteral("no such file");
        QTest::newRow("unknown output extension") << QStringLiteral("fine.jsonl") << QByteArray("{}\n")
                                                  << QStringLiteral("x.csv") << kUsage << QStringLiteral(".jsonl");
    }

    void convertRefusesBadInput()
    {
        QFETCH(QString, inName);
        QFETCH(QByteArray, content);
        QFETCH(QString, outName);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QString in = file(QStringLiteral("does-not-exist.jsonl"));
        if (!inName.isEmpty()) {
            in = file(inName);
            QFile f(in);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const QString out = file(outName);
        const CliRun run = runCliCommand({ QStringLiteral("convert"), in, out });
        QVERIFY(run.exited);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
