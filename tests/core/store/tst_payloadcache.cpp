// PayloadCache and PayloadArena: payloads over the app's memory budget go to the spill file and come back
// byte-exact; the budget holds across stores; a store's spilled bytes are given back when it goes.
#include "patternedbytes.h"
#include "store/bulkmemorypool.h"
#include "store/eventstore.h"
#include "store/payloadarena.h"
#include "store/payloadcache.h"
#include "store/spillwriter.h"

#include <QTest>

#include <memory>

using namespace wsi;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;

} // namespace

class tst_PayloadCache : public QObject
{
    Q_OBJECT

private:
    PayloadCache &cache() { return PayloadCache::instance(); }

    // Appends messages of `size` bytes until `total` bytes are stored; returns what was stored.
    static QList<QByteArray> fill(EventStore &store, qint64 total, qsizetype size, int seed)
    {
        QList<QByteArray> payloads;
        EventRecord r;
        r.type = EventType::Info; // not a Message: no echo sharing, every payload is its own bytes
        for (qint64 stored = 0; stored < total; stored += size) {
            payloads << patternedBytes(seed + int(payloads.size()), size);
            store.append(r, payloads.last());
        }
        return payloads;
    }

private Q_SLOTS:
    void init() { cache().setBudget(4 * kMiB); }
    void cleanupTestCase() { cache().setBudget(PayloadCache::kDefaultBudget); }

    void overTheBudgetChunksAreSpilledAndReadBackExact()
    {
        EventStore store;
        const qint64 evictionsBefore = cache().evictions();
        const QList<QByteArray> payloads = fill(store, 40 * kMiB, 1000, 1);
        QVERIFY(cache().residentBytes() > cache().budget()); // eviction waits for the event loop
        QCoreApplication::processEvents();
        QVERIFY2(cache().residentBytes() <= cache().budget(), qPrintable(QString::number(cache().residentBytes())));
        QVERIFY(cache().evictions() > evictionsBefore);
        QVERIFY(store.payloadBytesStored() >= 40 * kMiB);
        QVERIFY2(store.memoryUsed() < 20 * kMiB, qPrintable(QString::number(store.memoryUsed())));
        QVERIFY(cache().errorString().isEmpty());

        // The spill writer's thread writes the evicted chunks and frees them: none is left held once it is done.
        QVERIFY(SpillWriter::ofPayloadCache());
        SpillWriter::ofPayloadCache()->waitUntilIdle();
        QCOMPARE(SpillWriter::ofPayloadCache()->heldBytes(), qint64(0));
        // Every payload, the oldest first (evicted long ago), reads back as it was stored.
        const qint64 readsBefore = cache().readBacks();
        for (int i = 0; i < payloads.size(); i += 97)
            QCOMPARE(store.payloadCopy(i), payloads.at(i));
        QCOMPARE(store.payloadCopy(0), payloads.first());
        QVERIFY(cache().readBacks() > readsBefore);
        // Reading back brings chunks in; the budget holds again at the next turn of the event loop.
        QCoreApplication::processEvents();
        QVERIFY(cache().residentBytes() <= cache().budget());
    }

    void twoViewsStayValidUntilTheEventLoopRuns()
    {
        EventStore a;
        EventStore b;
        const QList<QByteArray> pa = fill(a, 20 * kMiB, 4000, 2);
        const QList<QByteArray> pb = fill(b, 20 * kMiB, 4000, 3);
        QCoreApplication::processEvents(); // both mostly spilled now
        // Reading b's oldest payload back must not free a's oldest while its view is held.
        const QByteArrayView first = a.payload(0);
        const QByteArrayView second = b.payload(0);
        QCOMPARE(first, QByteArrayView(pa.first()));
        QCOMPARE(second, QByteArrayView(pb.first()));
    }

    void theBudgetHoldsAcrossStoresAndLargePayloads()
    {
        std::vector<std::unique_ptr<EventStore>> stores;
        QList<QList<QByteArray>> kept;
        for (int s = 0; s < 4; ++s) {
            stores.push_back(std::make_unique<EventStore>());
            kept << fill(*stores.back(), 6 * kMiB, s == 3 ? qsizetype(PayloadArena::kLargePayload + 1) : 3000, 10 + s);
            QCoreApplication::processEvents();
            QVERIFY(cache().residentBytes() <= cache().budget());
        }
        for (int s = 0; s < 4; ++s) {
            QCOMPARE(stores[size_t(s)]->payloadCopy(0), kept[s].first());
            QCOMPARE(stores[size_t(s)]->payloadCopy(kept[s].size() - 1), kept[s].last());
        }
    }

    void aStoreGivesItsSpilledBytesBack()
    {
        const qint64 before = cache().spilledBytes();
        {
            EventStore store;
            fill(store, 30 * kMiB, 2000, 4);
            QCoreApplication::processEvents();
            QVERIFY(cache().spilledBytes() >= before + 20 * kMiB);
        }
        QCOMPARE(cache().spilledBytes(), before);
    }

    void aLargerBudgetKeepsEverythingInMemory()
    {
        cache().setBudget(256 * kMiB);
        EventStore store;
        const qint64 evictionsBefore = cache().evictions();
        fill(store, 20 * kMiB, 1000, 5);
        QCoreApplication::processEvents();
        QCOMPARE(cache().evictions(), evictionsBefore);
        QVERIFY(store.memoryUsed() >= 20 * kMiB);
    }

    // Chunks and record blocks being filled cannot be evicted, but they are RAM: the full ones make room for them, and
    // a store that goes takes its share of them along.
    void chunksBeingFilledCountAgainstTheBudget()
    {
        // Four 8 MiB chunks being filled, and room for some full ones within the eviction target (the budget less the
        // disk's and the pool's reserves: 80 - 20 - 10 = 50 MiB).
        cache().setBudget(80 * kMiB);
        const qint64 fillingBefore = cache().fillingBytes();
        {
            std::vector<std::unique_ptr<EventStore>> stores;
            for (int s = 0; s < 4; ++s) {
                stores.push_back(std::make_unique<EventStore>());
                // 12 MiB each: its 8 MiB chunk being filled, and full ones before it.
                fill(*stores.back(), 12 * kMiB, 2000, 20 + s);
            }
            QVERIFY2(cache().fillingBytes() >= fillingBefore + 4 * 4 * kMiB,
                qPrintable(QString::number(cache().fillingBytes())));
            QCoreApplication::processEvents();
            QVERIFY2(cache().residentBytes() + cache().fillingBytes() <= cache().evictionTarget(),
                qPrintable(QStringLiteral("%1 + %2").arg(cache().residentBytes()).arg(cache().fillingBytes())));
            QVERIFY(cache().residentBytes() > 0); // what is left of the budget still keeps recent chunks
        }
        QCOMPARE(cache().fillingBytes(), fillingBefore);
    }

    // A hundred connections recorded at once each fill a payload chunk and a record block: together they share half of
    // the eviction target (each keeps at least its smallest chunk and block), where they used to grow to 8 and 10 MiB
    // each, some 1.8 GB that no budget saw evicted.
    void manyConnectionsShareTheRoomForWhatIsBeingFilled()
    {
        cache().setBudget(64 * kMiB); // an eviction target of 40 MiB: 20 MiB for what is being filled
        const qint64 fillingBefore = cache().fillingBytes();
        constexpr int kStores = 100;
        constexpr qint64 kLeastEach = PayloadArena::kMinSharedChunk + 2048 * qint64(sizeof(EventRecord));
        std::vector<std::unique_ptr<EventStore>> stores;
        QList<QList<QByteArray>> kept;
        for (int s = 0; s < kStores; ++s)
            stores.push_back(std::make_unique<EventStore>());
        for (int round = 0; round < 2; ++round) {
            for (int s = 0; s < kStores; ++s)
                kept << fill(*stores[size_t(s)], 512 << 10, 100, 1000 + round * kStores + s);
            cache().trim();
            const qint64 filling = cache().fillingBytes() - fillingBefore;
            QVERIFY2(
                filling <= cache().evictionTarget() / 2 + kStores * kLeastEach, qPrintable(QString::number(filling)));
            QVERIFY2(cache().residentBytes() + cache().fillingBytes() <= cache().evictionTarget(),
                qPrintable(QStringLiteral("%1 + %2").arg(cache().residentBytes()).arg(cache().fillingBytes())));
        }
        // Records and payloads in blocks of every size read back as stored, spilled or not.
        for (int i = 0; i < kept.size(); i += 37) {
            EventStore &store = *stores[size_t(i % kStores)];
            const qsizetype first = (i / kStores) * kept[i].size();
            for (const qsizetype row : { first, first + kept[i].size() / 2, first + kept[i].size() - 1 })
                QCOMPARE(store.payloadCopy(row), kept[i][row - first]);
        }
        stores.clear();
        QCOMPARE(cache().fillingBytes(), fillingBefore);
    }

    // The budget is all the recording's memory: what the spill writer still holds and the pool's recycled blocks have
    // reserves in it, so that chunks in RAM are evicted earlier instead of the three adding up past it (the test
    // server's echo held 291-306 MiB with a 256 MiB budget). Appends on this thread are a producer that does not hold
    // back for the DiskBacklog: the writer's backlog may grow to the hard mark for them (tst_diskbacklog), no further.
    void theBudgetReservesRoomForTheDiskAndThePool()
    {
        cache().setBudget(256 * kMiB);
        QCOMPARE(cache().diskReserve(), 64 * kMiB);
        QCOMPARE(cache().poolReserve(), 20 * kMiB);
        QCOMPARE(cache().evictionTarget(), 172 * kMiB);
        QCOMPARE(qint64(BulkMemoryPool::instance().capacity()), 20 * kMiB);
        // A small budget gives each a share of it, never the whole.
        cache().setBudget(64 * kMiB);
        QCOMPARE(cache().diskReserve(), 16 * kMiB);
        QCOMPARE(cache().poolReserve(), 8 * kMiB);
        QCOMPARE(cache().evictionTarget(), 40 * kMiB);
        QCOMPARE(qint64(BulkMemoryPool::instance().capacity()), 8 * kMiB);

        // A flood of 4 stores: after each turn, everything together stays within the budget.
        std::vector<std::unique_ptr<EventStore>> stores;
        QList<QList<QByteArray>> kept;
        for (int s = 0; s < 4; ++s)
            stores.push_back(std::make_unique<EventStore>());
        for (int round = 0; round < 6; ++round) {
            for (int s = 0; s < 4; ++s)
                kept << fill(*stores[size_t(s)], 12 * kMiB, 60000, 40 + round * 4 + s);
            cache().trim();
            const qint64 held = SpillWriter::ofPayloadCache() ? SpillWriter::ofPayloadCache()->heldBytes() : 0;
            const qint64 pooled = qint64(BulkMemoryPool::instance().pooledBytes());
            QVERIFY2(cache().residentBytes() + cache().fillingBytes() <= cache().evictionTarget(),
                qPrintable(QStringLiteral("%1 + %2").arg(cache().residentBytes()).arg(cache().fillingBytes())));
            QVERIFY2(held <= cache().diskHardMark(), qPrintable(QString::number(held)));
            QVERIFY2(pooled <= cache().poolReserve(), qPrintable(QString::number(pooled)));
            QVERIFY(cache().residentBytes() + cache().fillingBytes() + held + pooled
                <= cache().budget() + cache().diskHardMark() - cache().diskReserve());
        }
        QVERIFY(cache().evictions() > 0);
        // Evicted early is still kept: the first and last payloads of every round read back as stored.
        for (int i = 0; i < kept.size(); ++i) {
            EventStore &store = *stores[size_t(i % 4)];
            const qsizetype first = (i / 4) * kept[i].size();
            QCOMPARE(store.payloadCopy(first), kept[i].first());
            QCOMPARE(store.payloadCopy(first + kept[i].size() - 1), kept[i].last());
        }
        cache().setBudget(PayloadCache::kDefaultBudget);
        QCOMPARE(qint64(BulkMemoryPool::instance().capacity()), 20 * kMiB);
    }
};

QTEST_GUILESS_MAIN(tst_PayloadCache)
#include "tst_payloadcache.moc"
