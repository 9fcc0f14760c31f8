// Leaves of the per-install CA in real TLS handshakes: a Qt client and a Python client that trust only
// the CA complete the handshake with a server presenting the leaf, and a leaf for another host is refused.
#include "certificateauthorityfixture.h"
#include "tls/certificateauthority.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

using namespace wsi;

namespace {

// A TLS server on 127.0.0.1 presenting one issued certificate; it answers "hello\n" once encrypted.
class TlsServer : public QTcpServer
{
public:
    explicit TlsServer(const IssuedCertificate &issued)
        : m_issued(issued)
    { }

    QList<QSslError> errors;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(m_issued.chain);
        configuration.setPrivateKey(m_issued.key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket->setSslConfiguration(configuration);
        connect(socket, &QSslSocket::encrypted, socket, [socket] { socket->write("hello\n"); });
        connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &e) { errors += e; });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }

private:
    IssuedCertificate m_issued;
};

} // namespace

class tst_CertificateAuthorityHandshake : public QObject, private CertificateAuthorityFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { createTemporaryDir(); }

    void cleanup() { removeTemporaryDir(); }

    void qtClientTrustingOnlyTheCaCompletesHandshake_data()
    {
        QTest::addColumn<QStringList>("issuedFor");
        QTest::addColumn<QString>("peerName");
        QTest::addColumn<bool>("expectMismatch");
        QTest::newRow("by IP address") << QStringList { "localhost", "127.0.0.1" } << "127.0.0.1" << false;
        QTest::newRow("by host name") << QStringList { "localhost", "127.0.0.1" } << "localhost" << false;
        QTest::newRow("certificate for another host") << QStringList { "other.example" } << "localhost" << true;
    }

    void qtClientTrustingOnlyTheCaCompletesHandshake()
    {
        QFETCH(QStringList, issuedFor);
        QFETCH(QString, peerName);
        QFETCH(bool, expectMismatch);
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const IssuedCertificate issued = ca.issue(issuedFor);
        QVERIFY(!issued.isNull());
        TlsServer server(issued);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        QSslSocket client;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates({ ca.certificate() });
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        client.setSslConfiguration(configuration);
        QList<QSslError> errors;
        connect(&client, &QSslSocket::sslErrors, this, [&errors](const QList<QSslError> &e) { errors += e; });
        QSignalSpy encrypted(&client, &QSslSocket::encrypted);
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort(), peerName);
        if (expectMismatch) {
            QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
            QCOMPARE(errors.first().error(), QSslError::HostNameMismatch);
            QCOMPARE(encrypted.size(), 0);
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(encrypted.size(), 1, 10000);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).errorString()));
        QCOMPARE(client.peerCertificate(), issued.certificate);
        QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 10000);
        QCOMPARE(client.readLine(), QByteArray("hello\n"));
        QVERIFY(server.errors.isEmpty());
        client.disconnectFromHost();
    }

    void pythonClientTrustingOnlyTheCaCompletesHandshake()
    {
        const QString python = QStringLiteral(WSI_SYSTEM_PYTHON);
        if (!QFile::exists(python))
            QSKIP("no /usr/bin/python3");
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        TlsServer server(ca.issue({ QStringLiteral("localhost"), QStringLiteral("127.0.0.1") }));
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        // create_default_context() verifies the chain and the host name; cafile= makes it trust only our CA.
        const QString script
            = QStringLiteral("import socket, ssl, sys\n"
                             "ctx = ssl.create_default_context(cafile=sys.argv[1])\n"
                             "with socket.create_connection(('127.0.0.1', int(sys.argv[2])), timeout=10) as raw:\n"
                             "    with ctx.wrap_socket(raw, server_hostname=sys.argv[3]) as tls:\n"
                             "        print(tls.version(), tls.recv(6).decode().strip())\n");
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(python,
            { QStringLiteral("-c"), script, ca.certificatePath(), QString::number(server.serverPort()),
                QStringLiteral("localhost") });
        // The server runs in this thread: wait with the event loop running.
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 20000);
        const QByteArray output = process.readAll();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("hello"), output.constData());
        QVERIFY2(output.startsWith("TLSv1.3") || output.startsWith("TLSv1.2"), output.constData());
    }
};

QTEST_GUILESS_MAIN(tst_CertificateAuthorityHandshake)
#include "tst_certificateauthority_handshake.moc"
