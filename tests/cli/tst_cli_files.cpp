// wsinspector-cli connect --har and --reveal-secrets, and wsinspector-cli convert between the session log
// and HAR (docs/cli.md): secrets masked by default, binary payloads byte for byte, bad input refused.
#include "clipeers.h"
#include "clirun.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTest>

class tst_CliFiles : public QObject
{
    Q_OBJECT

private:
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

    CliPeers m_peers;

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Python | CliPeers::PayloadFiles); }

    void cleanupTestCase() { m_peers.stop(); }

    void connectHarWritesTheSessionWithSecretsMasked_data()
    {
        QTest::addColumn<bool>("reveal");
        QTest::newRow("masked by default") << false;
        QTest::newRow("--reveal-secrets") << true;
    }

    void connectHarWritesTheSessionWithSecretsMasked()
    {
        QFETCH(bool, reveal);
        const QString har = m_peers.file(reveal ? QStringLiteral("revealed.har") : QStringLiteral("masked.har"));
        QStringList args { m_peers.python().url(QStringLiteral("/echo?room=2&token=t0kenValue")),
            QStringLiteral("--header"), QStringLiteral("Authorization: Bearer b3arerValue"), QStringLiteral("--send"),
            QStringLiteral("hi har"), QStringLiteral("--send-file"), m_peers.file(QStringLiteral("all-bytes.bin")),
            QStringLiteral("--wait-ms"), QStringLiteral("200"), QStringLiteral("--har"), har };
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
        const CliRun run
            = runCli({ m_peers.python().url(QStringLiteral("/echo")), QStringLiteral("--reveal-secrets") });
        QVERIFY(run.exited);
        QCOMPARE(run.exitCode, kUsage);
        QVERIFY2(run.err.contains("--har"), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void convertRoundTripsSessionLogAndHar()
    {
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/echo")), QStringLiteral("--send-file"),
            m_peers.file(QStringLiteral("all-bytes.bin")), QStringLiteral("--send"), QStringLiteral("text too"),
            QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited && run.exitCode == kCleanClose, qPrintable(run.describe()));
        const QString log = m_peers.file(QStringLiteral("convert-in.jsonl"));
        {
            QFile f(log);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(run.out);
        }
        const QString har = m_peers.file(QStringLiteral("convert.har"));
        const CliRun toHar = runCliCommand({ QStringLiteral("convert"), log, har });
        QVERIFY2(toHar.exited && toHar.exitCode == kCleanClose, qPrintable(toHar.describe()));
        QVERIFY(toHar.out.isEmpty());
        QCOMPARE(harBinaries(readAll(har), QStringLiteral("receive")), QList<QByteArray> { everyByte() });

        const QString back = m_peers.file(QStringLiteral("convert-back.jsonl"));
        const CliRun toLog = runCliCommand({ QStringLiteral("convert"), har, back });
        QVERIFY2(toLog.exited && toLog.exitCode == kCleanClose, qPrintable(toLog.describe()));
        CliRun reread;
        reread.out = readAll(back);
        reread.parse();
        QVERIFY2(reread.problems.isEmpty(), qPrintable(reread.problems.join(QLatin1Char('\n'))));
        QCOMPARE(
            reread.lines.value(0).value(QLatin1String("format")).toString(), QStringLiteral("wsinspector-session/4"));
        QCOMPARE(reread.binaries(QStringLiteral("out")), QList<QByteArray> { everyByte() });
        QCOMPARE(reread.binaries(QStringLiteral("in")), QList<QByteArray> { everyByte() });
        QCOMPARE(reread.texts(QStringLiteral("in")), QStringList { QStringLiteral("text too") });
    }

    void convertReadsChromiumDevToolsHar()
    {
        const QString out = m_peers.file(QStringLiteral("devtools.jsonl"));
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
        QString in = m_peers.file(QStringLiteral("does-not-exist.jsonl"));
        if (!inName.isEmpty()) {
            in = m_peers.file(inName);
            QFile f(in);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const QString out = m_peers.file(outName);
        const CliRun run = runCliCommand({ QStringLiteral("convert"), in, out });
        QVERIFY(run.exited);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }
};

QTEST_GUILESS_MAIN(tst_CliFiles)
#include "tst_cli_files.moc"
