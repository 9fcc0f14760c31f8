// The front relay on its own, with raw QTcpSocket clients on 127.0.0.1: how it hands a burst of clients on
// (a bounded batch per event-loop turn) and that every client's deadlines still fire.
#include "connection.h"
#include "frontrelay.h"

#include <QPointer>
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
            auto connection = std::make_unique<Connection>(Connection::Kind::Incoming, ConnectionOptions{},
                                                           client->peer());
            client->serve(connection.get(), {}, {});
            connections.push_back(std::move(connection));
            // Accepts inside one batch happen without the event loop running in between: the queued reset
            // runs only between batches.
            if (!resetQueued) {
                resetQueued = true;
                QMetaObject::invokeMethod(this, [this] { resetQueued = false; inThisTurn = 0; }, Qt::QueuedConnection);
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
};

QTEST_GUILESS_MAIN(tst_FrontRelay)
#include "tst_frontrelay.moc"
