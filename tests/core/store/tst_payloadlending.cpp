// PayloadArena::lend: another thread (the journal's writer) reads a chunk's bytes without a copy. A lent chunk is
// neither evicted nor reused while an owner is out (the cache evicts other chunks meanwhile), its bytes outlive the
// arena, and a chunk being filled keeps filling while lent.
#include "store/payloadarena.h"
#include "store/payloadcache.h"

#include <QTest>

#include <vector>

using namespace wsi;

namespace {

constexpr qsizetype kMiB = 1024 * 1024;
constexpr qsizetype kPayload = 64 * 1024;

QByteArray payloadOf(int i, qsizetype size = kPayload)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype j = 0; j < size; ++j)
        bytes[j] = char('a' + (i + j) % 26);
    return bytes;
}

PayloadCache &cache()
{
    return PayloadCache::instance();
}

// Lets the cache trim (it does so from the event loop).
void letTheCacheTrim()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

} // namespace

class tst_PayloadLending : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { cache().setBudget(8 * kMiB); }
    void cleanupTestCase() { cache().setBudget(PayloadCache::kDefaultBudget); }

    void aLentChunkStaysInMemoryWhileTheCacheEvictsOthers()
    {
        PayloadArena arena;
        std::vector<quint64> offsets;
        offsets.push_back(arena.append(payloadOf(0)));
        std::shared_ptr<const void> owner = arena.lend(offsets.front());
        QVERIFY(owner);
        const char *lentBytes = arena.view(offsets.front(), kPayload).data();
        // Four times the budget: the first chunk is the oldest, the first the cache would evict.
        for (int i = 1; i < int(32 * kMiB / kPayload); ++i)
            offsets.push_back(arena.append(payloadOf(i)));
        letTheCacheTrim();
        QVERIFY2(arena.bytesSpilled() > 16 * kMiB, qPrintable(QString::number(arena.bytesSpilled())));
        QVERIFY(arena.prefetch(offsets.front())); // in memory: nothing to read back
        QCOMPARE(QByteArrayView(lentBytes, kPayload), QByteArrayView(payloadOf(0)));
        QCOMPARE(arena.view(offsets.front(), kPayload).data(), lentBytes);

        owner.reset();
        for (int i = 0; i < int(8 * kMiB / kPayload); ++i) // newer chunks, so that the cache must go back to it
            offsets.push_back(arena.append(payloadOf(1000 + i)));
        letTheCacheTrim();
        QVERIFY(!arena.prefetch(offsets.front())); // given back, then evicted: now read from the spill file
        QTRY_VERIFY(arena.prefetch(offsets.front()));
        for (size_t i = 0; i < offsets.size(); i += 37) {
            const int n = i < 512 ? int(i) : 1000 + int(i) - 512;
            QCOMPARE(arena.view(offsets[i], kPayload), QByteArrayView(payloadOf(n)));
        }
    }

    void lentBytesOutliveTheArenaAndAreNotReused()
    {
        auto arena = std::make_unique<PayloadArena>();
        std::vector<quint64> offsets;
        for (int i = 0; i < 200; ++i) // chunks of their own (kLargePayload) and filled ones
            offsets.push_back(arena->append(payloadOf(i, i % 50 == 0 ? 300 * 1024 : kPayload)));
        std::vector<std::shared_ptr<const void>> owners;
        std::vector<const char *> lent;
        for (size_t i = 0; i < offsets.size(); i += 10) {
            owners.push_back(arena->lend(offsets[i]));
            QVERIFY(owners.back());
            lent.push_back(arena->view(offsets[i], 16).data());
        }
        arena.reset();
        // A new arena takes memory freed meanwhile (the pool recycles blocks): none of the lent chunks'.
        PayloadArena next;
        for (int i = 0; i < 200; ++i)
            next.append(QByteArray(kPayload, 'z'));
        for (size_t k = 0; k < lent.size(); ++k) {
            const int i = int(k * 10);
            const qsizetype size = i % 50 == 0 ? 300 * 1024 : kPayload;
            QCOMPARE(QByteArrayView(lent[k], size), QByteArrayView(payloadOf(i, size)));
        }
    }

    void aChunkBeingFilledKeepsFillingWhileLent()
    {
        PayloadArena arena;
        const quint64 first = arena.append(payloadOf(1, 100));
        const std::shared_ptr<const void> owner = arena.lend(first);
        QVERIFY(owner);
        const quint64 second = arena.append(payloadOf(2, 200));
        QCOMPARE(second >> 32, first >> 32); // the same chunk
        QCOMPARE(arena.view(first, 100), QByteArrayView(payloadOf(1, 100)));
        QCOMPARE(arena.view(second, 200), QByteArrayView(payloadOf(2, 200)));
        QCOMPARE(arena.lend(second), owner); // one owner per chunk
    }

    void nothingIsLentFromAnEmptyOrUnknownOffset()
    {
        PayloadArena arena;
        QVERIFY(!arena.lend(quint64(5) << 32));
    }
};

QTEST_GUILESS_MAIN(tst_PayloadLending)
#include "tst_payloadlending.moc"
