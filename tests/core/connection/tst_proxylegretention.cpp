// tst_proxylegretention: a proxied connection streams both of its legs (what the CLI proxy does with every client).
#include "connection/connection.h"
#include "proxiedrecord.h"
#include "wireframe.h"

#include <QTest>

#include <memory>

using namespace wsi;

namespace {

using Facing = ConnectionLeg::Facing;

const EventStore &legEvents(const Connection &connection, Facing facing)
{
    return connection.leg(facing)->events;
}

// One 64 KiB message each way through the proxy, recorded as the proxy records it: the client's frame on the
// client leg, the same frame on the server leg, the echo on the server leg, then on the client leg.
void relayEcho(Connection &connection, qint64 timeUs, const QByteArray &payload)
{
    ProxiedTransport *legs = connection.proxied();
    const QByteArray masked = wireFrame(0x81, payload, 0x11223344u);
    const QByteArray echo = wireFrame(0x81, payload);
    legs->recordLeg(Facing::Client, Direction::Incoming, timeUs, masked);
    legs->recordLeg(Facing::Server, Direction::Outgoing, timeUs + 1, masked);
    legs->recordLeg(Facing::Server, Direction::Incoming, timeUs + 2, echo);
    legs->recordLeg(Facing::Client, Direction::Outgoing, timeUs + 3, echo);
}

// The first Message row of a leg, from the front (the handshake rows come before it).
qsizetype firstMessageRow(const EventStore &events)
{
    for (qsizetype row = 0; row < events.size(); ++row) {
        if (events.at(row).type == EventType::Message)
            return row;
    }
    return -1;
}

} // namespace

class TestProxyLegRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothLegsFollowTheConnectionsRetention()
    {
        const std::unique_ptr<Connection> connection(proxiedRecord("hello", "hello"));
        QCOMPARE(legEvents(*connection, Facing::Client).retention(), EventStore::Retention::KeepAll);
        QCOMPARE(legEvents(*connection, Facing::Server).retention(), EventStore::Retention::KeepAll);
        connection->setEventRetention(EventStore::Retention::Streaming);
        QCOMPARE(legEvents(*connection, Facing::Client).retention(), EventStore::Retention::Streaming);
        QCOMPARE(legEvents(*connection, Facing::Server).retention(), EventStore::Retention::Streaming);
    }

    void releasedRowsOfBothLegsGoWhileTheHandshakeStays()
    {
        const std::unique_ptr<Connection> connection(proxiedRecord("hello", "hello"));
        connection->setEventRetention(EventStore::Retention::Streaming);
        const EventStore &client = legEvents(*connection, Facing::Client);
        const EventStore &server = legEvents(*connection, Facing::Server);
        const qsizetype clientFirst = firstMessageRow(client);
        const qsizetype serverFirst = firstMessageRow(server);
        QVERIFY(clientFirst > 0);
        QVERIFY(serverFirst > 0);
        QCOMPARE(client.payload(clientFirst), QByteArrayView("hello"));

        // 64 echoes of 64 KiB: 8 MiB of payloads per leg, each row read (released) as soon as it is recorded.
        const QByteArray payload(64 * 1024, 'x');
        for (int i = 0; i < 64; ++i) {
            relayEcho(*connection, 10000 + i * 10, payload);
            connection->releaseEvents(server.size());
            connection->releaseClientLegEvents(client.size());
        }

        QVERIFY(!client.isHeld(clientFirst));
        QVERIFY(!server.isHeld(serverFirst));
        QCOMPARE(client.at(0).type, EventType::HandshakeRequest);
        QCOMPARE(server.at(0).type, EventType::HandshakeRequest);
        // Only what was not released yet when the last compaction ran stays: far below the 8 MiB recorded.
        QVERIFY2(client.payloadBytesStored() < 2 * 1024 * 1024, QByteArray::number(client.payloadBytesStored()));
        QVERIFY2(server.payloadBytesStored() < 2 * 1024 * 1024, QByteArray::number(server.payloadBytesStored()));
        // The newest message is still read back whole.
        QCOMPARE(client.payload(client.size() - 1), QByteArrayView(payload));
    }

    void releasingTheClientLegLeavesTheServerLegAlone()
    {
        const std::unique_ptr<Connection> connection(proxiedRecord("hello", "hello"));
        connection->setEventRetention(EventStore::Retention::Streaming);
        const EventStore &server = legEvents(*connection, Facing::Server);
        const qsizetype serverFirst = firstMessageRow(server);
        const QByteArray payload(64 * 1024, 'y');
        for (int i = 0; i < 64; ++i) {
            relayEcho(*connection, 10000 + i * 10, payload);
            connection->releaseClientLegEvents(legEvents(*connection, Facing::Client).size());
        }
        // Not read on this leg: every row is still there.
        QVERIFY(server.isHeld(serverFirst));
        QCOMPARE(server.payload(serverFirst), QByteArrayView("hello"));
        QVERIFY(server.payloadBytesStored() >= 64 * 64 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestProxyLegRetention)
#include "tst_proxylegretention.moc"
