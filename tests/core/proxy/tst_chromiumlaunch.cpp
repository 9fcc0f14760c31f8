// ChromiumLaunch's command line, exactly (Chromium is started by tst_cli_forwardproxy_chromium), the text for the
// panel, and SpkiHash against OpenSSL's own command line on a CA the app made.
#include "proxy/chromiumlaunch.h"
#include "tls/certificateauthority.h"
#include "tls/spkihash.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace wsi;

class tst_ChromiumLaunch : public QObject
{
    Q_OBJECT

private:
    static ChromiumLaunch::Settings settings()
    {
        ChromiumLaunch::Settings s;
        s.proxy = QUrl(QStringLiteral("http://127.0.0.1:8123"));
        s.caSpkiSha256 = QStringLiteral("N6xRPdheYg/MVAYyyDIz9mvKiTaF6qaF7LIk5U0nrdI=");
        s.startUrl = QUrl(QStringLiteral("https://example.org/app"));
        return s;
    }

private Q_SLOTS:
    void buildsTheCommandLine()
    {
        QStringList expected { QStringLiteral("--user-data-dir=/tmp/profile"),
            QStringLiteral("--proxy-server=http://127.0.0.1:8123"), QStringLiteral("--proxy-bypass-list=<-loopback>"),
            QStringLiteral("--ignore-certificate-errors-spki-list=N6xRPdheYg/MVAYyyDIz9mvKiTaF6qaF7LIk5U0nrdI="),
            QStringLiteral("--no-first-run"), QStringLiteral("--no-default-browser-check"),
            QStringLiteral("--disable-background-networking") };
        if (::geteuid() == 0)
            expected << QStringLiteral("--no-sandbox");
        expected << QStringLiteral("https://example.org/app");
        QCOMPARE(ChromiumLaunch::arguments(settings(), QStringLiteral("/tmp/profile")), expected);

        ChromiumLaunch::Settings headless = settings();
        headless.headless = true;
        QVERIFY(ChromiumLaunch::arguments(headless, QStringLiteral("/p")).contains(QStringLiteral("--headless=new")));
    }

    void showsTheCommandAndTheProxySettings()
    {
        const QString command = ChromiumLaunch::commandLine(settings());
        QVERIFY2(command.startsWith(QStringLiteral("/usr/bin/chromium '--user-data-dir=<temporary profile>' ")),
            qPrintable(command));
        QVERIFY2(command.contains(QStringLiteral("'--proxy-bypass-list=<-loopback>'")), qPrintable(command));
        QVERIFY2(command.endsWith(QStringLiteral(" https://example.org/app")), qPrintable(command));
        const QString text = ChromiumLaunch::proxySettingsText(settings());
        QVERIFY(text.contains(QStringLiteral("http://127.0.0.1:8123")));
        QVERIFY(text.contains(QStringLiteral("port 8123")));
        QVERIFY(text.contains(settings().caSpkiSha256));
    }

    void refusesAMissingProgram()
    {
        ChromiumLaunch launch;
        ChromiumLaunch::Settings s = settings();
        s.program = QStringLiteral("/nonexistent/chromium");
        QString error;
        QVERIFY(!launch.start(s, &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/chromium")), qPrintable(error));
        QVERIFY(!launch.isRunning());
    }

    void hashesTheKeyAsOpenSslDoes()
    {
        QTemporaryDir dir;
        CertificateAuthority authority(dir.filePath(QStringLiteral("ca")));
        QVERIFY(authority.load());
        const QString hash = SpkiHash::sha256Base64(authority.certificate());
        QCOMPARE(QByteArray::fromBase64(hash.toLatin1()).size(), 32);
        // openssl x509 -pubkey | openssl pkey -pubin -outform der | sha256: the SubjectPublicKeyInfo's hash.
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"),
            { QStringLiteral("-c"),
                QStringLiteral("openssl x509 -in '%1' -noout -pubkey | openssl pkey -pubin -outform der | openssl "
                               "dgst -sha256 -binary | base64")
                    .arg(authority.certificatePath()) });
        QVERIFY(shell.waitForFinished(10000));
        QCOMPARE(shell.exitCode(), 0);
        QCOMPARE(hash, QString::fromLatin1(shell.readAllStandardOutput().trimmed()));
        QVERIFY(SpkiHash::sha256Base64(QSslCertificate()).isEmpty());
    }
};

QTEST_MAIN(tst_ChromiumLaunch)
#include "tst_chromiumlaunch.moc"
