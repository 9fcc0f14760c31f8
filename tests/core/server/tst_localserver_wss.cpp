// The local test server over wss with real clients on 127.0.0.1 (python3-websockets, a raw QSslSocket): TLS with the
// user's certificate or one from the app's own CA, terminated in the relay; a stopped server finishes no handshake.
#include "clientprocess.h"
#include "eventquery.h"
#include "localserverfixture.h"
#include "testcerts.h"
#include "tls/certificateauthority.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

class tst_LocalServerWss : public QObject, protected LocalServerFixture
{
    Q_OBJECT

private:
    // wss with the test certificates.
    static ServerOptions tlsOptions(const TestCertificates &certs)
    {
        ServerOptions options;
        options.tls = true;
        options.certificateFile = certs.certFile();
        options.keyFile = certs.keyFile();
        return options;
    }

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void wssWithUserCertificate()
    {
        TestCertificates certs;
        QVERIFY(certs.create());
        QCOMPARE(start(tlsOptions(certs)), QString());
        QCOMPARE(m_server->url().scheme(), QStringLiteral("wss"));
        const QStringList out = runPythonClient({ url(), QStringLiteral("--cafile"), certs.caFile(),
            QStringLiteral("--send"), QStringLiteral("secret"), QStringLiteral("--expect"), QStringLiteral("1") });
        QVERIFY2(out.contains(QStringLiteral("RECV secret")), qPrintable(out.join('\n')));
        Connection *c = lastClient();
        // TLS is terminated in the relay: the recorded bytes are plaintext and fully decoded.
        QCOMPARE(c->handshake().response.status, 101);
        QCOMPARE(c->events().payloadText(eventsOf(*c, EventType::Message, Direction::Incoming).value(0)),
            QStringLiteral("secret"));
    }

    // A wss client whose TLS handshake ended after the stop was served a 101 by the stopped server while its relay
    // retired (2 s): the handshake in progress is let go now, and no client is accepted after the stop.
    void aStoppedWssServerFinishesNoHandshake()
    {
        TestCertificates certs;
        QVERIFY(certs.create());
        QCOMPARE(start(tlsOptions(certs)), QString());
        QSslSocket client;
        client.setPeerVerifyMode(QSslSocket::VerifyNone);
        QSignalSpy encrypted(&client, &QSslSocket::encrypted);
        client.connectToHost(QHostAddress::LocalHost, m_server->url().port());
        QVERIFY(client.waitForConnected(10000));
        QTest::qWait(300); // the server thread accepts it and waits for its ClientHello
        m_server->stop();
        client.startClientEncryption();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(encrypted.size(), 0);
        QVERIFY(m_workspace->connections().isEmpty()); // never a client
    }

    void wssWithCertificateFromOwnCa()
    {
        QTemporaryDir dir;
        CertificateAuthority authority(dir.filePath(QStringLiteral("ca")));
        QVERIFY(authority.load());
        m_server->useCertificateAuthority(&authority);
        ServerOptions options;
        options.tls = true;
        QCOMPARE(start(options), QString());
        const QStringList out = runPythonClient({ url(), QStringLiteral("--cafile"), authority.certificatePath(),
            QStringLiteral("--send"), QStringLiteral("generated"), QStringLiteral("--expect"), QStringLiteral("1") });
        QVERIFY2(out.contains(QStringLiteral("RECV generated")), qPrintable(out.join('\n')));
        m_server->stop();
    }
};

QTEST_GUILESS_MAIN(tst_LocalServerWss)
#include "tst_localserver_wss.moc"
