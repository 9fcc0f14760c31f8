// The local test server with a real browser client: Debian's headless Chromium loads a local page whose
// script opens a WebSocket to the server, and the test reads what the page saw from the dumped DOM.
// Chromium is a required peer (scripts/deps.sh installs it): when it is missing or does not run the test
// fails and says why, it never skips.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "eventquery.h"
#include "server/localserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace wsi;

namespace {

const QString kChromium = QStringLiteral("/usr/bin/chromium");
constexpr int kChromiumTimeoutMs = 60000;
constexpr int kGateTimeoutMs = 30000;

// Holds Chromium's DOM dump until the test has seen the WebSocket finish. --virtual-time-budget counts
// virtual time, which runs ahead while nothing but a WebSocket is pending, so the DOM could be dumped
// before the page saw the echo. Virtual time pauses while a fetch is pending: the page starts an image
// load from this server, which answers only once released.
class DumpGate : public QTcpServer
{
public:
    DumpGate()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                m_held << socket;
                if (m_released)
                    release();
            }
        });
    }

    bool released() const { return m_released; }
    void release()
    {
        m_released = true;
        for (const QPointer<QTcpSocket> &socket : std::as_const(m_held)) {
            if (socket) {
                socket->write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            }
        }
        m_held.clear();
    }

private:
    QList<QPointer<QTcpSocket>> m_held;
    bool m_released = false;
};

// The page reports into <pre id="log">: one line per WebSocket event, and "DONE" when it is over.
QByteArray pageFor(const QString &url, quint16 gatePort)
{
    // Outside the raw strings: moc reads a "//" inside one as the start of a comment.
    const QByteArray gateUrl = "http://127.0.0.1:" + QByteArray::number(gatePort) + "/hold";
    return QByteArrayLiteral(R"(<!doctype html>
<html><head><meta charset="utf-8"><title>wsi browser client</title></head>
<body><pre id="log"></pre>
<script>
const log = document.getElementById("log");
function say(line) { log.textContent += line + "\n"; }
const gate = new Image();
gate.src = ")")
        + gateUrl + QByteArrayLiteral(R"(";
let ws;
try {
  ws = new WebSocket(")")
        + url.toUtf8() + QByteArrayLiteral(R"(", ["chat"]);
} catch (e) {
  say("THROW " + e);
  say("DONE");
}
if (ws) {
  ws.onopen = () => { say("OPEN " + ws.protocol); ws.send("from chromium"); };
  ws.onmessage = (e) => { say("RECV " + e.data); ws.close(1000, "browser done"); };
  ws.onerror = () => { say("ERROR"); };
  ws.onclose = (e) => { say("CLOSE " + e.code + " " + e.wasClean); say("DONE"); };
}
</script></body></html>
)");
}

struct BrowserRun
{
    QString failure; // empty when Chromium ran and the page finished
    QStringList lines; // what the page wrote into <pre id="log">
    QString dom;
};

// Runs headless Chromium on the page while keeping this thread's event loop (and so the server) running.
// The gate lets Chromium dump the DOM once finished() holds (or after kGateTimeoutMs: a failure still
// shows what the page saw).
BrowserRun runChromium(const QString &pagePath, DumpGate *gate, const std::function<bool()> &finished)
{
    BrowserRun run;
    if (!QFileInfo(kChromium).isExecutable()) {
        run.failure = QStringLiteral("%1 is missing: install Debian's chromium (scripts/deps.sh does, "
                                     "or apt-get install chromium). This test needs a real browser client.")
                          .arg(kChromium);
        return run;
    }
    QTemporaryDir profile;
    if (!profile.isValid()) {
        run.failure = QStringLiteral("cannot create a temporary Chromium profile: %1").arg(profile.errorString());
        return run;
    }
    QProcess chromium;
    chromium.start(kChromium,
        { QStringLiteral("--headless=new"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
            QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
            QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
            QStringLiteral("--disable-quic"), QStringLiteral("--user-data-dir=") + profile.path(),
            QStringLiteral("--virtual-time-budget=5000"), QStringLiteral("--dump-dom"),
            QUrl::fromLocalFile(pagePath).toString() });
    QElapsedTimer timer;
    timer.start();
    while (chromium.state() != QProcess::NotRunning && timer.elapsed() < kChromiumTimeoutMs) {
        if (!gate->released() && (finished() || timer.elapsed() > kGateTimeoutMs)) {
            QTest::qWait(300); // the page's close event follows the server's last bytes
            gate->release();
        }
        QTest::qWait(20);
    }
    if (chromium.state() != QProcess::NotRunning) {
        chromium.kill();
        chromium.waitForFinished(5000);
        run.failure = QStringLiteral("Chromium did not finish within %1 s").arg(kChromiumTimeoutMs / 1000);
        return run;
    }
    run.dom = QString::fromUtf8(chromium.readAllStandardOutput());
    const QString errors = QString::fromUtf8(chromium.readAllStandardError()).trimmed();
    if (chromium.error() == QProcess::FailedToStart) {
        run.failure = QStringLiteral("Chromium failed to start: %1").arg(chromium.errorString());
        return run;
    }
    const QRegularExpression pre(
        QStringLiteral("<pre id=\"log\">(.*?)</pre>"), QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = pre.match(run.dom);
    if (chromium.exitStatus() != QProcess::NormalExit || chromium.exitCode() != 0 || !match.hasMatch()) {
        run.failure = QStringLiteral("Chromium exited with %1 (status %2) without dumping the page's log.\n"
                                     "stdout: %3\nstderr: %4")
                          .arg(chromium.exitCode())
                          .arg(int(chromium.exitStatus()))
                          .arg(run.dom.left(2000), errors.right(3000));
        return run;
    }
    QString text = match.captured(1);
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    run.lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return run;
}

} // namespace

class tst_LocalServerChromium : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<LocalServer> m_server;
    QTemporaryDir m_pages;
    std::unique_ptr<DumpGate> m_gate;

    QString writePage(const QString &name)
    {
        QUrl url = m_server->url();
        url.setPath(QStringLiteral("/browser"));
        const QString path = m_pages.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(pageFor(url.toString(), m_gate->serverPort()));
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_pages.isValid(), qPrintable(m_pages.errorString())); }

    void init()
    {
        m_workspace = std::make_unique<Workspace>();
        m_server = std::make_unique<LocalServer>(m_workspace.get());
        m_gate = std::make_unique<DumpGate>();
        QVERIFY(m_gate->listen(QHostAddress::LocalHost, 0));
    }

    // True once the browser's connection has ended on the server's side (or was refused).
    bool browserFinished() const
    {
        const QList<Connection *> &all = m_workspace->connections();
        return !all.isEmpty()
            && (all.first()->state() == Connection::State::Closed || all.first()->state() == Connection::State::Failed);
    }

    void cleanup()
    {
        m_gate.reset();
        m_server.reset();
        m_workspace.reset();
    }

    void browserClientIsEchoedAndRecordedWireTrue()
    {
        ServerOptions options;
        options.mode = ServerMode::Echo;
        options.subprotocols = { QStringLiteral("chat") };
        QString error;
        QVERIFY2(m_server->start(options, &error), qPrintable(error));
        const QString page = writePage(QStringLiteral("echo.html"));
        QVERIFY(!page.isEmpty());

        const BrowserRun run = runChromium(page, m_gate.get(), [this] { return browserFinished(); });
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        const QString seen = run.lines.join(QLatin1Char('\n'));
        QVERIFY2(run.lines.contains(QStringLiteral("OPEN chat")), qPrintable(seen));
        QVERIFY2(run.lines.contains(QStringLiteral("RECV from chromium")), qPrintable(seen));
        QVERIFY2(run.lines.contains(QStringLiteral("CLOSE 1000 true")), qPrintable(seen));

        QCOMPARE(m_workspace->connections().size(), 1);
        Connection *c = m_workspace->connections().first();
        QCOMPARE(c->kind(), Connection::Kind::Incoming);
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Closed, 10000);
        const HttpHead &request = c->handshake().request;
        QCOMPARE(request.target, QByteArray("/browser"));
        QVERIFY2(request.value("User-Agent").contains("Chrome"), request.value("User-Agent").constData());
        // A page loaded from file:// has an opaque origin, which Chromium sends as "null".
        const QByteArray origin = request.value("Origin");
        QVERIFY2(origin == "null" || origin.startsWith("file://"), origin.constData());
        QCOMPARE(request.values("Origin").size(), 1);
        QCOMPARE(request.value("Sec-WebSocket-Protocol"), QByteArray("chat"));
        QVERIFY(!request.value("Sec-WebSocket-Key").isEmpty());
        QCOMPARE(request.value("Sec-WebSocket-Version"), QByteArray("13"));
        // The 101 as sent, with the chosen subprotocol; the relay saw the same bytes the browser accepted.
        const HttpHead &response = c->handshake().response;
        QCOMPARE(response.status, 101);
        QCOMPARE(response.value("Sec-WebSocket-Protocol"), QByteArray("chat"));
        QVERIFY(c->handshake().accept.valid);
        QCOMPARE(c->negotiatedSubprotocol(), QStringLiteral("chat"));
        // The browser's message came in masked; the echo went out; the browser closed with 1000.
        const QList<qsizetype> in = eventsOf(*c, EventType::Message, Direction::Incoming);
        QCOMPARE(in.size(), 1);
        QCOMPARE(c->events().payloadText(in[0]), QStringLiteral("from chromium"));
        const QList<qsizetype> framesIn = eventsOf(*c, EventType::Frame, Direction::Incoming);
        QVERIFY(!framesIn.isEmpty() && c->events().at(framesIn[0]).hasFlag(FlagMasked));
        const QList<qsizetype> out = eventsOf(*c, EventType::Message, Direction::Outgoing);
        QCOMPARE(out.size(), 1);
        QCOMPARE(c->events().payloadText(out[0]), QStringLiteral("from chromium"));
        QCOMPARE(eventsOf(*c, EventType::Close, Direction::Incoming).size(), 1);
    }

    void browserFromDisallowedOriginIsRefusedWith403()
    {
        ServerOptions options;
        options.subprotocols = { QStringLiteral("chat") };
        options.allowedOrigins = { QStringLiteral("https://app.example") };
        QString error;
        QVERIFY2(m_server->start(options, &error), qPrintable(error));
        const QString page = writePage(QStringLiteral("refused.html"));
        QVERIFY(!page.isEmpty());

        const BrowserRun run = runChromium(page, m_gate.get(), [this] { return browserFinished(); });
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        const QString seen = run.lines.join(QLatin1Char('\n'));
        // A browser only says "error" then closes with 1006: it is not told the status (the inspector is).
        QVERIFY2(run.lines.filter(QStringLiteral("OPEN")).isEmpty(), qPrintable(seen));
        QVERIFY2(run.lines.contains(QStringLiteral("ERROR")), qPrintable(seen));
        QVERIFY2(run.lines.contains(QStringLiteral("CLOSE 1006 false")), qPrintable(seen));

        QVERIFY(!m_workspace->connections().isEmpty());
        Connection *c = m_workspace->connections().first();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Failed, 10000);
        QVERIFY2(c->handshake().request.value("User-Agent").contains("Chrome"),
            c->handshake().request.value("User-Agent").constData());
        QCOMPARE(c->handshake().response.status, 403);
        QVERIFY2(c->handshake().responseBody.contains("https://app.example"), c->handshake().responseBody.constData());
    }
};

QTEST_GUILESS_MAIN(tst_LocalServerChromium)
#include "tst_localserver_chromium.moc"
