// wsinspector-cli --session-budget-mb against a python3-websockets echo server on 127.0.0.1: past the budget,
// message lines carry "kept" next to the real "size", an info line says where it began; bad values are usage
// errors.
#include "clirun.h"
#include "peerprocess.h"

#include <QTemporaryDir>
#include <QTest>

class tst_CliBudget : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_python;
    QTemporaryDir m_files;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(cliHome().isValid() && m_files.isValid());
        QVERIFY2(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
    }

    void pastTheBudgetMessagesKeepTheirFirstBytes()
    {
        // 3 x 400 KB out and 3 echoes in: 2.4 MB against a 1 MiB budget.
        QByteArray text(400000, Qt::Uninitialized);
        for (qsizetype i = 0; i < text.size(); ++i)
            text[i] = char('a' + i % 26);
        QFile file(m_files.filePath(QStringLiteral("big.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        const CliRun run = runCliCommand({ QStringLiteral("connect"), m_python.url(QStringLiteral("/echo")),
            QStringLiteral("--send-file-text"), file.fileName(), QStringLiteral("--repeat"), QStringLiteral("3"),
            QStringLiteral("--session-budget-mb"), QStringLiteral("1"), QStringLiteral("--no-frames"),
            QStringLiteral("--wait-ms"), QStringLiteral("2000") });
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.problems.isEmpty());
        const QList<QJsonObject> messages = run.events(QStringLiteral("message"));
        QCOMPARE(messages.size(), 6);
        int whole = 0;
        int cut = 0;
        for (const QJsonObject &m : messages) {
            QCOMPARE(m.value(QLatin1String("size")).toInt(), 400000); // the real size, always
            if (m.contains(QLatin1String("kept"))) {
                QCOMPARE(m.value(QLatin1String("kept")).toInt(), 1024);
                QCOMPARE(m.value(QLatin1String("text")).toString().toLatin1(), text.first(1024));
                ++cut;
            } else {
                QCOMPARE(m.value(QLatin1String("text")).toString().size(), 400000);
                ++whole;
            }
        }
        QCOMPARE(whole, 2); // 800,000 bytes fit in 1 MiB, the third message does not
        QCOMPARE(cut, 4);
        bool said = false;
        for (const QJsonObject &info : run.events(QStringLiteral("info")))
            said = said || info.value(QLatin1String("message")).toString().contains(QLatin1String("disk budget"));
        QVERIFY2(said, qPrintable(run.describe()));
    }

    void badValuesAreUsageErrors_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("value");
        QTest::newRow("connect negative") << QStringLiteral("connect") << QStringLiteral("-1");
        QTest::newRow("connect words") << QStringLiteral("connect") << QStringLiteral("lots");
        QTest::newRow("serve too large") << QStringLiteral("serve") << QStringLiteral("99999999");
    }

    void badValuesAreUsageErrors()
    {
        QFETCH(QString, command);
        QFETCH(QString, value);
        QStringList args { command };
        if (command == QLatin1String("connect"))
            args << m_python.url();
        args << QStringLiteral("--session-budget-mb") << value;
        const CliRun run = runCliCommand(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("session-budget-mb"), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_CliBudget)
#include "tst_cli_budget.moc"
