// wsinspector-cli connect over wss:// against python wss servers with generated certificates: self-signed
// refused unless --insecure, --ca and --tls-min, client certificates for mutual TLS, and --no-intercept.
#include "clichecks.h"
#include "clipeers.h"
#include "clirun.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

class tst_CliTls : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Wss); }

    void cleanupTestCase() { m_peers.stop(); }

    void selfSignedWithoutInsecureFailsNamingIt()
    {
        const CliRun run
            = runCli({ CliPeers::wssUrl(m_peers.wssSelfSigned()), QStringLiteral("--send"), QStringLiteral("x") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(run.elapsedMs < 5000, qPrintable(run.describe())); // nobody is asked; it never waits
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        QVERIFY2(run.err.contains("self-signed") && run.err.contains("--insecure"), run.err.constData());
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(run.first(QStringLiteral("error")).value(QLatin1String("layer")).toString(), QStringLiteral("tls"));
        QVERIFY(run.events(QStringLiteral("open")).isEmpty());
        QVERIFY(run.events(QStringLiteral("message")).isEmpty());
    }

    void insecureProceedsPastSelfSignedAndSaysSo()
    {
        const CliRun run = runCli(
            { CliPeers::wssUrl(m_peers.wssSelfSigned()), QStringLiteral("--insecure"), QStringLiteral("--send"),
                QStringLiteral("through tls"), QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kCleanClose);
        const QJsonObject tls = run.first(QStringLiteral("tls"));
        QVERIFY2(!tls.isEmpty(), qPrintable(run.describe()));
        for (const char *field :
            { "chain", "protocol", "cipher", "errors", "host", "verified", "proceeded_despite_errors" })
            QVERIFY2(tls.contains(QLatin1String(field)), field);
        QCOMPARE(tls.value(QLatin1String("verified")).toBool(), false);
        QCOMPARE(tls.value(QLatin1String("proceeded_despite_errors")).toBool(), true);
        QVERIFY(tls.value(QLatin1String("errors")).toArray().first().toString().contains(QLatin1String("self-signed")));
        const QJsonObject leaf = tls.value(QLatin1String("chain")).toArray().first().toObject();
        QCOMPARE(leaf.value(QLatin1String("subject")).toString(), QStringLiteral("CN=127.0.0.1"));
        // Interception: the plaintext handshake and frames, as for ws://.
        QCOMPARE(headerValues(run.first(QStringLiteral("handshake_response")).value(QLatin1String("headers")).toArray(),
                     QStringLiteral("X-Test-Peer")),
            QStringList { QStringLiteral("python-wss") });
        QVERIFY(!run.events(QStringLiteral("frame")).isEmpty());
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("through tls") });
        // The CA that intercepted it lives in the test's own app data folder.
        QVERIFY2(QFileInfo::exists(cliCaCertificate()), qPrintable(cliCaCertificate()));
    }

    void caFileVerifiesTheServer()
    {
        const CliRun run = runCli({ CliPeers::wssUrl(m_peers.wssGood()), QStringLiteral("--ca"),
            m_peers.cert(QStringLiteral("ca.pem")), QStringLiteral("--tls-min"), QStringLiteral("1.3"),
            QStringLiteral("--send"), QStringLiteral("trusted"), QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kCleanClose);
        const QJsonObject tls = run.first(QStringLiteral("tls"));
        QCOMPARE(tls.value(QLatin1String("verified")).toBool(), true);
        QCOMPARE(tls.value(QLatin1String("errors")).toArray().size(), 0);
        QCOMPARE(tls.value(QLatin1String("protocol")).toString(), QStringLiteral("TLS 1.3"));
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("trusted") });

        const CliRun without = runCli({ CliPeers::wssUrl(m_peers.wssGood()) });
        QCOMPARE(without.exitCode, kFailed);
        QVERIFY2(without.err.contains("--ca"), without.err.constData());
    }

    void clientCertificateForMutualTls_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("PEM certificate and key")
            << QStringList { QStringLiteral("--cert"), m_peers.cert(QStringLiteral("client.pem")),
                   QStringLiteral("--key"), m_peers.cert(QStringLiteral("client.key")) }
            << kCleanClose;
        QTest::newRow("PKCS#12 with password") << QStringList { QStringLiteral("--cert"),
            m_peers.cert(QStringLiteral("client.p12")), QStringLiteral("--cert-password"), QStringLiteral("secret") }
                                               << kCleanClose;
        QTest::newRow("no client certificate") << QStringList {} << kFailed;
    }

    void clientCertificateForMutualTls()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const CliRun run = runCli(QStringList { CliPeers::wssUrl(m_peers.wssMutual()), QStringLiteral("--ca"),
                                      m_peers.cert(QStringLiteral("ca.pem")), QStringLiteral("--send"),
                                      QStringLiteral("mutual"), QStringLiteral("--wait-ms"), QStringLiteral("200") }
            + args);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode == kCleanClose) {
            QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("mutual") });
        } else {
            QVERIFY2(isOneLineReason(run.err), run.err.constData());
            QVERIFY(!run.events(QStringLiteral("error")).isEmpty());
        }
    }

    void noInterceptShowsOnlyWhatTheSocketSaw()
    {
        const CliRun run = runCli({ CliPeers::wssUrl(m_peers.wssGood()), QStringLiteral("--ca"),
            m_peers.cert(QStringLiteral("ca.pem")), QStringLiteral("--no-intercept"), QStringLiteral("--send"),
            QStringLiteral("opaque"), QStringLiteral("--wait-ms"), QStringLiteral("200") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kCleanClose);
        QVERIFY(run.events(QStringLiteral("frame")).isEmpty());
        const QJsonObject echo = run.first(QStringLiteral("message"), QStringLiteral("in"));
        QCOMPARE(echo.value(QLatin1String("text")).toString(), QStringLiteral("opaque"));
        QCOMPARE(echo.value(QLatin1String("source")).toString(), QStringLiteral("socket"));
    }
};

QTEST_GUILESS_MAIN(tst_CliTls)
#include "tst_cli_tls.moc"
