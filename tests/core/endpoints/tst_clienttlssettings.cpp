// ClientTlsSettings: the one mapping from a connection's TLS options to Qt's TLS types, and the client
// certificate errors it names.
#include "endpoints/clienttlssettings.h"
#include "testcerts.h"

#include <QTest>

using namespace wsi;

class tst_ClientTlsSettings : public QObject
{
    Q_OBJECT

private:
    TestCertificates m_certs;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_certs.create(), "openssl could not create test certificates"); }

    void minimumVersionPicksTheProtocol_data()
    {
        QTest::addColumn<int>("minimum");
        QTest::addColumn<QSsl::SslProtocol>("protocol");
        QTest::newRow("1.2: TLS 1.2 or later") << 12 << QSsl::TlsV1_2OrLater;
        QTest::newRow("1.3: TLS 1.3 only") << 13 << QSsl::TlsV1_3OrLater;
    }

    void minimumVersionPicksTheProtocol()
    {
        QFETCH(int, minimum);
        QFETCH(QSsl::SslProtocol, protocol);
        QCOMPARE(ClientTlsSettings::protocolFor(minimum), protocol);
        ConnectionOptions options;
        options.minimumTlsVersion = minimum;
        const ClientTlsSettings settings(options);
        QCOMPARE(settings.protocol(), protocol);
        QCOMPARE(settings.applyTo(QSslConfiguration()).protocol(), protocol);
    }

    void appliesTheCaFileAndTheClientCertificate()
    {
        ConnectionOptions options;
        options.caFile = m_certs.caFile();
        options.clientCertificateFile = m_certs.certFile();
        options.clientKeyFile = m_certs.keyFile();
        const ClientTlsSettings settings(options);
        QCOMPARE(settings.clientCertificateError(), QString());
        const QSslCertificate ca = QSslCertificate::fromPath(m_certs.caFile()).value(0);
        const QSslCertificate leaf = QSslCertificate::fromPath(m_certs.certFile()).value(0);
        QVERIFY(!ca.isNull() && !leaf.isNull());
        QCOMPARE(settings.caCertificates(), QList<QSslCertificate> { ca });
        QCOMPARE(settings.clientCertificate(), leaf);
        QVERIFY(!settings.clientKey().isNull());

        const QSslConfiguration config = settings.applyTo(QSslConfiguration());
        QVERIFY(config.caCertificates().contains(ca));
        QCOMPARE(config.localCertificate(), leaf);
        QCOMPARE(config.privateKey(), settings.clientKey());
        QCOMPARE(config.protocol(), QSsl::TlsV1_2OrLater);
    }

    void keepsTheBaseCertificates()
    {
        const QSslCertificate leaf = QSslCertificate::fromPath(m_certs.certFile()).value(0);
        QSslConfiguration base;
        base.setCaCertificates({ leaf });
        ConnectionOptions options;
        options.caFile = m_certs.caFile();
        const QSslConfiguration config = ClientTlsSettings(options).applyTo(base);
        QCOMPARE(config.caCertificates().size(), 2);
        QVERIFY(config.caCertificates().contains(leaf));
        QVERIFY(config.localCertificate().isNull());
    }

    void withoutClientCertificateNothingIsLoaded()
    {
        ConnectionOptions options;
        const ClientTlsSettings settings(options);
        QCOMPARE(settings.clientCertificateError(), QString());
        QVERIFY(settings.clientCertificate().isNull());
        QVERIFY(settings.caCertificates().isEmpty());
        QVERIFY(settings.applyTo(QSslConfiguration()).localCertificate().isNull());
    }

    void unloadableClientCertificateIsNamed_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("named");
        QTest::newRow("certificate file missing") << "missing-client.pem"
                                                  << ""
                                                  << "missing-client.pem";
        QTest::newRow("key file missing") << "leaf.pem"
                                          << "missing-client.key"
                                          << "missing-client.key";
        QTest::newRow("certificate file holds only a key") << "leaf.key"
                                                           << "leaf.key"
                                                           << "leaf.key";
    }

    void unloadableClientCertificateIsNamed()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, named);
        ConnectionOptions options;
        options.clientCertificateFile = m_certs.path(certificate);
        if (!key.isEmpty())
            options.clientKeyFile = m_certs.path(key);
        const ClientTlsSettings settings(options);
        QVERIFY2(settings.clientCertificateError().contains(named), qPrintable(settings.clientCertificateError()));
        QVERIFY(settings.clientCertificate().isNull());
        QVERIFY(settings.clientKey().isNull());
        QVERIFY(settings.applyTo(QSslConfiguration()).localCertificate().isNull());
    }
};

QTEST_GUILESS_MAIN(tst_ClientTlsSettings)
#include "tst_clienttlssettings.moc"
