// The leaves the per-install CA issues: subject alternative names from host names and addresses, a profile
// that OpenSSL's strict verification and Qt accept, a cache by set of names, names that are refused.
#include "certificateauthorityfixture.h"
#include "tls/certificateauthority.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslKey>
#include <QTest>

using namespace wsi;

class tst_CertificateAuthorityLeaves : public QObject, private CertificateAuthorityFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { createTemporaryDir(); }

    void cleanup() { removeTemporaryDir(); }

    void issuesLeafWithSubjectAltNames_data()
    {
        QTest::addColumn<QStringList>("hostNames");
        QTest::addColumn<QStringList>("expectedDns");
        QTest::addColumn<QStringList>("expectedIps");
        QTest::newRow("one host name") << QStringList { "echo.example.com" } << QStringList { "echo.example.com" }
                                       << QStringList {};
        QTest::newRow("localhost and loopback addresses") << QStringList { "localhost", "127.0.0.1",
            "::1" } << QStringList { "localhost" } << QStringList { "127.0.0.1", "::1" };
        QTest::newRow("bracketed IPv6") << QStringList { "[2001:db8::1]" } << QStringList {}
                                        << QStringList { "2001:db8::1" };
        QTest::newRow("upper case and trailing dot")
            << QStringList { "WWW.Example.ORG." } << QStringList { "www.example.org" } << QStringList {};
        QTest::newRow("international name")
            << QStringList { "bücher.example" } << QStringList { "xn--bcher-kva.example" } << QStringList {};
        QTest::newRow("dotted name that is no address")
            << QStringList { "1.2.3" } << QStringList { "1.2.3" } << QStringList {};
        QTest::newRow("duplicates collapse")
            << QStringList { "a.test", "A.test" } << QStringList { "a.test" } << QStringList {};
    }

    void issuesLeafWithSubjectAltNames()
    {
        QFETCH(QStringList, hostNames);
        QFETCH(QStringList, expectedDns);
        QFETCH(QStringList, expectedIps);
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const IssuedCertificate issued = ca.issue(hostNames);
        QVERIFY2(!issued.isNull(), qPrintable(ca.lastError()));
        const auto names = issued.certificate.subjectAlternativeNames();
        QStringList dns = names.values(QSsl::DnsEntry);
        dns.sort();
        expectedDns.sort();
        QCOMPARE(dns, expectedDns);
        QList<QHostAddress> ips;
        for (const QString &ip : names.values(QSsl::IpAddressEntry))
            ips.append(QHostAddress(ip));
        QCOMPARE(ips.size(), expectedIps.size());
        for (const QString &ip : expectedIps)
            QVERIFY2(ips.contains(QHostAddress(ip)), qPrintable(ip));

        QCOMPARE(issued.key.algorithm(), QSsl::Ec);
        QCOMPARE(issued.key.length(), 256);
        QCOMPARE(issued.chain, QList<QSslCertificate>({ issued.certificate, ca.certificate() }));
        QCOMPARE(issued.certificate.serialNumber().count(':') + 1, 16);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(qAbs(issued.certificate.effectiveDate().secsTo(now.addSecs(-3600))) < 60);
        QVERIFY(qAbs(issued.certificate.expiryDate().secsTo(now.addDays(397))) < 60);
    }

    void leafPassesOpensslStrictVerification()
    {
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const IssuedCertificate issued = ca.issue({ QStringLiteral("ws.example.net"), QStringLiteral("127.0.0.1") });
        QVERIFY(!issued.isNull());
        const QString leafPath = m_temp->filePath(QStringLiteral("leaf.pem"));
        QVERIFY(writeAll(leafPath, issued.certificate.toPem()));
        QByteArray output;
        const QStringList common = { QStringLiteral("verify"), QStringLiteral("-x509_strict"),
            QStringLiteral("-purpose"), QStringLiteral("sslserver"), QStringLiteral("-CAfile"), ca.certificatePath() };
        QVERIFY2(
            runOpenssl(
                common + QStringList { QStringLiteral("-verify_hostname"), QStringLiteral("ws.example.net"), leafPath },
                &output),
            output.constData());
        QVERIFY2(
            runOpenssl(
                common + QStringList { QStringLiteral("-verify_ip"), QStringLiteral("127.0.0.1"), leafPath }, &output),
            output.constData());
        QVERIFY(!runOpenssl(
            common + QStringList { QStringLiteral("-verify_hostname"), QStringLiteral("other.example"), leafPath },
            &output));

        QByteArray text;
        QVERIFY(runOpenssl({ QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-text"),
                               QStringLiteral("-in"), leafPath },
            &text));
        QVERIFY2(text.contains("X509v3 Extended Key Usage: \n                TLS Web Server Authentication"),
            text.constData());
        QVERIFY2(text.contains("X509v3 Key Usage: critical\n                Digital Signature"), text.constData());
        QVERIFY(text.contains("X509v3 Authority Key Identifier"));
        QVERIFY(text.contains("Signature Algorithm: ecdsa-with-SHA256"));

        // Also another CA's leaf must not verify against ours.
        CertificateAuthority other(m_temp->filePath(QStringLiteral("other")));
        QVERIFY(other.load());
        QVERIFY(writeAll(leafPath, other.issue({ QStringLiteral("ws.example.net") }).certificate.toPem()));
        QVERIFY(!runOpenssl(common + QStringList { leafPath }, &output));
    }

    void leafVerifiesWithQtAgainstTheCa()
    {
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const IssuedCertificate issued = ca.issue({ QStringLiteral("localhost") });
        const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = saved;
        trusting.setCaCertificates({ ca.certificate() });
        QSslConfiguration::setDefaultConfiguration(trusting);
        const QList<QSslError> errors = QSslCertificate::verify({ issued.certificate }, QStringLiteral("localhost"));
        const QList<QSslError> mismatch
            = QSslCertificate::verify({ issued.certificate }, QStringLiteral("example.org"));
        QSslConfiguration::setDefaultConfiguration(saved);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).errorString()));
        QCOMPARE(mismatch.size(), 1);
        QCOMPARE(mismatch.first().error(), QSslError::HostNameMismatch);
    }

    void cachesLeavesBySetOfNames()
    {
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const IssuedCertificate first = ca.issue({ QStringLiteral("a.test"), QStringLiteral("b.test") });
        QVERIFY(!first.isNull());
        const IssuedCertificate same = ca.issue({ QStringLiteral("B.test"), QStringLiteral("a.test") });
        QCOMPARE(same.certificate, first.certificate);
        QCOMPARE(same.key, first.key);
        const IssuedCertificate other = ca.issue({ QStringLiteral("a.test") });
        QVERIFY(other.certificate != first.certificate);
        QVERIFY(other.certificate.serialNumber() != first.certificate.serialNumber());

        const QSslCertificate oldCa = ca.certificate();
        QVERIFY(ca.regenerate());
        QVERIFY(ca.certificate() != oldCa);
        const IssuedCertificate fresh = ca.issue({ QStringLiteral("a.test"), QStringLiteral("b.test") });
        QVERIFY(fresh.certificate != first.certificate);
        QCOMPARE(fresh.certificate.issuerInfo(QSslCertificate::CommonName),
            ca.certificate().subjectInfo(QSslCertificate::CommonName));
        QCOMPARE(QSslCertificate(readAll(ca.certificatePath())), ca.certificate());
        QCOMPARE(modeOf(ca.keyPath()), 0600);
    }

    void refusesNamesThatAreNotHosts_data()
    {
        QTest::addColumn<QStringList>("hostNames");
        QTest::newRow("no names") << QStringList {};
        QTest::newRow("empty name") << QStringList { QString() };
        QTest::newRow("space in name") << QStringList { "bad name" };
        QTest::newRow("config syntax smuggled in") << QStringList { "a.test,IP:10.0.0.1" };
        QTest::newRow("one bad among good") << QStringList { "good.test", "bad/name" };
        QTest::newRow("empty label") << QStringList { "a..test" };
    }

    void refusesNamesThatAreNotHosts()
    {
        QFETCH(QStringList, hostNames);
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        QVERIFY(ca.issue(hostNames).isNull());
        QVERIFY(!ca.lastError().isEmpty());
    }

    void issuesQuickly()
    {
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        QElapsedTimer timer;
        timer.start();
        constexpr int Count = 50;
        for (int i = 0; i < Count; ++i)
            QVERIFY(!ca.issue({ QStringLiteral("host%1.example").arg(i) }).isNull());
        const double perLeafMs = double(timer.nsecsElapsed()) / 1e6 / Count;
        qInfo("issue() for a new host: %.3f ms", perLeafMs);
        // Generous for debug and sanitizer builds; the benchmark measures the real figure.
        QVERIFY2(perLeafMs < 25, qPrintable(QString::number(perLeafMs)));
    }
};

QTEST_GUILESS_MAIN(tst_CertificateAuthorityLeaves)
#include "tst_certificateauthority_leaves.moc"
