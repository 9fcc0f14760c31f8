// wsinspector-cli proxy between real peers (python3-websockets, without and with permessage-deflate): a large
// message forwarded unchanged is written once, its line on the other leg naming it ("payload_of", session format
// version 4), while a replaced one keeps its own payload and original; convert reads the references back and
// writes the same lines.
#include "clichecks.h"
#include "clientprocess.h"
#include "clipeers.h"
#include "cliproxylegs.h"
#include "clirun.h"
#include "peerprocess.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

namespace {

// The session lines of a run (no header, no `listening`), with the `conn` numbers left out: convert numbers the
// connections it reads anew.
QByteArrayList sessionLines(const QByteArray &output)
{
    static const QRegularExpression conn(QStringLiteral("\"conn\":\\d+,"));
    QByteArrayList lines;
    for (const QByteArray &line : output.split('\n')) {
        if (line.isEmpty() || line.contains("\"event\":\"session\"") || line.contains("\"event\":\"listening\""))
            continue;
        lines << QString::fromUtf8(line).remove(conn).toUtf8();
    }
    return lines;
}

} // namespace

class tst_CliProxyPayloadOf : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Python); }
    void cleanupTestCase() { m_peers.stop(); }

    void aForwardedEchoNamesItsPayloadAndAReplacedOneKeepsIt()
    {
        const QString plain = QString(3000, QLatin1Char('a')) + QStringLiteral(" plain");
        const QString toReplace = QStringLiteral("edit ") + QString(2000, QLatin1Char('x'));
        const QString replaced = QStringLiteral("EDITED ") + QString(2000, QLatin1Char('x'));
        const QString small = QStringLiteral("small");
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), QStringLiteral("ws://127.0.0.1:%1/").arg(m_peers.python().port()),
            QStringLiteral("--replace"), QStringLiteral("out:^edit=>EDITED"), QStringLiteral("--no-frames"),
            QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        const QStringList python = runPythonClient(
            { proxy.url(QStringLiteral("/echo")), QStringLiteral("--send"), plain, QStringLiteral("--send"), toReplace,
                QStringLiteral("--send"), small, QStringLiteral("--expect"), QStringLiteral("3") });
        QCOMPARE(python,
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV ") + plain,
                QStringLiteral("RECV ") + replaced, QStringLiteral("RECV small"),
                QStringLiteral("CLOSED 1000 client done") }));
        QVERIFY(proxy.waitForOutput("\"client done\""));
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const QList<QJsonObject> fromClient = messagesOnLeg(run, "in", "client");
        const QList<QJsonObject> toServer = messagesOnLeg(run, "out", "server");
        const QList<QJsonObject> fromServer = messagesOnLeg(run, "in", "server");
        const QList<QJsonObject> toClient = messagesOnLeg(run, "out", "client");
        QCOMPARE(fromClient.size(), 3);
        QCOMPARE(toServer.size(), 3);
        QCOMPARE(fromServer.size(), 3);
        QCOMPARE(toClient.size(), 3);
        // What each leg received carries its payload.
        QCOMPARE(fromClient[0].value(QLatin1String("text")).toString(), plain);
        QCOMPARE(fromClient[1].value(QLatin1String("text")).toString(), toReplace);
        QCOMPARE(fromServer[0].value(QLatin1String("text")).toString(), plain);
        QCOMPARE(fromServer[1].value(QLatin1String("text")).toString(), replaced);
        // Forwarded unchanged: the line names the other leg's, and has no payload of its own.
        QCOMPARE(toServer[0].value(QLatin1String("payload_of")).toInteger(), 1);
        QVERIFY(!toServer[0].contains(QLatin1String("text")));
        QCOMPARE(toServer[0].value(QLatin1String("size")).toInteger(), plain.size());
        QCOMPARE(toClient[0].value(QLatin1String("payload_of")).toInteger(), 1);
        QCOMPARE(toClient[1].value(QLatin1String("payload_of")).toInteger(), 2);
        QVERIFY(!toClient[1].contains(QLatin1String("text")));
        // Replaced on its way: its own payload and the original, no reference.
        QVERIFY(!toServer[1].contains(QLatin1String("payload_of")));
        QCOMPARE(toServer[1].value(QLatin1String("text")).toString(), replaced);
        QCOMPARE(toServer[1].value(QLatin1String("proxy_action")).toString(), QStringLiteral("replaced"));
        QCOMPARE(toServer[1].value(QLatin1String("original_payload")).toString(), toReplace);
        // A small message is written as it always was, on both legs.
        QCOMPARE(toServer[2].value(QLatin1String("text")).toString(), small);
        QCOMPARE(toClient[2].value(QLatin1String("text")).toString(), small);
        QVERIFY(!toClient[2].contains(QLatin1String("payload_of")));
        // Written once per hop: the plain payload is in the output twice (sent, echoed), not four times.
        QCOMPARE(run.out.count(plain.toUtf8()), 2);

        // convert resolves the references (both legs with their payloads) and writes the same lines again.
        QString failure;
        const QByteArray written = convertedOutput(run.out, m_peers.file(QStringLiteral("payload-of-in.jsonl")),
            m_peers.file(QStringLiteral("payload-of-out.jsonl")), &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(sessionLines(written), sessionLines(run.out));
        QVERIFY(written.contains("\"payload_of\":2"));
    }

    // Compressed both ways with context takeover: once a replacement made the proxy compress that direction again
    // itself, the frames differ between the legs, but the inflated payloads are what is compared and named.
    void aCompressedMessageIsNamedByItsInflatedPayload()
    {
        PeerProcess server;
        QVERIFY(server.start(
            QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("deflate_peer.py"), { QStringLiteral("server") }));
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), QStringLiteral("ws://127.0.0.1:%1/").arg(server.port()),
            QStringLiteral("--replace"), QStringLiteral("out:^apple=>banana"), QStringLiteral("--duration-ms"),
            QStringLiteral("60000") }));
        const QString replaced = QStringLiteral("apple ") + QString(2000, QLatin1Char('p'));
        const QString plain = QString(3000, QLatin1Char('a')) + QStringLiteral(" and z");
        BackgroundClient client;
        client.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("deflate_peer.py"),
            { QStringLiteral("client"), proxy.url(QStringLiteral("/")), QStringLiteral("--send"), replaced,
                QStringLiteral("--send"), plain, QStringLiteral("--expect"), QStringLiteral("2") });
        const QStringList lines = client.finish();
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.first().startsWith(QStringLiteral("OPEN permessage-deflate")), qPrintable(lines.join('\n')));
        QCOMPARE(lines.at(2), QStringLiteral("RECV ") + plain);
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));

        const QList<QJsonObject> toServer = messagesOnLeg(run, "out", "server");
        const QList<QJsonObject> toClient = messagesOnLeg(run, "out", "client");
        QCOMPARE(toServer.size(), 2);
        QCOMPARE(toClient.size(), 2);
        QCOMPARE(toServer[0].value(QLatin1String("proxy_action")).toString(), QStringLiteral("replaced"));
        QVERIFY(!toServer[0].contains(QLatin1String("payload_of")));
        for (const QJsonObject &named : { toServer[1], toClient[0], toClient[1] }) {
            QVERIFY(named.value(QLatin1String("compressed")).toBool());
            QVERIFY(named.contains(QLatin1String("wire_length")));
            QVERIFY(!named.contains(QLatin1String("text")));
        }
        QCOMPARE(toServer[1].value(QLatin1String("payload_of")).toInteger(), 2);
        QCOMPARE(toClient[0].value(QLatin1String("payload_of")).toInteger(), 1);
        QCOMPARE(toClient[1].value(QLatin1String("payload_of")).toInteger(), 2);

        QString failure;
        const QByteArray written = convertedOutput(run.out, m_peers.file(QStringLiteral("deflate-payload-of-in.jsonl")),
            m_peers.file(QStringLiteral("deflate-payload-of-out.jsonl")), &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(sessionLines(written), sessionLines(run.out));
        QCOMPARE(written.count(plain.toUtf8()), 2);
    }
};

QTEST_GUILESS_MAIN(tst_CliProxyPayloadOf)
#include "tst_cli_proxy_payloadof.moc"
