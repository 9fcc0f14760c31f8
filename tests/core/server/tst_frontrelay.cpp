// The front relay on its own, with raw QTcpSocket clients on 127.0.0.1: how it hands a burst of clients on
// (a bounded batch per event-loop turn), that every client's deadlines still fire, and how answers are
// written when one client talks alone or several share the server.
#include "connection/connection.h"
#include "eventquery.h"
#include "protocol/frameencoder.h"
#include "server/frontrelay.h"
#include "server/servedclients.h"
#include "server/serverbehaviour.h"

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

// Serves every accepted client as LocalServer does (an incoming Connection records it from the relay's batches),
// minus the workspace and the server thread: the relay runs on the test's thread.
class Host : public QObject
{
public:
    explicit Host(FrontRelay *relay, bool echo = false)
        : clients(relay)
    {
        ServerOptions options;
        options.mode = echo ? ServerMode::Echo : ServerMode::Silent;
        relay->setBehaviour(std::make_unique<ServerBehaviour>(options, std::make_shared<ServerBehaviour::Counts>()));
        QObject::connect(&clients, &ServedClients::clientArrived, this, [this, relay](Connection *c, quint64 id) {
            connections.emplace_back(c);
            served.push_back(relay->client(id));
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

    ServedClients clients;
    std::vector<std::unique_ptr<Connection>> connections;
    std::vector<RelayedClient *> served;
    int inThisTurn = 0;
    int largestBatch = 0;
    bool resetQueued = false;
};

QByteArray clientTextFrame(const QByteArray &text)
{
    RawFrameSpec spec;
    spec.opcode = 0x1;
    spec.masked = true;
    spec.payload = text;
    return encodeFrame(spec);
}

QByteArray serverTextFrame(const QByteArray &text)
{
    return QByteArray(1, char(0x81)) + char(text.size()) + text; // short unmasked text frames only
}

// Upgrades a new raw client; returns null if the 101 does not come.
std::unique_ptr<QTcpSocket> upgradedClient(quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!socket->waitForConnected(5000))
        return {};
    socket->write(kUpgrade);
    QByteArray head;
    for (int i = 0; i < 250 && !head.contains("\r\n\r\n"); ++i) {
        QTest::qWait(10);
        head += socket->readAll();
    }
    return head.startsWith("HTTP/1.1 101 ") && head.endsWith("\r\n\r\n") ? std::move(socket) : nullptr;
}

// Sends three text messages in one write and returns what came back once three echoes' worth arrived.
QByteArray roundTrip(QTcpSocket *socket, const QByteArray &tag, QByteArray *expected)
{
    QByteArray out;
    *expected = {};
    for (int i = 0; i < 3; ++i) {
        const QByteArray text = tag + '.' + QByteArray::number(i);
        out += clientTextFrame(text);
        *expected += serverTextFrame(text);
    }
    socket->write(out);
    socket->flush();
    QByteArray in;
    for (int i = 0; i < 500 && in.size() < expected->size(); ++i) {
        QTest::qWait(2); // the relay runs in this thread's event loop
        in += socket->readAll();
    }
    return in;
}

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

    void aClientTalkingAloneGetsEachAnswerAsItComesRecordedExactly()
    {
        FrontRelay relay;
        Host host(&relay, true);
        QVERIFY(relay.listen(QHostAddress::LocalHost, 0));
        std::unique_ptr<QTcpSocket> client = upgradedClient(relay.serverPort());
        QVERIFY(client);
        QTRY_COMPARE(int(host.served.size()), 1);
        QByteArray received;
        QByteArrayList sent;
        for (int round = 0; round < 30; ++round) {
            QByteArray expected;
            const QByteArray got = roundTrip(client.get(), "r" + QByteArray::number(round), &expected);
            QCOMPARE(got, expected); // every echo, in order, nothing else
            received += got;
            for (int i = 0; i < 3; ++i)
                sent << "r" + QByteArray::number(round) + '.' + QByteArray::number(i);
        }
        // Alone for many passes: its answers went out as they were framed.
        QVERIFY2(host.served[0]->answersWrittenAsTheyCame() > 0,
            qPrintable(QString::number(host.served[0]->answersWrittenAsTheyCame())));
        // And the log holds exactly what went out: each echo as a message, and every byte of them.
        const Connection &c = *host.connections[0];
        // The relay hands its rows over in batches, the last within 16 ms of the answer.
        QTRY_COMPARE(eventsOf(c, EventType::Message, Direction::Outgoing).size(), sent.size());
        const QList<qsizetype> echoes = eventsOf(c, EventType::Message, Direction::Outgoing);
        QCOMPARE(echoes.size(), sent.size());
        for (qsizetype i = 0; i < echoes.size(); ++i)
            QCOMPARE(c.events().payload(echoes[i]).toByteArray(), sent[i]);
        const qsizetype response = c.handshake().response.raw.size();
        QCOMPARE(qsizetype(c.counters().bytesOut), response + received.size());
    }

    void clientsSharingTheServerGetTheirAnswersOncePerRead()
    {
        FrontRelay relay;
        Host host(&relay, true);
        QVERIFY(relay.listen(QHostAddress::LocalHost, 0));
        std::unique_ptr<QTcpSocket> a = upgradedClient(relay.serverPort());
        std::unique_ptr<QTcpSocket> b = upgradedClient(relay.serverPort());
        QVERIFY(a && b);
        QTRY_COMPARE(int(host.served.size()), 2);
        // Both write before the event loop runs, so each pass reads both: never one client alone.
        auto bothRound = [&](int round) {
            QByteArray outA;
            QByteArray outB;
            QByteArray expectedA;
            QByteArray expectedB;
            for (int i = 0; i < 3; ++i) {
                const QByteArray textA = "a" + QByteArray::number(round) + '.' + QByteArray::number(i);
                const QByteArray textB = "b" + QByteArray::number(round) + '.' + QByteArray::number(i);
                outA += clientTextFrame(textA);
                outB += clientTextFrame(textB);
                expectedA += serverTextFrame(textA);
                expectedB += serverTextFrame(textB);
            }
            a->write(outA);
            b->write(outB);
            a->flush();
            b->flush();
            QByteArray inA;
            QByteArray inB;
            for (int i = 0; i < 500 && (inA.size() < expectedA.size() || inB.size() < expectedB.size()); ++i) {
                QTest::qWait(2);
                inA += a->readAll();
                inB += b->readAll();
            }
            return inA == expectedA && inB == expectedB;
        };
        for (int round = 0; round < 20; ++round)
            QVERIFY2(bothRound(round), qPrintable(QString::number(round)));
        QCOMPARE(host.served[0]->answersWrittenAsTheyCame(), quint64(0));
        QCOMPARE(host.served[1]->answersWrittenAsTheyCame(), quint64(0));
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
