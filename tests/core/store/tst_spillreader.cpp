// SpillReader and EventStore::prefetch: a reader that can wait has spilled records and payloads read back on the spill
// reader's thread, never on its own (the cache's read-backs stay where they were), and gets every row byte-exact.
#include "store/eventstore.h"
#include "store/payloadcache.h"
#include "store/spillreader.h"
#include "store/spillwriter.h"

#include <QTest>

#include <memory>
#include <vector>

using namespace wsi;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;

struct Row
{
    EventRecord record;
    QByteArray payload;
};

// A flood of single-frame messages (stored as pairs: a Frame row showing the header bytes, a Message row the
// payload), every seventh message in two frames (a Frame row and a Message row of their own); returns every row as
// the store gave it while all was in RAM.
std::vector<Row> flood(EventStore &store, int messages)
{
    std::vector<Row> rows;
    for (int i = 0; i < messages; ++i) {
        const QByteArray payload = "message " + QByteArray::number(i) + QByteArray(i % 23, char('a' + i % 26));
        const QByteArray header = QByteArray("\x81", 1) + char(payload.size());
        EventRecord frame;
        frame.type = EventType::Frame;
        frame.dir = i % 2 ? Direction::Incoming : Direction::Outgoing;
        frame.timeUs = 1000 + i;
        frame.value = quint64(payload.size());
        frame.sub = 1;
        frame.flags = FlagFin;
        EventRecord message = frame;
        message.type = EventType::Message;
        message.flags = FlagText;
        if (i % 7 == 0) {
            store.append(frame, header);
            store.append(message, payload);
        } else {
            store.appendFrameAndMessage(frame, header, message, payload);
        }
    }
    for (qsizetype row = 0; row < store.size(); ++row)
        rows.push_back(Row { store.at(row), store.payloadCopy(row) });
    return rows;
}

void compareRow(const EventStore &store, qsizetype row, const Row &expected)
{
    const EventRecord r = store.at(row);
    QCOMPARE(r.type, expected.record.type);
    QCOMPARE(r.dir, expected.record.dir);
    QCOMPARE(r.timeUs, expected.record.timeUs);
    QCOMPARE(r.value, expected.record.value);
    QCOMPARE(r.payloadSize, expected.record.payloadSize);
    QCOMPARE(r.sub, expected.record.sub);
    QCOMPARE(r.flags, expected.record.flags);
    QCOMPARE(store.payloadCopy(row), expected.payload);
}

// Evicts what is over the budget and waits until the spill file holds it.
void spill()
{
    PayloadCache::instance().trim();
    if (SpillWriter *writer = SpillWriter::ofPayloadCache())
        writer->waitUntilIdle();
}

} // namespace

class tst_SpillReader : public QObject
{
    Q_OBJECT

private:
    PayloadCache &cache() { return PayloadCache::instance(); }

private Q_SLOTS:
    void init() { cache().setBudget(2 * kMiB); }
    void cleanupTestCase() { cache().setBudget(PayloadCache::kDefaultBudget); }

    // The journal's case (issue 12): rows far behind the flood, their record blocks and payload chunks spilled. A
    // walk that prefetches each row before reading it reads nothing back on this thread, and every row comes back as
    // it was stored (pairs' Frame rows with their header bytes, Message rows with their payload).
    void aWalkThatPrefetchesReadsSpilledRowsBackOffItsThread()
    {
        EventStore store;
        const std::vector<Row> rows = flood(store, 150000);
        spill();
        QVERIFY2(!store.prefetch(0), "the first rows are in the spill file");
        const qint64 readBacks = cache().readBacks();
        const qint64 fetches = cache().fetches();
        qsizetype waits = 0;
        for (qsizetype row = 0; row < store.size(); ++row) {
            while (!store.prefetch(row)) {
                ++waits;
                SpillReader::ofPayloadCache().waitUntilIdle();
            }
            compareRow(store, row, rows[size_t(row)]);
        }
        QCOMPARE(cache().readBacks(), readBacks);
        QVERIFY(waits > 0);
        QVERIFY(cache().fetches() > fetches);
        QVERIFY(SpillReader::ofPayloadCache().readBytes() > 0);
    }

    // A view cannot wait: it reads in place as before, even while a fetch of the same block is on its way, and the
    // fetch's bytes are not needed any more.
    void aViewReadsInPlaceWhileAFetchIsOnItsWay()
    {
        EventStore store;
        const std::vector<Row> rows = flood(store, 100000);
        spill();
        QVERIFY(!store.prefetch(1));
        const qint64 readBacks = cache().readBacks();
        compareRow(store, 1, rows[1]);
        QVERIFY(cache().readBacks() > readBacks);
        SpillReader::ofPayloadCache().waitUntilIdle();
        QVERIFY(store.prefetch(1));
        compareRow(store, 1, rows[1]);
    }

    // A store that goes while its fetches are queued: the reader reads for nobody and frees what it read.
    void aStoreGoneBeforeItsFetchesFinishLeavesNothingBehind()
    {
        auto store = std::make_unique<EventStore>();
        flood(*store, 100000);
        spill();
        QVERIFY(!store->prefetch(0));
        store.reset();
        SpillReader::ofPayloadCache().waitUntilIdle();
        // The reader still serves the next store.
        EventStore next;
        const std::vector<Row> rows = flood(next, 100000);
        spill();
        while (!next.prefetch(0))
            SpillReader::ofPayloadCache().waitUntilIdle();
        compareRow(next, 0, rows[0]);
    }
};

QTEST_GUILESS_MAIN(tst_SpillReader)
#include "tst_spillreader.moc"
