// wsinspector-cli proxy --hold in front of a python3-websockets server with a short keepalive (pings every 0.3 s,
// 0.3 s to answer; the library's default is 20 s each), issue 13: "a held message pauses only its own direction
// of its own connection; timeouts do not fire while the user decides". A message held for many ping intervals,
// either way, is forwarded from stdin afterwards and echoed: the pings and pongs of the held direction passed it
// meanwhile. Each leg records what crossed its own wire in the order it crossed: the held message before those
// pongs (or pings) on the leg it came from, after them on the leg it went on to.
#include "clientprocess.h"
#include "cliproxylegs.h"
#include "clirun.h"
#include "peerprocess.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTest>

namespace {

// A pong the proxy wrote to the server, and a ping it wrote to the client (JSON keys are printed sorted).
constexpr char kPongToServer[] = "\"dir\":\"out\",\"event\":\"pong\",\"leg\":\"server\"";
constexpr char kPingToClient[] = "\"dir\":\"out\",\"event\":\"ping\",\"leg\":\"client\"";
// Ping intervals to sit out while held: 5 x (0.3 s + its pong) is well past the server's 0.6 s to time out.
constexpr int kIntervalsHeld = 5;

// The index in run.lines of the first event of that kind, direction and leg (after `from`), or -1.
qsizetype firstOnLeg(
    const CliRun &run, const QString &event, const QString &dir, const QString &leg, qsizetype from = 0)
{
    for (qsizetype i = from; i < run.lines.size(); ++i) {
        const QJsonObject &o = run.lines[i];
        if (o.value(QLatin1String("event")).toString() == event && o.value(QLatin1String("dir")).toString() == dir
            && o.value(QLatin1String("leg")).toString() == leg)
            return i;
    }
    return -1;
}

qsizetype messageOnLeg(const CliRun &run, const QString &dir, const QString &leg)
{
    for (qsizetype i = 0; i < run.lines.size(); ++i) {
        const QJsonObject &o = run.lines[i];
        if (o.value(QLatin1String("event")).toString() == QLatin1String("message")
            && o.value(QLatin1String("dir")).toString() == dir && o.value(QLatin1String("leg")).toString() == leg
            && o.value(QLatin1String("text")).toString() == QLatin1String("hold me"))
            return i;
    }
    return -1;
}

} // namespace

class tst_CliProxyKeepalive : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_server;

    // The server printed that the connection ended with code and reason (bounded wait).
    bool serverEnded(const QByteArray &line)
    {
        QElapsedTimer waited;
        waited.start();
        while (!m_server.readOutput().contains(line) && waited.elapsed() < 5000)
            QTest::qWait(20);
        return m_server.readOutput().contains(line);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("keepalive_echo_server.py")),
            "the python3-websockets keepalive server did not start");
    }
    void cleanupTestCase() { m_server.stop(); }

    void aHeldMessageLetsTheKeepaliveThrough_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::newRow("client to server held: the client's pongs pass it") << QStringLiteral("out");
        QTest::newRow("server to client held: the server's pings pass it") << QStringLiteral("in");
    }

    void aHeldMessageLetsTheKeepaliveThrough()
    {
        QFETCH(QString, dir);
        m_server.clearOutput();
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), m_server.url(), QStringLiteral("--hold"),
            dir + QStringLiteral(":^hold"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        BackgroundClient client;
        client.startPython({ proxy.url(), QStringLiteral("--send"), QStringLiteral("hold me"),
            QStringLiteral("--expect"), QStringLiteral("1") });
        QVERIFY(proxy.waitForOutput("\"event\":\"held\""));
        // The server's pings keep being answered while the message is held: its keepalive never times out.
        const qsizetype pongsBefore = proxy.outputCount(kPongToServer);
        QVERIFY2(proxy.waitForOutputCount(kPongToServer, pongsBefore + kIntervalsHeld, 10000),
            "the server's pings were not answered while a message was held");
        QVERIFY(!m_server.readOutput().contains("ENDED"));
        proxy.writeInput("forward 1\n");
        QCOMPARE(client.finish(),
            (QStringList {
                QStringLiteral("OPEN -"), QStringLiteral("RECV hold me"), QStringLiteral("CLOSED 1000 client done") }));
        QVERIFY2(serverEnded("ENDED 1000 client done"), m_server.readOutput().constData());
        QVERIFY(proxy.waitForOutput("\"client done\""));
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.events(QStringLiteral("error")).isEmpty());

        // Wire-true per leg: the held message came in before the keepalive frames that passed it, and went on after.
        const bool out = dir == QLatin1String("out");
        const QString from = out ? QStringLiteral("client") : QStringLiteral("server");
        const QString to = out ? QStringLiteral("server") : QStringLiteral("client");
        const QString passing = out ? QStringLiteral("pong") : QStringLiteral("ping");
        const qsizetype arrived = messageOnLeg(run, QStringLiteral("in"), from);
        const qsizetype wentOn = messageOnLeg(run, QStringLiteral("out"), to);
        QVERIFY(arrived >= 0 && wentOn > arrived);
        const qsizetype passedIn = firstOnLeg(run, passing, QStringLiteral("in"), from, arrived);
        const qsizetype passedOut = firstOnLeg(run, passing, QStringLiteral("out"), to, arrived);
        QVERIFY2(passedIn > arrived && passedIn < wentOn, "no keepalive frame arrived after the held message");
        QVERIFY2(passedOut > arrived && passedOut < wentOn, "no keepalive frame went on before the held message");
        if (!out)
            QVERIFY(proxy.outputCount(kPingToClient) >= kIntervalsHeld);
    }
};

QTEST_GUILESS_MAIN(tst_CliProxyKeepalive)
#include "tst_cli_proxy_keepalive.moc"
