// wsinspector-cli connect, run as a real process against real peers on 127.0.0.1 (python3-websockets and
// node-ws, started by the test) and against a TCP server that never answers. Every stdout line must be a
// JSON object of the session log format (docs/session-format.md); exit codes as in docs/cli.md.
#include "peerprocess.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
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

namespace {

// Exit codes of `wsinspector-cli connect` (docs/cli.md).
constexpr int kCleanClose = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;
constexpr int kUncleanClose = 3;

struct CliRun
{
    bool exited = false; // ended by itself within the bound (not killed, not crashed)
    int exitCode = -1;
    qint64 elapsedMs = 0;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> lines;
    QStringList problems; // stdout lines that are not JSON objects, or a last line without '\n'

    QList<QJsonObject> events(const QString &event, const QString &dir = {}) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &o : lines) {
            if (o.value(QLatin1String("event")).toString() == event
                && (dir.isEmpty() || o.value(QLatin1String("dir")).toString() == dir))
                found << o;
        }
        return found;
    }
    QJsonObject first(const QString &event, const QString &dir = {}) const { return events(event, dir).value(0); }
    QStringList texts(const QString &dir) const
    {
        QStringList texts;
        for (const QJsonObject &o : events(QStringLiteral("message"), dir))
            texts << o.value(QLatin1String("text")).toString();
        return texts;
    }
    // For failure messages.
    QString describe() const
    {
        return QStringLiteral("exit %1 after %2 ms; stderr: %3; stdout:\n%4")
            .arg(exitCode)
            .arg(elapsedMs)
            .arg(QString::fromUtf8(err.trimmed()), QString::fromUtf8(out.left(4000)));
    }
};

// Runs `wsinspector-cli connect ARGS` while this test's event loop keeps running (so servers inside the
// test can accept). Killed if it is still running after boundMs.
CliRun runCli(const QStringList &args, int boundMs = 20000)
{
    CliRun run;
    QProcess process;
    process.setProgram(QStringLiteral(WSI_CLI_PATH));
    process.setArguments(QStringList { QStringLiteral("connect") } + args);
    QEventLoop loop;
    QTimer bound;
    bound.setSingleShot(true);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&bound, &QTimer::timeout, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    process.start();
    bound.start(boundMs);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    run.elapsedMs = timer.elapsed();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        run.exited = process.exitStatus() == QProcess::NormalExit && process.error() != QProcess::FailedToStart;
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();

    if (!run.out.isEmpty() && !run.out.endsWith('\n'))
        run.problems << QStringLiteral("the last line has no newline");
    const QList<QByteArray> rawLines = run.out.split('\n');
    for (qsizetype i = 0; i + 1 < rawLines.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(rawLines[i], &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            run.problems << QStringLiteral("line %1 is not a JSON object (%2): %3")
                                .arg(i + 1)
                                .arg(error.errorString(), QString::fromUtf8(rawLines[i].left(300)));
        else
            run.lines << doc.object();
    }
    return run;
}

// Checks what every stream must have; returns the first problem, or an empty string.
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
    double lastUs = 0;
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
        if (!o.value(QLatin1String("conn")).isDouble())
            return where + QStringLiteral("no conn number");
        const double us = o.value(QLatin1String("t_us")).toDouble();
        if (us < lastUs)
            return where + QStringLiteral("t_us goes backwards");
        lastUs = us;
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
    PeerProcess m_python;
    PeerProcess m_node;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(QStringLiteral(WSI_CLI_PATH)), WSI_CLI_PATH);
        QVERIFY2(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
        QVERIFY2(m_node.start(QStringLiteral("node"), QStringLiteral("ws_server.js")), "node-ws server did not start");
    }

    void cleanupTestCase()
    {
        m_python.stop();
        m_node.stop();
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
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
