#include "store/bulkmemory.h"
#include "store/bulkmemorypool.h"

#include <QFile>
#include <QTest>

#include <cstdint>
#include <cstring>

using namespace wsi;

namespace {

// The VmFlags line of the mapping in /proc/self/smaps that contains address ("" when none does).
QByteArray vmFlagsOf(const void *address)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    const auto target = reinterpret_cast<quintptr>(address);
    bool inside = false;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        if (dash > 0 && space > dash && !line.left(space).endsWith(':')) {
            // a mapping's header: "start-end perms offset dev inode path"
            bool okStart = false;
            bool okEnd = false;
            const quintptr start = line.left(dash).toULongLong(&okStart, 16);
            const quintptr end = line.mid(dash + 1, space - dash - 1).toULongLong(&okEnd, 16);
            inside = okStart && okEnd && target >= start && target < end;
        } else if (inside && line.startsWith("VmFlags:")) {
            return line.mid(8).trimmed();
        }
    }
    return {};
}

bool hasFlag(const QByteArray &flags, const char *flag)
{
    return flags.split(' ').contains(QByteArray(flag));
}

} // namespace

class tst_BulkMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void smallBlocksAreOrdinaryMemory()
    {
        BulkMemory small(4096);
        QVERIFY(small.data() != nullptr);
        QCOMPARE(small.size(), std::size_t(4096));
        QVERIFY(!small.isMapped());
        std::memset(small.data(), 0x5A, small.size());
        QCOMPARE(quint8(small.data()[4095]), quint8(0x5A));
    }

    // A big block is its own 2 MiB-aligned mapping, rounded to whole 2 MiB, and not advised for huge pages:
    // an advised range waits for memory compaction on its first touch, which made recording 7x slower here.
    void largeBlocksAreAlignedMappingsWithoutHugePageAdvice()
    {
        const std::size_t asked = 5 * BulkMemory::kHugePageSize + 123;
        BulkMemory large(asked);
        QVERIFY(large.isMapped());
        QCOMPARE(large.size(), 6 * BulkMemory::kHugePageSize);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(large.data()) % BulkMemory::kHugePageSize, std::uintptr_t(0));
        // Every byte is usable.
        std::memset(large.data(), 0xA5, large.size());
        QCOMPARE(quint8(large.data()[0]), quint8(0xA5));
        QCOMPARE(quint8(large.data()[large.size() - 1]), quint8(0xA5));
        // MADV_HUGEPAGE would show as "hg" in the mapping's flags.
        const QByteArray flags = vmFlagsOf(large.data());
        QVERIFY2(!flags.isEmpty(), "the block's mapping is not in /proc/self/smaps");
        QVERIFY2(!hasFlag(flags, "hg"), flags.constData());
        QCOMPARE(vmFlagsOf(large.data() + large.size() - 1), flags);
    }

    void movingHandsOverTheBlock()
    {
        BulkMemory a(3 * BulkMemory::kHugePageSize);
        char *data = a.data();
        data[10] = 'x';
        BulkMemory b(std::move(a));
        QCOMPARE(static_cast<const void *>(b.data()), static_cast<const void *>(data));
        QCOMPARE(b.data()[10], 'x');
        QVERIFY(a.data() == nullptr); // NOLINT(bugprone-use-after-move): moved-from is empty by contract
        QCOMPARE(a.size(), std::size_t(0));
        BulkMemory c(16);
        c = std::move(b);
        QCOMPARE(static_cast<const void *>(c.data()), static_cast<const void *>(data));
        QVERIFY(c.isMapped());
        QVERIFY(!b.isMapped());
    }

    // Freeing hands the block to the pool (its pages stay, for the next block); clearing the pool unmaps all of it.
    void freeingPoolsTheBlockAndClearingUnmapsIt()
    {
        BulkMemoryPool::instance().clear();
        const char *where = nullptr;
        {
            BulkMemory large(2 * BulkMemory::kHugePageSize);
            std::memset(large.data(), 1, large.size());
            where = large.data();
            QVERIFY(!vmFlagsOf(where).isEmpty());
        }
        QCOMPARE(BulkMemoryPool::instance().pooledBytes(), 2 * BulkMemory::kHugePageSize);
        QVERIFY(!vmFlagsOf(where).isEmpty());
        BulkMemoryPool::instance().clear();
        QVERIFY(vmFlagsOf(where).isEmpty());
        QVERIFY(vmFlagsOf(where + 2 * BulkMemory::kHugePageSize - 1).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_BulkMemory)
#include "tst_bulkmemory.moc"
