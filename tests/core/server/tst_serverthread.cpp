// The local server off the GUI thread (issue 12): the relay and every client's socket live on the ServerThread, the
// GUI thread only applies the batches of rows they send, and no thread is left once the last server is gone.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "eventquery.h"
#include "models/eventlogmodel.h"
#include "server/frontrelay.h"
#include "server/localserver.h"
#include "server/relayhandle.h"
#include "server/servedclients.h"
#include "server/serverthread.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QWebSocket>

#include <memory>
#include <vector>

using namespace wsi;

class tst_ServerThread : public QObject
{
    Q_OBJECT

private:
    // A relay on the server thread serving in echo mode; its clients' Connections land in `connections`.
    struct EchoServer
    {
        int batches = 0;
        bool batchesOnThisThread = true;
        std::vector<std::unique_ptr<Connection>> connections; // outlives the handle: its last batches land here
        RelayHandle handle;
        // Destroyed first: what the relay sent to it and it has not handled yet goes with it.
        QObject receiver;

        bool start()
        {
            QObject *context = &receiver;
            RelayHandle::Setup setup;
            setup.address = QHostAddress::LocalHost;
            setup.counts = std::make_shared<ServerBehaviour::Counts>();
            QString why;
            bool inUse = false;
            if (!handle.listen(setup, &why, &inUse))
                return false;
            QObject::connect(handle.clients(), &ServedClients::clientArrived, context,
                [this](Connection *c, quint64) { connections.emplace_back(c); });
            QObject::connect(
                handle.relayOnServerThread(), &FrontRelay::batchReady, context, [this](const ServedBatch &) {
                    ++batches;
                    batchesOnThisThread = batchesOnThisThread && QThread::currentThread() == qApp->thread();
                });
            return true;
        }
        QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(handle.port())); }
    };

private Q_SLOTS:
    void theClientsSocketIsReadOnTheServerThreadAndTheGuiGetsBatches()
    {
        {
            EchoServer server;
            QVERIFY(server.start());
            QVERIFY(ServerThread::isRunning());
            FrontRelay *relay = server.handle.relayOnServerThread();
            QVERIFY(relay->thread() != QThread::currentThread());

            QWebSocket client;
            QSignalSpy received(&client, &QWebSocket::textMessageReceived);
            client.open(server.url());
            QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
            constexpr int kMessages = 300;
            for (int i = 0; i < kMessages; ++i)
                client.sendTextMessage(QStringLiteral("message %1").arg(i));
            QTRY_COMPARE_WITH_TIMEOUT(received.count(), kMessages, 10000);

            // The client's socket (where its readyRead, and so every read, is handled) and the RelayedClient that
            // reads it belong to the server thread, not to this one.
            QThread *clientThread = nullptr;
            QThread *socketThread = nullptr;
            QMetaObject::invokeMethod(
                relay,
                [&] {
                    RelayedClient *served = relay->client(1);
                    clientThread = served->thread();
                    socketThread = served->findChild<QTcpSocket *>()->thread();
                },
                Qt::BlockingQueuedConnection);
            QCOMPARE(clientThread, relay->thread());
            QCOMPARE(socketThread, relay->thread());
            QVERIFY(socketThread != QThread::currentThread());

            // This thread got the record in batches, every message and echo in order.
            QCOMPARE(int(server.connections.size()), 1);
            Connection &c = *server.connections.front();
            QTRY_COMPARE(eventsOf(c, EventType::Message, Direction::Outgoing).size(), kMessages);
            const QList<qsizetype> in = eventsOf(c, EventType::Message, Direction::Incoming);
            QCOMPARE(in.size(), kMessages);
            for (int i = 0; i < kMessages; i += 37)
                QCOMPARE(c.events().payloadCopy(in[i]), QStringLiteral("message %1").arg(i).toUtf8());
            QCOMPARE(c.state(), Connection::State::Open);
            QVERIFY(server.batches > 0);
            QVERIFY(server.batchesOnThisThread);

            client.close();
            QTRY_COMPARE(c.state(), Connection::State::Closed);
        }
        // The handle was the thread's last holder: stopped and joined with it.
        QVERIFY(!ServerThread::isRunning());
    }

    void theEventModelStaysConsistentWhileAClientFloods()
    {
        EchoServer server;
        QVERIFY(server.start());
        QWebSocket client;
        QSignalSpy received(&client, &QWebSocket::binaryMessageReceived);
        client.open(server.url());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(int(server.connections.size()), 1);
        EventLogModel model;
        model.setShowFrames(true);
        model.setConnection(server.connections.front().get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        constexpr int kMessages = 3000;
        for (int i = 0; i < kMessages; ++i)
            client.sendBinaryMessage(QByteArray(200, char(i)));
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), kMessages, 20000);
        Connection &c = *server.connections.front();
        QTRY_COMPARE(eventsOf(c, EventType::Message, Direction::Outgoing).size(), kMessages);
        QTRY_VERIFY(model.rowCount() >= 4 * kMessages); // a frame and a message each way
    }

    void theThreadStopsOnceTheLastStoppedServerIsRetired()
    {
        Workspace workspace;
        {
            LocalServer server(&workspace);
            QCOMPARE(server.start(ServerOptions {}) ? QString() : QStringLiteral("no start"), QString());
            QVERIFY(ServerThread::isRunning());
            QWebSocket client;
            client.open(server.url());
            QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
            QTRY_COMPARE(int(server.clients().size()), 1);
            Connection *c = server.clients().front();
            server.stop();
            QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
            QCOMPARE(int(client.closeCode()), 1001);
            QTRY_COMPARE(c->state(), Connection::State::Closed);
        }
        // The relay stays 2 s for the clients' Close handshakes; then the thread goes with it.
        QTRY_VERIFY_WITH_TIMEOUT(!ServerThread::isRunning(), 10000);
    }

    void aClientArrivingAsTheServerIsDestroyedGetsNoConnection()
    {
        Workspace workspace;
        auto server = std::make_unique<LocalServer>(&workspace);
        QVERIFY(server->start(ServerOptions {}));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(client.waitForConnected(10000));
        client.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        // Waiting here runs no event loop of this thread: the 101 comes after the relay posted the client's arrival,
        // which waits in this thread's queue while the server is destroyed.
        QVERIFY(client.waitForReadyRead(10000));
        QVERIFY(client.readAll().startsWith("HTTP/1.1 101"));
        // Connection ids are handed out in creation order: the next one tells whether one was made meanwhile.
        const int idBefore = Connection(ConnectionOptions {}).id();
        server.reset();
        // The relay retires for 2 s; the client it had is let go, and no Connection is made for it.
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!ServerThread::isRunning(), 10000);
        QCOMPARE(Connection(ConnectionOptions {}).id(), idBefore + 1);
        QVERIFY(workspace.connections().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ServerThread)
#include "tst_serverthread.moc"
