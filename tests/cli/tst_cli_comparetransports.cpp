// wsinspector-cli compare-transports: one JSON object per transport, in order, keys as documented.
#include "clirun.h"

#include <QTemporaryFile>

class tst_CliCompareTransports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsOneObjectPerTransport()
    {
        const CliRun run = runCliCommand(
            { QStringLiteral("compare-transports"), QStringLiteral("--messages"), QStringLiteral("6"),
                QStringLiteral("--client-messages"), QStringLiteral("2"), QStringLiteral("--duration-ms"),
                QStringLiteral("600"), QStringLiteral("--poll-interval-ms"), QStringLiteral("100") },
            60000);
        QVERIFY2(run.exited, run.err.constData());
        QCOMPARE(run.exitCode, kCleanClose);
        QVERIFY2(run.problems.isEmpty(), qPrintable(run.problems.join('\n')));
        QCOMPARE(run.lines.size(), 4);
        const QStringList transports = { QStringLiteral("polling"), QStringLiteral("long-polling"),
            QStringLiteral("streaming"), QStringLiteral("websocket") };
        const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (int i = 0; i < 4; ++i) {
            const QJsonObject o = run.lines.at(i);
            QCOMPARE(o.value(QLatin1String("transport")).toString(), transports.at(i));
            // The keys in the documented order (docs/cli.md), not QJsonObject's alphabetical one.
            QVERIFY2(
                lines.at(i).startsWith(QStringLiteral("{\"transport\":\"%1\",\"requests\":").arg(transports.at(i))),
                qPrintable(lines.at(i)));
            QVERIFY2(lines.at(i).contains(QStringLiteral(",\"total_bytes\":")), qPrintable(lines.at(i)));
            const qint64 header = o.value(QLatin1String("header_bytes")).toInteger();
            const qint64 payload = o.value(QLatin1String("payload_bytes")).toInteger();
            QVERIFY(header > 0 && payload > 0);
            QCOMPARE(o.value(QLatin1String("total_bytes")).toInteger(), header + payload);
            QVERIFY(o.value(QLatin1String("requests")).toInt() >= 1);
            QVERIFY(o.value(QLatin1String("connections")).toInt() >= 1);
            const QJsonObject latency = o.value(QLatin1String("latency_ms")).toObject();
            QVERIFY(latency.contains(QLatin1String("p50")) && latency.contains(QLatin1String("p95")));
            QVERIFY(latency.value(QLatin1String("p95")).toDouble() >= latency.value(QLatin1String("p50")).toDouble());
            QCOMPARE(o.value(QLatin1String("delivered")).toInt(), 6);
        }
        QCOMPARE(run.lines.at(3).value(QLatin1String("requests")).toInt(), 1);
        QCOMPARE(run.lines.at(3).value(QLatin1String("connections")).toInt(), 1);
    }

    void headersFileReplacesChromesHeaders()
    {
        QTemporaryFile headers;
        QVERIFY(headers.open());
        headers.write("User-Agent: tiny\n");
        headers.close();
        const CliRun tiny = runCliCommand(
            { QStringLiteral("compare-transports"), QStringLiteral("--messages"), QStringLiteral("3"),
                QStringLiteral("--client-messages"), QStringLiteral("0"), QStringLiteral("--duration-ms"),
                QStringLiteral("300"), QStringLiteral("--headers-file"), headers.fileName() },
            60000);
        QCOMPARE(tiny.exitCode, kCleanClose);
        QCOMPARE(tiny.lines.size(), 4);
        // A streaming request with one short header instead of Chrome's dozen: its head is small.
        const qint64 streamingHeads = tiny.lines.at(2).value(QLatin1String("header_bytes")).toInteger();
        QVERIFY2(streamingHeads < 400, qPrintable(QString::number(streamingHeads)));
    }

    void badArgumentsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("zero messages") << QStringList { QStringLiteral("--messages"), QStringLiteral("0") };
        QTest::newRow("not a number") << QStringList { QStringLiteral("--duration-ms"), QStringLiteral("soon") };
        QTest::newRow("a positional") << QStringList { QStringLiteral("extra") };
        QTest::newRow("missing headers file")
            << QStringList { QStringLiteral("--headers-file"), QStringLiteral("/nonexistent/headers.txt") };
    }

    void badArgumentsAreUsageErrors()
    {
        QFETCH(QStringList, args);
        const CliRun run = runCliCommand(QStringList { QStringLiteral("compare-transports") } + args);
        QCOMPARE(run.exitCode, kUsage);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.startsWith("wsinspector-cli: "));
    }
};

QTEST_GUILESS_MAIN(tst_CliCompareTransports)
#include "tst_cli_comparetransports.moc"
