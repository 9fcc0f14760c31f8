// BulkMemoryPool: a freed mapped block is what the next block of about its size gets (its pages already faulted
// in), the pool never holds more than its capacity nor hands a large block to a small request, malloc'ed blocks
// stay out of it, and blocks freed on another thread (the spill writer's) come back too.
#include "store/bulkmemory.h"
#include "store/bulkmemorypool.h"
#include "store/payloadarena.h"

#include <QTest>

#include <cstring>
#include <thread>

using namespace wsi;

namespace {
constexpr std::size_t kMiB = std::size_t(1) << 20;
}

class tst_BulkMemoryPool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { BulkMemoryPool::instance().clear(); }
    void cleanup() { BulkMemoryPool::instance().clear(); }

    void aFreedBlockIsTheNextBlockOfItsSize()
    {
        const char *first = nullptr;
        {
            BulkMemory block(8 * kMiB);
            QVERIFY(block.isMapped());
            std::memset(block.data(), 0x5A, block.size());
            first = block.data();
        }
        QCOMPARE(BulkMemoryPool::instance().pooledBlocks(), std::size_t(1));
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), 8 * kMiB);
        BulkMemory again(8 * kMiB);
        QCOMPARE(static_cast<const void *>(again.data()), static_cast<const void *>(first));
        QCOMPARE(again.size(), 8 * kMiB);
        QVERIFY(again.isMapped());
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), std::size_t(0));
        // A smaller request within half of it takes it too, whole: callers may use all of size().
        again = BulkMemory();
        BulkMemory smaller(5 * kMiB);
        QCOMPARE(static_cast<const void *>(smaller.data()), static_cast<const void *>(first));
        QCOMPARE(smaller.size(), 8 * kMiB);
    }

    void aSmallRequestDoesNotPinALargeBlock()
    {
        const char *large = nullptr;
        {
            BulkMemory block(10 * kMiB);
            large = block.data();
        }
        BulkMemory small(2 * kMiB); // 10 MiB is more than twice 2 MiB: a fresh mapping
        QVERIFY(small.data() != large);
        QCOMPARE(small.size(), 2 * kMiB);
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), 10 * kMiB);
        BulkMemory tooLarge(12 * kMiB); // larger than any pooled block
        QVERIFY(tooLarge.data() != large);
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), 10 * kMiB);
    }

    void thePoolKeepsNoMoreThanItsCapacity()
    {
        {
            std::vector<BulkMemory> blocks;
            for (int i = 0; i < 5; ++i)
                blocks.emplace_back(8 * kMiB);
        }
        const std::size_t pooled = BulkMemoryPool::instance().pooledBytes();
        QVERIFY(pooled <= BulkMemoryPool::kCapacity);
        QCOMPARE(pooled, (BulkMemoryPool::kCapacity / (8 * kMiB)) * 8 * kMiB);
        QVERIFY(pooled > 0);
    }

    // A small budget lowers the pool's capacity (PayloadCache::poolReserve): what is over it goes at once, the newest
    // blocks stay, and a later block is kept only within the lower capacity.
    void aLowerCapacityUnmapsTheOldestAtOnce()
    {
        {
            std::vector<BulkMemory> blocks;
            for (int i = 0; i < 2; ++i)
                blocks.emplace_back(8 * kMiB);
        }
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), 16 * kMiB);
        BulkMemoryPool::instance().setCapacity(10 * kMiB);
        QCOMPARE(BulkMemoryPool::instance().capacity(), 10 * kMiB);
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), 8 * kMiB);
        {
            BulkMemory small(2 * kMiB);
        } // within the lower capacity: kept
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), 10 * kMiB);
        BulkMemoryPool::instance().setCapacity(4 * kMiB); // the 8 MiB block was pooled first: it goes
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), 2 * kMiB);
        QCOMPARE(BulkMemoryPool::instance().pooledBlocks(), std::size_t(1));
        BulkMemoryPool::instance().setCapacity(1000 * kMiB); // never above kCapacity
        QCOMPARE(BulkMemoryPool::instance().capacity(), BulkMemoryPool::kCapacity);
        {
            BulkMemory large(8 * kMiB);
        }
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), 10 * kMiB);
    }

    void aFloodsLargerBlocksPushItsFirstSmallOnesOut()
    {
        // A flood's chunks double from 2 MiB to 8 MiB, and its first evicted chunks are the small ones: a pool
        // that kept them would turn every 8 MiB chunk away.
        {
            std::vector<BulkMemory> small;
            for (int i = 0; i < 10; ++i)
                small.emplace_back(2 * kMiB);
        }
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), BulkMemoryPool::kCapacity);
        const char *large = nullptr;
        {
            BulkMemory block(8 * kMiB);
            large = block.data();
        }
        QVERIFY(BulkMemoryPool::instance().pooledBytes() <= BulkMemoryPool::kCapacity);
        BulkMemory again(8 * kMiB);
        QCOMPARE(static_cast<const void *>(again.data()), static_cast<const void *>(large));
    }

    void mallocedBlocksStayOutOfThePool()
    {
        {
            BulkMemory small(64 * 1024);
            QVERIFY(!small.isMapped());
        }
        QCOMPARE(BulkMemoryPool::instance().pooledBlocks(), std::size_t(0));
    }

    void aBlockFreedOnAnotherThreadComesBack()
    {
        BulkMemory block(8 * kMiB);
        const char *data = block.data();
        std::thread freer([moved = std::move(block)]() mutable { moved = BulkMemory(); });
        freer.join();
        BulkMemory again(8 * kMiB);
        QCOMPARE(static_cast<const void *>(again.data()), static_cast<const void *>(data));
    }

    void anArenasNewChunkTakesAFreedChunksPages()
    {
        // One arena fills an 8 MiB chunk and goes; the next arena's first large chunk is that memory, and its
        // payloads read back exactly.
        QByteArray payload(300 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(i * 7);
        const char *freed = nullptr;
        {
            PayloadArena arena;
            const quint64 offset = arena.append(QByteArray(3 * kMiB, 'a'));
            freed = arena.view(offset, 1).data();
        }
        PayloadArena next;
        const quint64 offset = next.append(QByteArray(3 * kMiB, 'b'));
        QCOMPARE(static_cast<const void *>(next.view(offset, 1).data()), static_cast<const void *>(freed));
        const quint64 second = next.append(payload);
        QCOMPARE(next.view(offset, 3 * kMiB), QByteArrayView(QByteArray(3 * kMiB, 'b')));
        QCOMPARE(next.view(second, payload.size()), QByteArrayView(payload));
    }
};

QTEST_GUILESS_MAIN(tst_BulkMemoryPool)
#include "tst_bulkmemorypool.moc"
