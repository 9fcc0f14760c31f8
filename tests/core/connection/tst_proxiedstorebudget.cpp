// A proxied connection as the window keeps it (every row of both legs, KeepAll) holds its payloads and records in the
// app's memory budget (PayloadCache) like a direct connection: under a flood through the proxy what its two stores
// hold in RAM stays bounded while every message is still kept (the rest in the spill file) and reads back whole.
#include "connection/connection.h"
#include "proxiedrecord.h"
#include "store/payloadcache.h"
#include "wireframe.h"

#include <QCoreApplication>
#include <QTest>

#include <memory>

using namespace wsi;

namespace {

using Facing = ConnectionLeg::Facing;
constexpr qint64 kMiB = 1024 * 1024;

// The i-th 64 KiB message: each one different, so that no store can share one message's bytes with another's
// (an echo of it still shares them, as it does on a direct connection).
QByteArray messageNumber(int i)
{
    return QByteArray::number(i).leftJustified(64 * 1024, 'x');
}

// One echo through the proxy, recorded as the proxy records it: the client's frame on the client leg, the same
// frame on the server leg, the server's echo on the server leg, then on the client leg.
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

// The rows of a leg's Message events in one direction.
QList<qsizetype> messageRows(const EventStore &events, Direction direction)
{
    QList<qsizetype> rows;
    for (qsizetype row = 0; row < events.size(); ++row) {
        const EventRecord r = events.at(row);
        if (r.type == EventType::Message && r.dir == direction)
            rows << row;
    }
    return rows;
}

} // namespace

class tst_ProxiedStoreBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { PayloadCache::instance().setBudget(4 * kMiB); }
    void cleanup() { PayloadCache::instance().setBudget(PayloadCache::kDefaultBudget); }

    void floodOfBothLegsStaysWithinTheBudget()
    {
        const std::unique_ptr<Connection> connection(proxiedRecord("hello", "hello"));
        const EventStore &client = connection->leg(Facing::Client)->events;
        const EventStore &server = connection->leg(Facing::Server)->events;
        QCOMPARE(client.retention(), EventStore::Retention::KeepAll); // what the window keeps
        QCOMPARE(server.retention(), EventStore::Retention::KeepAll);

        // 1,024 echoes of 64 KiB: 64 MiB of payloads per leg, 128 MiB in all. The event loop runs between reads
        // of the sockets, as in the window; that is when the cache evicts.
        constexpr int kEchoes = 1024;
        qint64 mostHeld = 0;
        for (int i = 0; i < kEchoes; ++i) {
            relayEcho(*connection, 10000 + i * 10, messageNumber(i));
            if (i % 8 == 7) {
                QCoreApplication::processEvents();
                mostHeld = qMax(mostHeld, qint64(client.memoryUsed() + server.memoryUsed()));
            }
        }
        QCoreApplication::processEvents();

        // Everything is kept...
        QVERIFY2(client.payloadBytesStored() >= kEchoes * 64 * 1024, QByteArray::number(client.payloadBytesStored()));
        QVERIFY2(server.payloadBytesStored() >= kEchoes * 64 * 1024, QByteArray::number(server.payloadBytesStored()));
        QVERIFY(PayloadCache::instance().spilledBytes() >= 100 * kMiB);
        // ...but what the two stores hold in RAM stays within the budget plus the chunk each arena is filling
        // (at most 8 MiB each) and the row maps: nowhere near the 128 MiB recorded.
        QVERIFY2(mostHeld <= 24 * kMiB, QByteArray::number(mostHeld));
        QVERIFY2(PayloadCache::instance().residentBytes() <= 4 * kMiB,
            QByteArray::number(PayloadCache::instance().residentBytes()));

        // Every message of both legs reads back whole, the first ones from the spill file.
        const qint64 readBacks = PayloadCache::instance().readBacks();
        const QList<qsizetype> sent = messageRows(client, Direction::Incoming);
        const QList<qsizetype> relayed = messageRows(server, Direction::Outgoing);
        const QList<qsizetype> echoed = messageRows(server, Direction::Incoming);
        const QList<qsizetype> delivered = messageRows(client, Direction::Outgoing);
        QCOMPARE(sent.size(), kEchoes + 1); // "hello" first
        QCOMPARE(relayed.size(), kEchoes + 1);
        QCOMPARE(echoed.size(), kEchoes + 1);
        QCOMPARE(delivered.size(), kEchoes + 1);
        for (int i = 0; i < kEchoes; ++i) {
            const QByteArray expected = messageNumber(i);
            QCOMPARE(client.payload(sent.at(i + 1)), QByteArrayView(expected));
            QCOMPARE(server.payload(relayed.at(i + 1)), QByteArrayView(expected));
            QCOMPARE(server.payload(echoed.at(i + 1)), QByteArrayView(expected));
            QCOMPARE(client.payload(delivered.at(i + 1)), QByteArrayView(expected));
            if (i % 64 == 63)
                QCoreApplication::processEvents(); // what was read back may go again
        }
        QVERIFY(PayloadCache::instance().readBacks() > readBacks);
    }
};

QTEST_GUILESS_MAIN(tst_ProxiedStoreBudget)
#include "tst_proxiedstorebudget.moc"
