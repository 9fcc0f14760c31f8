// The front relay on its own, with raw QTcpSocket clients on 127.0.0.1: how it hands a burst of clients on
// (a bounded batch per event-loop turn) and that every client's deadlines still fire.
#include "connection.h"
#include "frontrelay.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace wsi;

namespace {

const QByteArray kUpgrade = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

// Serves every accepted client as LocalServer does (an incoming Connection records it), minus the workspace.
class Host : public QObject
{
public:
    explicit Host(FrontRelay *relay)
    {
        QObject::connect(relay, &FrontRelay::clientAccepted, this, [this](RelayedClient *client) {
            auto connection
                = std::make_unique<Connection>(Connection::Kind::Incoming, ConnectionOptions {}, client->peer());
            client->serve(connection.get(), {}, {});
            connections.push_back(std::move(connection));
            // Accepts inside one batch happen without the event loop running in between: the queued reset
            // runs only between batches.
            if (!resetQueued) {
                resetQueued = true;
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        resetQueued = false;
                        inThisTurn = 0;
                    },
                    Qt::QueuedConnection);
            }
            largestBatch = qMax(largestBatch, ++inThisTurn);
        });
    }

    std::vector<std::unique_ptr<Connection>> connections;
    int inThisTurn = 0;
    int largestBatch = 0;
    bool resetQueued = false;
};

} // namespace

class tst_FrontRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstBeyondThePerTurnBoundIsAcceptedInBatchesAndAllServed()
    {
        FrontRelay relay;
        relay.setMaxAcceptsPerTurn(3);
        Host host(&relay);
        QVERIFY(relay.listen(QHostAddress::LocalHost, 0));

        // All connected and their requests sent before the event loop runs: the whole burst waits in the
        // listen backlog at once, as hundreds do under load.
        constexpr int kClients = 20;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < kClients; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, relay.serverPort());
            QVERIFY(socket->waitForConnected(5000));
            socket->write(kUpgrade);
            QVERIFY(socket->waitForBytesWritten(5000));
            clients.push_back(std::move(socket));
        }

        QTRY_COMPARE_WITH_TIMEOUT(int(host.connections.size()), kClients, 10000);
        QVERIFY2(host.largestBatch <= 3, qPrintable(QString::number(host.largestBatch)));
        for (const auto &socket : clients) {
            QTRY_VERIFY_WITH_TIMEOUT(socket->bytesAvailable() > 0 || socket->waitForReadyRead(10), 5000);
            QVERIFY(socket->readAll().startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
        }
        for (const auto &connection : host.connections)
            QTRY_COMPARE(connection->state(), Connection::State::Open);
    }

    void handshakeDeadlineFiresBesideOpenClients()
    {
        FrontRelay relay;
        RelayedClient::Settings settings;
        settings.handshakeTimeoutMs = 300;
        relay.setClientSettings(settings);
        Host host(&relay);
        QVERIFY(relay.listen(QHostAddress::LocalHost, 0));

        // Open clients have no deadline (no idle timeout) and leave the sweep; the slow one must stay in it.
        std::vector<std::unique_ptr<QTcpSocket>> open;
        for (int i = 0; i < 3; ++i) {
            open.push_back(connectedClient(relay.serverPort()));
            open.back()->write(kUpgrade);
            QTRY_VERIFY(open.back()->bytesAvailable() > 0);
        }
        const std::unique_ptr<QTcpSocket> slow = connectedClient(relay.serverPort());
        slow->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // never finished
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += slow->readAll()).contains("\r\n\r\n"), 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer.constData());
        for (const auto &socket : open)
            QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    }

    void closeGraceStillAbortsAClientThatHadLeftTheSweep()
    {
        FrontRelay relay;
        Host host(&relay); // default settings: no idle timeout, so an open client has no deadline
        QVERIFY(relay.listen(QHostAddress::LocalHost, 0));
        const std::unique_ptr<QTcpSocket> client = connectedClient(relay.serverPort());
        client->write(kUpgrade);
        QTRY_COMPARE(int(host.connections.size()), 1);
        Connection *connection = host.connections.front().get();
        QTRY_COMPARE(connection->state(), Connection::State::Open);
        QTest::qWait(400); // several sweeps: the open client is no longer watched

        // Our Close arms the grace deadline again; the client never answers it.
        QElapsedTimer sinceClose;
        sinceClose.start();
        QVERIFY(connection->close(4000, QStringLiteral("bye")));
        QTRY_VERIFY_WITH_TIMEOUT(client->state() == QAbstractSocket::UnconnectedState, 10000);
        QVERIFY2(sinceClose.elapsed() >= 4500, qPrintable(QString::number(sinceClose.elapsed())));
        QTRY_VERIFY(connection->state() != Connection::State::Closing);
    }

private:
    static std::unique_ptr<QTcpSocket> connectedClient(quint16 port)
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, port);
        socket->waitForConnected(5000);
        return socket;
    }
};

QTEST_GUILESS_MAIN(tst_FrontRelay)
#include "tst_frontrelay.moc"
