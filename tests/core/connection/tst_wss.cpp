// wss:// through the tap with interception off: the connection works, the wire is marked encrypted,
// messages come from the socket, TLS timing comes from the record layer, and certificate errors are named.
#include "connection/connection.h"
#include "peerprocess.h"
#include "testcerts.h"

#include <QSignalSpy>
#include <QTest>

using namespace wsi;

class tst_Wss : public QObject
{
    Q_OBJECT

private:
    TestCertificates m_certs;
    PeerProcess m_server;

    QUrl url() const { return QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(m_server.port())); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_certs.create(), "openssl could not create test certificates");
        QVERIFY2(m_server.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
                     { m_certs.certFile(), m_certs.keyFile() }),
            "wss server did not start");
    }

    void connectsAndEchoesOverTls()
    {
        ConnectionOptions options;
        options.url = url();
        options.caFile = m_certs.caFile();
        options.interceptTls = false;
        Connection c(options);
        QSignalSpy finished(&c, &Connection::finished);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        QVERIFY(c.handshake().encrypted);
        QVERIFY(c.timings().tlsUs > 0); // ClientHello to the first application-data record
        QVERIFY(c.counters().bytesOut > 0);

        QVERIFY(c.sendText(QStringLiteral("over tls")));
        QTRY_VERIFY_WITH_TIMEOUT(c.counters().messagesIn == 1, 5000);
        bool echoed = false;
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            const EventRecord &r = c.events().at(i);
            if (r.type == EventType::Message && r.dir == Direction::Incoming) {
                QVERIFY(r.hasFlag(FlagFromSocket)); // said honestly: not decoded from the (encrypted) wire
                echoed = c.events().payloadText(i) == QLatin1String("over tls");
            }
        }
        QVERIFY(echoed);
        QVERIFY(c.close());
        QVERIFY(finished.wait(10000));
        QCOMPARE(c.state(), Connection::State::Closed);
    }

    void untrustedCertificateIsATlsError()
    {
        ConnectionOptions options;
        options.url = url();
        options.interceptTls = false;
        Connection c(options);
        QSignalSpy finished(&c, &Connection::finished);
        c.open();
        QVERIFY(finished.wait(15000));
        QCOMPARE(c.state(), Connection::State::Failed);
        bool tlsError = false;
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            const EventRecord &r = c.events().at(i);
            if (r.type == EventType::Error && r.layer() == ErrorLayer::Tls)
                tlsError = c.events().payloadText(i).contains(QStringLiteral("certificate"), Qt::CaseInsensitive);
        }
        QVERIFY2(tlsError, qPrintable(c.statusText()));
    }

    void unreadableCaFileIsRefused()
    {
        ConnectionOptions options;
        options.url = url();
        options.caFile = m_certs.path(QStringLiteral("missing.pem"));
        QVERIFY(options.validate().contains(QStringLiteral("missing.pem")));
    }
};

QTEST_GUILESS_MAIN(tst_Wss)
#include "tst_wss.moc"
