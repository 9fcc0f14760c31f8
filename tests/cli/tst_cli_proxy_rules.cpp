// wsinspector-cli proxy --replace, --drop and --hold between real peers (python3-websockets): the server gets
// the replaced text and never the dropped one, a held message is edited from stdin, and the log marks each
// change with the original kept. With permessage-deflate negotiated (python's default, context takeover both
// ways) a replacement is re-compressed into frames the peer inflates.
#include "clichecks.h"
#include "clientprocess.h"
#include "clipeers.h"
#include "cliproxylegs.h"
#include "clirun.h"
#include "peerprocess.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

QList<QJsonObject> withText(const QList<QJsonObject> &messages, const QString &text)
{
    QList<QJsonObject> found;
    for (const QJsonObject &o : messages) {
        if (o.value(QLatin1String("text")).toString() == text)
            found << o;
    }
    return found;
}

} // namespace

class tst_CliProxyRules : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

    QString pythonUpstream() { return QStringLiteral("ws://127.0.0.1:%1/").arg(m_peers.python().port()); }

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Python); }
    void cleanupTestCase() { m_peers.stop(); }

    void replaceAndDropReachTheServerAsRuled()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), pythonUpstream(), QStringLiteral("--replace"),
            QStringLiteral("out:hello (\\w+)=>bye \\1"), QStringLiteral("--drop"), QStringLiteral("out:^secret"),
            QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        const QStringList python = runPythonClient({ proxy.url(QStringLiteral("/echo")), QStringLiteral("--send"),
            QStringLiteral("hello world"), QStringLiteral("--send"), QStringLiteral("secret plan"),
            QStringLiteral("--send"), QStringLiteral("plain"), QStringLiteral("--expect"), QStringLiteral("2") });
        // The echo server got (and so echoed) the replacement and never the dropped message.
        QCOMPARE(python,
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV bye world"), QStringLiteral("RECV plain"),
                QStringLiteral("CLOSED 1000 client done") }));
        QVERIFY(proxy.waitForOutput("\"client done\""));
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const QList<QJsonObject> fromClient = messagesOnLeg(run, "in", "client");
        const QList<QJsonObject> toServer = messagesOnLeg(run, "out", "server");
        // The client leg keeps what the client sent; the dropped one is marked there.
        QCOMPARE(fromClient.size(), 3);
        QCOMPARE(fromClient[0].value(QLatin1String("text")).toString(), QStringLiteral("hello world"));
        QVERIFY(!fromClient[0].contains(QLatin1String("proxy_action")));
        QCOMPARE(fromClient[1].value(QLatin1String("text")).toString(), QStringLiteral("secret plan"));
        QCOMPARE(fromClient[1].value(QLatin1String("proxy_action")).toString(), QStringLiteral("dropped"));
        // The server leg has what went on: the replacement, marked, with the original.
        QCOMPARE(toServer.size(), 2);
        QCOMPARE(toServer[0].value(QLatin1String("text")).toString(), QStringLiteral("bye world"));
        QCOMPARE(toServer[0].value(QLatin1String("proxy_action")).toString(), QStringLiteral("replaced"));
        QCOMPARE(toServer[0].value(QLatin1String("original_payload")).toString(), QStringLiteral("hello world"));
        QCOMPARE(toServer[1].value(QLatin1String("text")).toString(), QStringLiteral("plain"));
        QVERIFY(!toServer[1].contains(QLatin1String("proxy_action")));
        QVERIFY(withText(
            onLeg(run.events(QStringLiteral("message")), QStringLiteral("server")), QStringLiteral("secret plan"))
                    .isEmpty());
        // The replaced message went out as one new masked frame.
        const QList<QJsonObject> frames
            = onLeg(run.events(QStringLiteral("frame"), QStringLiteral("out")), QStringLiteral("server"));
        QVERIFY(!frames.isEmpty());
        QVERIFY(frames.first().value(QLatin1String("masked")).toBool());
        QCOMPARE(frames.first().value(QLatin1String("length")).toInt(), 9);
    }

    void holdIsEditedFromStdin()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), pythonUpstream(), QStringLiteral("--hold"),
            QStringLiteral("out:^edit"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        BackgroundClient client;
        client.startPython({ proxy.url(QStringLiteral("/echo")), QStringLiteral("--send"), QStringLiteral("edit me"),
            QStringLiteral("--send"), QStringLiteral("then this"), QStringLiteral("--expect"), QStringLiteral("2") });
        QVERIFY2(proxy.waitForOutput("\"event\":\"held\""), "no held line");
        // Until the edit nothing of that direction reaches the server: the echo of "then this" waits too.
        proxy.writeInput("forward 99\nedit 1 edited by hand\n");
        const QStringList lines = client.finish();
        QCOMPARE(lines,
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV edited by hand"),
                QStringLiteral("RECV then this"), QStringLiteral("CLOSED 1000 client done") }));
        QVERIFY(proxy.waitForOutput("\"client done\""));
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        const QList<QJsonObject> held = run.events(QStringLiteral("held"));
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.first().value(QLatin1String("id")).toInt(), 1);
        QCOMPARE(held.first().value(QLatin1String("dir")).toString(), QStringLiteral("out"));
        QCOMPARE(held.first().value(QLatin1String("text")).toString(), QStringLiteral("edit me"));
        const QList<QJsonObject> released = run.events(QStringLiteral("released"));
        QCOMPARE(released.size(), 1);
        QCOMPARE(released.first().value(QLatin1String("action")).toString(), QStringLiteral("edited"));
        // The decision's own time: after the message was held, and the same instant in both fields.
        const qint64 heldUs = qint64(held.first().value(QLatin1String("t_us")).toDouble());
        const qint64 releasedUs = qint64(released.first().value(QLatin1String("t_us")).toDouble());
        QVERIFY2(releasedUs >= heldUs, qPrintable(QStringLiteral("%1 < %2").arg(releasedUs).arg(heldUs)));
        const QDateTime releasedAt
            = QDateTime::fromString(released.first().value(QLatin1String("t")).toString(), Qt::ISODateWithMs);
        QVERIFY(releasedAt.isValid());
        QCOMPARE(releasedAt.toMSecsSinceEpoch(), releasedUs / 1000);
        QVERIFY2(run.err.contains("no held message has that id"), run.err.constData());
        const QList<QJsonObject> toServer = messagesOnLeg(run, "out", "server");
        QCOMPARE(toServer.size(), 2);
        QCOMPARE(toServer[0].value(QLatin1String("text")).toString(), QStringLiteral("edited by hand"));
        QCOMPARE(toServer[0].value(QLatin1String("proxy_action")).toString(), QStringLiteral("edited"));
        QCOMPARE(toServer[0].value(QLatin1String("original_payload")).toString(), QStringLiteral("edit me"));
        QCOMPARE(toServer[1].value(QLatin1String("text")).toString(), QStringLiteral("then this"));
    }

    void aDropDecidedAfterItsLineFollowsAsAProxyMark()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), pythonUpstream(), QStringLiteral("--hold"),
            QStringLiteral("out:^drop"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        BackgroundClient client;
        client.startPython({ proxy.url(QStringLiteral("/echo")), QStringLiteral("--send"), QStringLiteral("drop me"),
            QStringLiteral("--send"), QStringLiteral("then this"), QStringLiteral("--expect"), QStringLiteral("1") });
        QVERIFY2(proxy.waitForOutput("\"event\":\"held\""), "no held line");
        // The held message's line (the client leg, where it arrived) is out before anyone decides.
        QVERIFY2(proxy.waitForOutput("\"event\":\"message\",\"leg\":\"client\""), "no message line");
        proxy.writeInput("drop 1\n");
        QCOMPARE(client.finish(),
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV then this"),
                QStringLiteral("CLOSED 1000 client done") }));
        QVERIFY(proxy.waitForOutput("\"client done\""));
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));

        // Its line stays as printed; the mark follows as a line of its own, before the released line as before.
        const QList<QJsonObject> fromClient = messagesOnLeg(run, "in", "client");
        QCOMPARE(fromClient.size(), 2);
        QCOMPARE(fromClient[0].value(QLatin1String("text")).toString(), QStringLiteral("drop me"));
        QVERIFY(!fromClient[0].contains(QLatin1String("proxy_action")));
        const QList<QJsonObject> marks = run.events(QStringLiteral("proxy_mark"));
        QCOMPARE(marks.size(), 1);
        const QJsonObject mark = marks.first();
        QCOMPARE(mark.value(QLatin1String("conn")).toInt(), fromClient[0].value(QLatin1String("conn")).toInt());
        QCOMPARE(mark.value(QLatin1String("leg")).toString(), QStringLiteral("client"));
        QCOMPARE(mark.value(QLatin1String("dir")).toString(), QStringLiteral("in"));
        QCOMPARE(mark.value(QLatin1String("message_number")).toInt(), 1);
        QCOMPARE(mark.value(QLatin1String("proxy_action")).toString(), QStringLiteral("dropped"));
        QVERIFY(!mark.contains(QLatin1String("original_payload")));
        const QList<QJsonObject> released = run.events(QStringLiteral("released"));
        QCOMPARE(released.size(), 1);
        QCOMPARE(released.first().value(QLatin1String("action")).toString(), QStringLiteral("dropped"));
        QVERIFY(run.lines.indexOf(fromClient[0]) < run.lines.indexOf(mark));
        QVERIFY(run.lines.indexOf(mark) < run.lines.indexOf(released.first()));

        // convert reads the CLI's output (its listening, held and released lines are no connection's) and writes
        // the mark back on the message's own line.
        QString failure;
        const QByteArray written = convertedOutput(run.out, m_peers.file(QStringLiteral("late-mark-in.jsonl")),
            m_peers.file(QStringLiteral("late-mark-out.jsonl")), &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY2(!written.contains("proxy_mark") && !written.contains("\"held\""), written.constData());
        int droppedLines = 0;
        for (const QByteArray &line : written.split('\n')) {
            if (line.contains("\"leg\":\"client\"") && line.contains("\"proxy_action\":\"dropped\""))
                droppedLines += line.contains("\"text\":\"drop me\"") ? 1 : 100;
        }
        QCOMPARE(droppedLines, 1);
    }

    void replaceKeepsACompressedStreamValid()
    {
        PeerProcess server;
        QVERIFY(server.start(
            QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("deflate_peer.py"), { QStringLiteral("server") }));
        const int port = server.port();
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), QStringLiteral("ws://127.0.0.1:%1/").arg(port),
            QStringLiteral("--replace"), QStringLiteral("out:apple=>banana"), QStringLiteral("--drop"),
            QStringLiteral("out:^skip"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        // Repeated words: with context takeover the later messages refer back to the earlier ones, so a stream the
        // proxy changed without re-compressing would not inflate at the server.
        const QString first = QStringLiteral("apple pie and apple juice, apple apple apple");
        const QString second = QStringLiteral("more apple pie and apple juice, apple apple apple");
        const QString third = QStringLiteral("pie and juice and pie and juice");
        BackgroundClient client;
        client.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("deflate_peer.py"),
            { QStringLiteral("client"), proxy.url(QStringLiteral("/")), QStringLiteral("--send"), first,
                QStringLiteral("--send"), QStringLiteral("skip pie and juice"), QStringLiteral("--send"), second,
                QStringLiteral("--send"), third, QStringLiteral("--expect"), QStringLiteral("3") });
        const QStringList lines = client.finish();
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines.first().startsWith(QStringLiteral("OPEN permessage-deflate")), qPrintable(lines.join('\n')));
        QString expected[3] = { first, second, third };
        for (QString &e : expected)
            e.replace(QStringLiteral("apple"), QStringLiteral("banana"));
        QCOMPARE(lines.mid(1),
            (QStringList { QStringLiteral("RECV ") + expected[0], QStringLiteral("RECV ") + expected[1],
                QStringLiteral("RECV ") + expected[2], QStringLiteral("CLOSED 1000 client done") }));
        // The echoes prove the server inflated what the proxy re-compressed (python closes with 1007 on a
        // message it cannot inflate) and got the replacement; the dropped message was never echoed.
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
    }
};

QTEST_GUILESS_MAIN(tst_CliProxyRules)
#include "tst_cli_proxy_rules.moc"
