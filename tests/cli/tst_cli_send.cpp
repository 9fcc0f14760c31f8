// wsinspector-cli connect, the composer's twin: every send kind in command-line order, --repeat with
// variables, --no-vars, raw frames as the raw socket server saw them, and --no-auto-pong. Run as a real
// process against python3-websockets and tests/peers/raw_server.py on 127.0.0.1.
#include "clichecks.h"
#include "clipeers.h"
#include "clirun.h"

#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QTest>

class tst_CliSend : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Python | CliPeers::Raw | CliPeers::PayloadFiles); }

    void cleanupTestCase() { m_peers.stop(); }

    void everySendKindGoesOutInCommandLineOrder()
    {
        QFile allBytesFile(m_peers.file(QStringLiteral("all-bytes.bin")));
        QVERIFY(allBytesFile.open(QIODevice::ReadOnly));
        const QByteArray allBytes = allBytesFile.readAll();
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/echo")), QStringLiteral("--send"),
            QStringLiteral("first"), QStringLiteral("--send-hex"), QStringLiteral("0xde 0xad, be:ef\n00"),
            QStringLiteral("--ping"), QStringLiteral("are you there"), QStringLiteral("--send-base64"),
            QStringLiteral("AAEC/w=="), QStringLiteral("--ping-empty"), QStringLiteral("--send-file"),
            allBytesFile.fileName(), QStringLiteral("--ping"), QString(), QStringLiteral("--send-file-text"),
            m_peers.file(QStringLiteral("text.txt")), QStringLiteral("--send"), QStringLiteral("last"),
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
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/echo")), QStringLiteral("--ping"), payload,
            QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.first(QStringLiteral("ping"), QStringLiteral("out")).value(QLatin1String("size")).toInt(), 125);
        QCOMPARE(run.first(QStringLiteral("pong"), QStringLiteral("in")).value(QLatin1String("payload")).toString(),
            payload);
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void repeatSendsTheWholeListNTimesApart()
    {
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/echo")), QStringLiteral("--send"),
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
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/echo")), QStringLiteral("--send"),
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
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/echo")), QStringLiteral("--send"),
            QStringLiteral("{{counter}} {{uuid}}"), QStringLiteral("--no-vars"), QStringLiteral("--wait-ms"),
            QStringLiteral("200") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("{{counter}} {{uuid}}") });
        const CliRun resolved = runCli({ m_peers.python().url(QStringLiteral("/echo")), QStringLiteral("--send"),
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
        const qsizetype from = m_peers.raw().readOutput().size();
        const CliRun run
            = runCli(QStringList { m_peers.raw().url(QStringLiteral("/report")), QStringLiteral("--wait-ms"),
                         QStringLiteral("200"), QStringLiteral("--timeout-ms"), QStringLiteral("1000") }
                + args);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QVERIFY2(run.exitCode != kUsage && run.exitCode != kFailed, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // What the server saw, before this client's Close: exactly the frames asked for.
        QStringList frames = m_peers.reportedFrames(from, expected.size() + 1);
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
        const CliRun run = runCli({ m_peers.raw().url(QStringLiteral("/report")), QStringLiteral("--raw-frame"),
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
            { m_peers.python().url(QStringLiteral("/ping")), QStringLiteral("--no-auto-pong"), QStringLiteral("--send"),
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
};

QTEST_GUILESS_MAIN(tst_CliSend)
#include "tst_cli_send.moc"
