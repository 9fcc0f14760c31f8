// wsinspector-cli connect refuses invalid usage before it prints or opens anything: exit code 2 and a
// reason naming the option (docs/cli.md). The certificate and payload files some rows name really exist.
#include "clipeers.h"
#include "clirun.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

class tst_CliUsage : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Certificates | CliPeers::PayloadFiles); }

    void cleanupTestCase() { m_peers.stop(); }

    void invalidUsageIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QString url = QStringLiteral("ws://127.0.0.1:9/");
        QTest::newRow("http scheme") << QStringList { QStringLiteral("http://127.0.0.1:9/") }
                                     << QStringLiteral("ws://");
        QTest::newRow("no URL") << QStringList {} << QStringLiteral("URL");
        QTest::newRow("endpoint and a URL") << QStringList { url, QStringLiteral("--endpoint"), QStringLiteral("x") }
                                            << QStringLiteral("--endpoint takes the place of the URL");
        QTest::newRow("endpoint nobody saved")
            << QStringList { QStringLiteral("--endpoint"), QStringLiteral("nobody saved this") }
            << QStringLiteral("no saved endpoint has that name");
        QTest::newRow("endpoint with its own options") << QStringList { QStringLiteral("--endpoint"),
            QStringLiteral("x"), QStringLiteral("--origin"), QStringLiteral("https://example.com") }
                                                       << QStringLiteral("--origin cannot be combined with --endpoint");
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

        // What to send: the GUI composer's messages, named with the option and the position.
        const auto row = [&](const char *name, const QStringList &args, const QString &mentions) {
            QTest::newRow(name) << (QStringList { url } + args) << mentions;
        };
        row("hex: bad character", { QStringLiteral("--send-hex"), QStringLiteral("0a 1g") },
            QStringLiteral("--send-hex \"0a 1g\": Line 1, column 5: 'g' is not a hex digit"));
        row("hex: odd digit count", { QStringLiteral("--send-hex"), QStringLiteral("abc") },
            QStringLiteral("Odd number of hex digits (3)"));
        row("base64: bad character", { QStringLiteral("--send-base64"), QStringLiteral("AA*A") },
            QStringLiteral("--send-base64 \"AA*A\": Line 1, column 3: '*' is not a base64 character"));
        row("base64: padding", { QStringLiteral("--send-base64"), QStringLiteral("AAA") },
            QStringLiteral("not a multiple of 4"));
        row("bad input after good input",
            { QStringLiteral("--send"), QStringLiteral("fine"), QStringLiteral("--send-hex"), QStringLiteral("zz") },
            QStringLiteral("column 1"));
        row("ping of 126 bytes", { QStringLiteral("--ping"), QString(126, QLatin1Char('p')) },
            QStringLiteral("126 bytes"));
        row("ping of 63 two-byte characters", { QStringLiteral("--ping"), QString(63, QChar(0xe9)) },
            QStringLiteral("at most 125"));
        row("raw frame: unknown field", { QStringLiteral("--raw-frame"), QStringLiteral("opcode=1,colour=red") },
            QStringLiteral("Unknown field \"colour\""));
        row("raw frame: opcode 16", { QStringLiteral("--raw-frame"), QStringLiteral("opcode=16") },
            QStringLiteral("opcode"));
        row("raw frame: unknown preset", { QStringLiteral("--raw-frame"), QStringLiteral("preset=nope") },
            QStringLiteral("oversized-ping"));
        row("raw frame: payload without kind", { QStringLiteral("--raw-frame"), QStringLiteral("payload=abc") },
            QStringLiteral("text:, hex: or base64:"));
        row("missing file", { QStringLiteral("--send-file"), m_peers.file(QStringLiteral("missing.bin")) },
            QStringLiteral("missing.bin"));
        row("text file that is not UTF-8",
            { QStringLiteral("--send-file-text"), m_peers.file(QStringLiteral("latin1.txt")) },
            QStringLiteral("not valid UTF-8 (the byte at offset 3"));
        row("repeat 0",
            { QStringLiteral("--send"), QStringLiteral("x"), QStringLiteral("--repeat"), QStringLiteral("0") },
            QStringLiteral("--repeat"));
        row("repeat above a million",
            { QStringLiteral("--send"), QStringLiteral("x"), QStringLiteral("--repeat"), QStringLiteral("1000001") },
            QStringLiteral("1000000"));
        row("repeat with nothing to send", { QStringLiteral("--repeat"), QStringLiteral("3") },
            QStringLiteral("--repeat needs something to send"));
        row("negative interval",
            { QStringLiteral("--send"), QStringLiteral("x"), QStringLiteral("--interval-ms"), QStringLiteral("-1") },
            QStringLiteral("interval-ms"));
        row("variable without a name", { QStringLiteral("--var"), QStringLiteral("=x") }, QStringLiteral("--var"));
        // TLS options.
        const QString wss = QStringLiteral("wss://127.0.0.1:9/");
        QTest::newRow("tls option on ws://") << QStringList { url, QStringLiteral("--insecure") }
                                             << QStringLiteral("--insecure applies to wss:// URLs only");
        QTest::newRow("tls-min 1.1") << QStringList { wss, QStringLiteral("--tls-min"), QStringLiteral("1.1") }
                                     << QStringLiteral("1.2 or 1.3");
        QTest::newRow("key without cert")
            << QStringList { wss, QStringLiteral("--key"), m_peers.cert(QStringLiteral("client.key")) }
            << QStringLiteral("--key needs --cert");
        QTest::newRow("missing CA file") << QStringList { wss, QStringLiteral("--ca"),
            m_peers.file(QStringLiteral("none.pem")) }
                                         << QStringLiteral("none.pem");
        QTest::newRow("CA file that is not PEM")
            << QStringList { wss, QStringLiteral("--ca"), m_peers.file(QStringLiteral("text.txt")) }
            << QStringLiteral("holds no PEM certificate");
        QTest::newRow("PKCS#12 with a wrong password") << QStringList { wss, QStringLiteral("--cert"),
            m_peers.cert(QStringLiteral("client.p12")), QStringLiteral("--cert-password"), QStringLiteral("wrong") }
                                                       << QStringLiteral("wrong password");
        QTest::newRow("reconnect option without --reconnect")
            << QStringList { url, QStringLiteral("--reconnect-max-attempts"), QStringLiteral("3") }
            << QStringLiteral("--reconnect-max-attempts needs --reconnect");
        QTest::newRow("unbounded reconnect attempts") << QStringList { url, QStringLiteral("--reconnect"),
            QStringLiteral("--reconnect-max-attempts"), QStringLiteral("0") }
                                                      << QStringLiteral("reconnect-max-attempts");
        QTest::newRow("keepalive close without interval")
            << QStringList { url, QStringLiteral("--keepalive-close") } << QStringLiteral("--keepalive-ms");
        QTest::newRow("insecure without interception") << QStringList { wss, QStringLiteral("--insecure"),
            QStringLiteral("--no-intercept") } << QStringLiteral("--no-intercept");
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
};

QTEST_GUILESS_MAIN(tst_CliUsage)
#include "tst_cli_usage.moc"
