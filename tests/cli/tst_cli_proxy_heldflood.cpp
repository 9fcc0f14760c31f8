// wsinspector-cli proxy --hold while the other direction floods (issue 13): the CLI's store streams (it lets the
// rows it printed go once a megabyte or 4,096 rows piled up), but the row of a held message, and of what waits
// behind it, must outlive the flood: dropping it afterwards still yields its "proxy_mark" line naming that message,
// and an edit still reaches the server and is marked. The peer is python3-websockets' /pushback: it answers
// "flood N SIZE" with N messages and "flood done".
#include "clichecks.h"
#include "clientprocess.h"
#include "clipeers.h"
#include "cliproxylegs.h"
#include "clirun.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>

namespace {

// More than kCompactRows (4,096) messages and more than kCompactBytes (1 MiB) on the client leg while held.
constexpr int kFloodMessages = 5000;
constexpr int kFloodMessageBytes = 300;

QString floodCommand()
{
    return QStringLiteral("flood %1 %2").arg(kFloodMessages).arg(kFloodMessageBytes);
}

QStringList textsOf(const QList<QJsonObject> &messages)
{
    QStringList texts;
    for (const QJsonObject &o : messages)
        texts << o.value(QLatin1String("text")).toString();
    return texts;
}

// The client's lines after OPEN and the flood: what it got once the flood was done, and how it closed.
QStringList afterTheFlood(const QStringList &lines)
{
    const qsizetype done = lines.indexOf(QStringLiteral("RECV flood done"));
    return done < 0 ? lines : lines.mid(done);
}

} // namespace

class tst_CliProxyHeldFlood : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

    // Starts the proxy holding out:REGEX and a python client that asks for the flood, then sends `held` (held) and
    // `behind` (waits behind it, if given); returns once the whole flood went through the proxy to the client.
    bool startHeldThenFlood(ServeProcess &proxy, BackgroundClient &client, const QString &regex, const QString &held,
        const QString &behind, int expect)
    {
        proxy.setCommand(QStringLiteral("proxy"));
        if (!proxy.start({ QStringLiteral("--to"),
                QStringLiteral("ws://127.0.0.1:%1/pushback").arg(m_peers.python().port()), QStringLiteral("--hold"),
                QStringLiteral("out:") + regex, QStringLiteral("--duration-ms"), QStringLiteral("60000") }))
            return false;
        QStringList args { proxy.url(QStringLiteral("/pushback")), QStringLiteral("--send"), floodCommand(),
            QStringLiteral("--send"), held };
        if (!behind.isEmpty())
            args << QStringLiteral("--send") << behind;
        client.startPython(args << QStringLiteral("--expect") << QString::number(expect));
        // "flood done" (10 bytes) on its way out to the client: the whole flood passed the client leg.
        return proxy.waitForOutput("\"event\":\"held\"")
            && proxy.waitForOutput("\"dir\":\"out\",\"event\":\"message\",\"leg\":\"client\",\"size\":10,", 20000);
    }

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Python); }
    void cleanupTestCase() { m_peers.stop(); }

    void aHeldMessageDroppedAfterAFloodIsStillMarked()
    {
        ServeProcess proxy;
        BackgroundClient client;
        QVERIFY2(startHeldThenFlood(proxy, client, QStringLiteral("^drop"), QStringLiteral("drop me"),
                     QStringLiteral("after"), kFloodMessages + 2),
            "the flood did not go through while the message was held");
        proxy.writeInput("drop 1\n");
        const QStringList lines = client.finish();
        QCOMPARE(lines.size(), kFloodMessages + 4);
        QCOMPARE(afterTheFlood(lines),
            (QStringList { QStringLiteral("RECV flood done"), QStringLiteral("RECV after"),
                QStringLiteral("CLOSED 1000 client done") }));
        QVERIFY(proxy.waitForOutput("\"client done\""));
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));

        const QList<QJsonObject> fromClient = messagesOnLeg(run, "in", "client");
        QCOMPARE(
            textsOf(fromClient), (QStringList { floodCommand(), QStringLiteral("drop me"), QStringLiteral("after") }));
        QCOMPARE(
            textsOf(messagesOnLeg(run, "out", "server")), (QStringList { floodCommand(), QStringLiteral("after") }));
        QCOMPARE(messagesOnLeg(run, "out", "client").size(), kFloodMessages + 2);
        // The mark names the held message (the second the client sent) although its row was printed a flood ago.
        const QList<QJsonObject> marks = run.events(QStringLiteral("proxy_mark"));
        QCOMPARE(marks.size(), 1);
        const QJsonObject mark = marks.first();
        QCOMPARE(mark.value(QLatin1String("conn")).toInt(), fromClient[1].value(QLatin1String("conn")).toInt());
        QCOMPARE(mark.value(QLatin1String("leg")).toString(), QStringLiteral("client"));
        QCOMPARE(mark.value(QLatin1String("dir")).toString(), QStringLiteral("in"));
        QCOMPARE(mark.value(QLatin1String("message_number")).toInt(), 2);
        QCOMPARE(mark.value(QLatin1String("proxy_action")).toString(), QStringLiteral("dropped"));
        QVERIFY(run.lines.indexOf(fromClient[1]) < run.lines.indexOf(mark));

        // Read back, the mark lands on that message's own line and nowhere else.
        QString failure;
        const QByteArray written = convertedOutput(run.out, m_peers.file(QStringLiteral("held-flood-in.jsonl")),
            m_peers.file(QStringLiteral("held-flood-out.jsonl")), &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        int droppedLines = 0;
        for (const QByteArray &line : written.split('\n')) {
            if (line.contains("\"proxy_action\":\"dropped\""))
                droppedLines += line.contains("\"leg\":\"client\"") && line.contains("\"text\":\"drop me\"") ? 1 : 100;
        }
        QCOMPARE(droppedLines, 1);
    }

    void aHeldMessageEditedAfterAFloodReachesTheServerMarked()
    {
        ServeProcess proxy;
        BackgroundClient client;
        QVERIFY2(startHeldThenFlood(
                     proxy, client, QStringLiteral("^edit"), QStringLiteral("edit me"), QString(), kFloodMessages + 2),
            "the flood did not go through while the message was held");
        proxy.writeInput("edit 1 edited by hand\n");
        const QStringList lines = client.finish();
        QCOMPARE(lines.size(), kFloodMessages + 4);
        // The server echoes what it got: the edited bytes.
        QCOMPARE(afterTheFlood(lines),
            (QStringList { QStringLiteral("RECV flood done"), QStringLiteral("RECV edited by hand"),
                QStringLiteral("CLOSED 1000 client done") }));
        QVERIFY(proxy.waitForOutput("\"client done\""));
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));

        const QList<QJsonObject> toServer = messagesOnLeg(run, "out", "server");
        QCOMPARE(textsOf(toServer), (QStringList { floodCommand(), QStringLiteral("edited by hand") }));
        QCOMPARE(toServer[1].value(QLatin1String("proxy_action")).toString(), QStringLiteral("edited"));
        QCOMPARE(toServer[1].value(QLatin1String("original_payload")).toString(), QStringLiteral("edit me"));
        QVERIFY(run.events(QStringLiteral("proxy_mark")).isEmpty()); // its line was written with the mark on it
        const QList<QJsonObject> fromClient = messagesOnLeg(run, "in", "client");
        QCOMPARE(textsOf(fromClient), (QStringList { floodCommand(), QStringLiteral("edit me") }));
        QVERIFY(!fromClient[1].contains(QLatin1String("proxy_action")));
    }
};

QTEST_GUILESS_MAIN(tst_CliProxyHeldFlood)
#include "tst_cli_proxy_heldflood.moc"
