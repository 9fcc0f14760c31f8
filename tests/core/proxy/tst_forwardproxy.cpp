// ForwardProxy in process, as the window uses it: a QWebSocket configured with the proxy as its HTTP proxy
// (Qt tunnels it through CONNECT) to an in-process QWebSocketServer becomes one proxied Connection in the
// workspace; a plain request passes through and is only counted; a CONNECT to the proxy itself is refused and
// counted. The counts and signals are what the Proxy panel shows.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "proxy/forwardproxy.h"
#include "tls/certificateauthority.h"
#include "tls/spkihash.h"

#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace wsi;

class tst_ForwardProxy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CertificateAuthority> m_authority;

    bool startProxy(ForwardProxy &proxy)
    {
        proxy.setCertificateAuthority(m_authority.get());
        QString error;
        const bool started = proxy.start(ForwardProxyOptions(), &error);
        if (!started)
            qWarning() << error;
        return started;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_authority = std::make_unique<CertificateAuthority>(m_dir.filePath(QStringLiteral("ca")));
        QVERIFY(m_authority->load());
    }

    void listensOnLoopbackAndNamesItsCa()
    {
        Workspace workspace;
        ForwardProxy proxy(&workspace);
        QVERIFY(startProxy(proxy));
        QVERIFY(proxy.isListening());
        QVERIFY(!proxy.options().isExposed());
        QCOMPARE(proxy.proxyUrl().scheme(), QStringLiteral("http"));
        QCOMPARE(proxy.proxyUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(proxy.proxyUrl().port() > 0);
        QCOMPARE(proxy.options().port, quint16(proxy.proxyUrl().port()));
        QCOMPARE(proxy.caSpkiSha256(), SpkiHash::sha256Base64(m_authority->certificate()));
        // A second proxy on the same port cannot start, and says why.
        ForwardProxy second(&workspace);
        second.setCertificateAuthority(m_authority.get());
        ForwardProxyOptions taken;
        taken.port = proxy.options().port;
        QString error;
        QVERIFY(!second.start(taken, &error));
        QVERIFY2(error.contains(QString::number(taken.port)), qPrintable(error));
        proxy.stop();
        QVERIFY(!proxy.isListening());
    }

    void webSocketThroughConnectIsOneProxiedConnection()
    {
        QWebSocketServer server(QStringLiteral("echo"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QWebSocketServer::newConnection, this, [&server] {
            QWebSocket *peer = server.nextPendingConnection();
            connect(
                peer, &QWebSocket::textMessageReceived, peer, [peer](const QString &t) { peer->sendTextMessage(t); });
        });
        Workspace workspace;
        ForwardProxy proxy(&workspace);
        QVERIFY(startProxy(proxy));
        QSignalSpy counts(&proxy, &ForwardProxy::countsChanged);

        QWebSocket client;
        client.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.options().port));
        QSignalSpy received(&client, &QWebSocket::textMessageReceived);
        connect(&client, &QWebSocket::connected, &client, [&client] { client.sendTextMessage(QStringLiteral("hi")); });
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/chat").arg(server.serverPort())));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
        QCOMPARE(received.first().first().toString(), QStringLiteral("hi"));

        QCOMPARE(workspace.connections().size(), 1);
        Connection *connection = workspace.connections().first();
        QCOMPARE(connection->kind(), Connection::Kind::Proxied);
        QVERIFY2(connection->title().contains(QStringLiteral("/chat")), qPrintable(connection->title()));
        QCOMPARE(proxy.webSocketCount(), 1);
        QVERIFY(!counts.isEmpty());
        QCOMPARE(proxy.passThroughCount(), 0);

        client.close();
        QTRY_COMPARE_WITH_TIMEOUT(proxy.webSocketCount(), 0, 10000);
    }

    void plainRequestPassesThroughCounted()
    {
        // A tiny origin server: answers one request with a fixed response and closes.
        QTcpServer origin;
        QVERIFY(origin.listen(QHostAddress::LocalHost));
        QByteArray originGot;
        connect(&origin, &QTcpServer::newConnection, this, [&origin, &originGot] {
            QTcpSocket *peer = origin.nextPendingConnection();
            connect(peer, &QTcpSocket::readyRead, peer, [peer, &originGot] {
                originGot += peer->readAll();
                if (originGot.contains("\r\n\r\n")) {
                    peer->write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
                    peer->disconnectFromHost();
                }
            });
        });
        Workspace workspace;
        ForwardProxy proxy(&workspace);
        QVERIFY(startProxy(proxy));

        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, proxy.options().port);
        QVERIFY(client.waitForConnected(5000));
        client.write(QStringLiteral("GET http://127.0.0.1:%1/x?y=1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\n"
                                    "Proxy-Connection: keep-alive\r\n\r\n")
                         .arg(origin.serverPort())
                         .toLatin1());
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += client.readAll()).endsWith("hello"), 10000);
        QVERIFY2(originGot.startsWith("GET /x?y=1 HTTP/1.1\r\n"), originGot.constData());
        QVERIFY(!originGot.contains("Proxy-Connection"));
        QVERIFY(originGot.contains("Connection: close\r\n"));
        QCOMPARE(proxy.passThroughCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(proxy.passThroughBytes() >= originGot.size() + answer.size(), 5000);
        QVERIFY(workspace.connections().isEmpty());
    }

    void refusesItself()
    {
        Workspace workspace;
        ForwardProxy proxy(&workspace);
        QVERIFY(startProxy(proxy));
        QSignalSpy refused(&proxy, &ForwardProxy::refused);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, proxy.options().port);
        QVERIFY(client.waitForConnected(5000));
        client.write(QStringLiteral("CONNECT localhost:%1 HTTP/1.1\r\n\r\n").arg(proxy.options().port).toLatin1());
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 5000);
        QVERIFY(refused.first().at(1).toString().contains(QStringLiteral("forward proxy itself")));
        QCOMPARE(proxy.refusedCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(client.state() == QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(client.readAll().startsWith("HTTP/1.1 508 Loop Detected"));
        QVERIFY(workspace.connections().isEmpty());
    }
};

QTEST_MAIN(tst_ForwardProxy)
#include "tst_forwardproxy.moc"
