// ConnectionStats: RTT samples from pongs and per-second message counts, read incrementally from an
// EventStore, trimmed to the history window.
#include "store/connectionstats.h"
#include "store/eventstore.h"

#include <QTest>

using namespace wsi;

class TestConnectionStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyStoreHasNoData();
    void pongsBecomeRttSamples();
    void messagesAreCountedPerSecondAndDirection();
    void updateReadsOnlyNewRows();
    void oldDataLeavesTheWindow();
    void aSmallerStoreStartsOver();
    void deflateParametersAndCompressionRatioPerDirection();
    void noDeflateWithoutAnAcceptingResponse();

private:
    static void add(EventStore *store, EventType type, Direction dir, qint64 timeUs, quint64 value = 0);
};

static constexpr qint64 kT0 = 1'700'000'000'000'000; // us since the epoch

void TestConnectionStats::add(EventStore *store, EventType type, Direction dir, qint64 timeUs, quint64 value)
{
    EventRecord r;
    r.type = type;
    r.dir = dir;
    r.timeUs = timeUs;
    r.value = value;
    store->append(r, {});
}

void TestConnectionStats::emptyStoreHasNoData()
{
    EventStore store;
    add(&store, EventType::Open, Direction::None, kT0);
    ConnectionStats stats;
    stats.update(store);
    QVERIFY(stats.isEmpty());
    QCOMPARE(stats.processedRows(), 1);
}

void TestConnectionStats::pongsBecomeRttSamples()
{
    EventStore store;
    add(&store, EventType::Ping, Direction::Outgoing, kT0);
    add(&store, EventType::Pong, Direction::Incoming, kT0 + 1500, 1500);
    add(&store, EventType::Pong, Direction::Incoming, kT0 + 2000, 0); // unsolicited: no round trip
    add(&store, EventType::Pong, Direction::Outgoing, kT0 + 3000, 0); // our answer to the server's ping
    add(&store, EventType::Pong, Direction::Incoming, kT0 + 1'000'000, 820);
    ConnectionStats stats;
    stats.update(store);
    QCOMPARE(stats.pongCount(), 2u);
    QCOMPARE(int(stats.rttSamples().size()), 2);
    QCOMPARE(stats.rttSamples().at(0).rttUs, 1500);
    QCOMPARE(stats.rttSamples().at(0).timeUs, kT0 + 1500);
    QCOMPARE(stats.rttSamples().at(1).rttUs, 820);
}

void TestConnectionStats::messagesAreCountedPerSecondAndDirection()
{
    EventStore store;
    add(&store, EventType::Message, Direction::Outgoing, kT0 + 10);
    add(&store, EventType::Message, Direction::Incoming, kT0 + 20);
    add(&store, EventType::Message, Direction::Incoming, kT0 + 999'999);
    add(&store, EventType::Frame, Direction::Incoming, kT0 + 999'999); // frames are not messages
    add(&store, EventType::Message, Direction::Incoming, kT0 + 3'000'000);
    ConnectionStats stats;
    stats.update(store);
    const auto &buckets = stats.rateBuckets();
    QCOMPARE(int(buckets.size()), 2); // the quiet seconds in between have no bucket
    QCOMPARE(buckets.at(0).second, kT0 / 1'000'000);
    QCOMPARE(buckets.at(0).in, 2u);
    QCOMPARE(buckets.at(0).out, 1u);
    QCOMPARE(buckets.at(1).second, kT0 / 1'000'000 + 3);
    QCOMPARE(buckets.at(1).in, 1u);
    QCOMPARE(stats.messagesIn(), 3u);
    QCOMPARE(stats.messagesOut(), 1u);
    QCOMPARE(stats.latestTimeUs(), kT0 + 3'000'000);
}

void TestConnectionStats::updateReadsOnlyNewRows()
{
    EventStore store;
    ConnectionStats stats;
    add(&store, EventType::Message, Direction::Incoming, kT0);
    stats.update(store);
    stats.update(store); // nothing new: nothing counted twice
    QCOMPARE(stats.messagesIn(), 1u);
    add(&store, EventType::Message, Direction::Incoming, kT0 + 5);
    add(&store, EventType::Pong, Direction::Incoming, kT0 + 6, 77);
    stats.update(store);
    QCOMPARE(stats.processedRows(), 3);
    QCOMPARE(stats.messagesIn(), 2u);
    QCOMPARE(stats.rateBuckets().front().in, 2u);
    QCOMPARE(int(stats.rttSamples().size()), 1);
}

void TestConnectionStats::oldDataLeavesTheWindow()
{
    EventStore store;
    add(&store, EventType::Message, Direction::Incoming, kT0);
    add(&store, EventType::Pong, Direction::Incoming, kT0, 100);
    ConnectionStats stats;
    stats.update(store);
    add(&store, EventType::Message, Direction::Outgoing,
        kT0 + qint64(ConnectionStats::kHistorySeconds + 5) * 1'000'000);
    stats.update(store);
    QCOMPARE(int(stats.rateBuckets().size()), 1);
    QCOMPARE(stats.rateBuckets().front().out, 1u);
    QVERIFY(stats.rttSamples().empty());
    QCOMPARE(stats.messagesIn(), 1u); // totals keep counting what left the window
}

void TestConnectionStats::aSmallerStoreStartsOver()
{
    EventStore big;
    add(&big, EventType::Message, Direction::Incoming, kT0);
    add(&big, EventType::Message, Direction::Incoming, kT0);
    ConnectionStats stats;
    stats.update(big);
    EventStore small;
    add(&small, EventType::Message, Direction::Outgoing, kT0);
    stats.update(small);
    QCOMPARE(stats.messagesIn(), 0u);
    QCOMPARE(stats.messagesOut(), 1u);
}

namespace {

void addHead(EventStore *store, EventType type, Direction dir, const QByteArray &head)
{
    EventRecord r;
    r.type = type;
    r.dir = dir;
    r.timeUs = kT0;
    r.value = quint64(head.size());
    store->append(r, head);
}

void addCompressed(EventStore *store, Direction dir, quint64 inflated, quint32 wire)
{
    EventRecord r;
    r.type = EventType::Message;
    r.dir = dir;
    r.timeUs = kT0 + 10;
    r.value = inflated;
    r.flags = FlagText | FlagRsv1;
    r.maskKey = wire;
    store->append(r, QByteArray(qsizetype(inflated), 'a'));
}

const QByteArray kRequest = "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";

} // namespace

void TestConnectionStats::deflateParametersAndCompressionRatioPerDirection()
{
    EventStore store;
    addHead(&store, EventType::HandshakeRequest, Direction::Outgoing, kRequest);
    addHead(&store, EventType::HandshakeResponse, Direction::Incoming,
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
        "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_max_window_bits=10\r\n\r\n");
    ConnectionStats stats;
    stats.update(store);
    QVERIFY(stats.deflateNegotiated());
    QVERIFY(stats.deflateParams().serverNoContextTakeover);
    QVERIFY(!stats.deflateParams().clientNoContextTakeover);
    QCOMPARE(stats.deflateParams().clientMaxWindowBits, 10);
    QCOMPARE(stats.deflateParams().serverMaxWindowBits, 15);
    QCOMPARE(stats.compression(true).ratio(), 0.0);

    addCompressed(&store, Direction::Incoming, 100, 25);
    addCompressed(&store, Direction::Incoming, 300, 75);
    addCompressed(&store, Direction::Outgoing, 200, 100);
    add(&store, EventType::Message, Direction::Outgoing, kT0 + 20, 50); // sent uncompressed: not counted
    stats.update(store);
    QCOMPARE(stats.compression(true).messages, 2u);
    QCOMPARE(stats.compression(true).wireBytes, 100u);
    QCOMPARE(stats.compression(true).inflatedBytes, 400u);
    QCOMPARE(stats.compression(true).ratio(), 0.25);
    QCOMPARE(stats.compression(false).messages, 1u);
    QCOMPARE(stats.compression(false).ratio(), 0.5);
    QCOMPARE(stats.messagesOut(), 2u);
}

void TestConnectionStats::noDeflateWithoutAnAcceptingResponse()
{
    EventStore store;
    addHead(&store, EventType::HandshakeRequest, Direction::Outgoing, kRequest);
    addHead(&store, EventType::HandshakeResponse, Direction::Incoming,
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
    ConnectionStats stats;
    stats.update(store);
    QVERIFY(!stats.deflateNegotiated());
}

QTEST_GUILESS_MAIN(TestConnectionStats)
#include "tst_connectionstats.moc"
