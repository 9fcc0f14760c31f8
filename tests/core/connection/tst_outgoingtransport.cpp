// OutgoingTransport: what it reports by itself, whatever Connection::open() checked before it started.
#include "connection/connection.h"
#include "connection/outgoingtransport.h"
#include "tls/certificateauthority.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

class tst_OutgoingTransport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CertificateAuthority> m_authority;

    static QStringList rows(const Connection &c, EventType type, ErrorLayer layer)
    {
        QStringList texts;
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            if (c.events().at(i).type == type && c.events().at(i).layer() == layer)
                texts << c.events().payloadText(i);
        }
        return texts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WSInspectorTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_outgoingtransport"));
        QVERIFY(m_dir.isValid());
        m_authority = std::make_unique<CertificateAuthority>(m_dir.filePath(QStringLiteral("ca")));
        QVERIFY(m_authority->load());
    }

    void unloadableClientCertificateIsATlsError_data()
    {
        QTest::addColumn<bool>("intercept");
        QTest::newRow("the tap does the TLS (wss interception)") << true;
        QTest::newRow("the socket does the TLS (interception off)") << false;
    }

    // open() refuses such options before the transport starts; the transport reads the files again when it
    // starts, and a certificate it cannot load is a TLS error row naming the file on both TLS paths.
    void unloadableClientCertificateIsATlsError()
    {
        QFETCH(bool, intercept);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("wss://127.0.0.1:1/"));
        options.interceptTls = intercept;
        options.clientCertificateFile = m_dir.filePath(QStringLiteral("missing-client.pem"));
        Connection c(options);
        c.setCertificateAuthority(m_authority.get());
        {
            OutgoingTransport transport(&c);
            transport.start();
            QCOMPARE(c.handshake().intercepted, intercept);
            QVERIFY2(transport.socket(), "the connection goes on without the certificate");
            const QStringList tlsErrors = rows(c, EventType::Error, ErrorLayer::Tls);
            QCOMPARE(tlsErrors.size(), 1);
            QVERIFY2(tlsErrors.first().contains(QStringLiteral("missing-client.pem")), qPrintable(tlsErrors.first()));
            QCOMPARE(c.counters().errors, quint64(1));
            QCOMPARE(c.statusText(), tlsErrors.first());
        }
    }
};

QTEST_GUILESS_MAIN(tst_OutgoingTransport)
#include "tst_outgoingtransport.moc"
