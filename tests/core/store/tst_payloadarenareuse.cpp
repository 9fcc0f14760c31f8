// PayloadArena::reuseMemoryOf: a streaming store's fresh arena takes the memory of the arena retired before it
// (already faulted in) instead of new pages, keeps every payload byte-exact, and leaves the app's cache and the
// retired arena owning nothing.
#include "store/eventstore.h"
#include "store/payloadarena.h"
#include "store/payloadcache.h"

#include <QSet>
#include <QTest>

using namespace wsi;

namespace {

QByteArray payloadOf(int i, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype j = 0; j < size; ++j)
        bytes[j] = char('a' + (i + j) % 26);
    return bytes;
}

EventRecord message(qint64 t, qsizetype size)
{
    EventRecord r;
    r.type = EventType::Message;
    r.dir = t % 2 ? Direction::Incoming : Direction::Outgoing;
    r.timeUs = t;
    r.value = quint64(size);
    r.flags = FlagText;
    r.sub = 1;
    return r;
}

} // namespace

class tst_PayloadArenaReuse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFreshArenaWritesIntoTheRetiredArenasChunks()
    {
        PayloadCache &cache = PayloadCache::instance();
        const qint64 residentBefore = cache.residentBytes();
        auto retired = std::make_unique<PayloadArena>();
        QSet<const char *> retiredChunks;
        for (int i = 0; i < 40; ++i) {
            const qsizetype size = i % 2 ? 65535 : 300 * 1024; // small chunks and chunks of their own
            const quint64 offset = retired->append(payloadOf(i, size));
            retiredChunks.insert(retired->view(offset, size).data() - (offset & 0xFFFFFFFFu));
        }
        QVERIFY(cache.residentBytes() > residentBefore); // its full chunks are listed

        PayloadArena fresh;
        fresh.reuseMemoryOf(*retired);
        QVERIFY(fresh.bytesSpare() > 0);
        QVERIFY(fresh.bytesSpare() <= PayloadArena::kMaxSpareBytes);
        QCOMPARE(fresh.bytesReserved(), fresh.bytesSpare());
        QCOMPARE(retired->bytesReserved(), qsizetype(0));
        QCOMPARE(cache.residentBytes(), residentBefore); // nothing of the retired arena is listed any more

        QList<quint64> offsets;
        int reused = 0;
        for (int i = 0; i < 40; ++i) {
            const qsizetype size = i % 2 ? 65535 : 300 * 1024;
            offsets << fresh.append(payloadOf(1000 + i, size));
            const QByteArrayView view = fresh.view(offsets.last(), size);
            if (retiredChunks.contains(view.data() - (offsets.last() & 0xFFFFFFFFu)))
                ++reused;
        }
        // (The retired arena still exists: had it kept its memory, no fresh chunk could be at those addresses.)
        QVERIFY2(reused >= 30, qPrintable(QString::number(reused)));
        retired.reset(); // frees nothing that the fresh arena uses
        for (int i = 0; i < 40; ++i) {
            const qsizetype size = i % 2 ? 65535 : 300 * 1024;
            QCOMPARE(fresh.view(offsets[i], size).toByteArray(), payloadOf(1000 + i, size));
        }
    }

    void aStreamingFloodReadsBackByteExactThroughManyCompactions()
    {
        // 64 KiB messages released as they are read, as the CLI proxy's printer does: a compaction about every
        // megabyte, each fresh arena on its predecessor's memory.
        EventStore store;
        store.setRetention(EventStore::Retention::Streaming);
        constexpr int kMessages = 2000;
        for (int i = 0; i < kMessages; ++i) {
            const QByteArray payload = payloadOf(i, 65535);
            const qsizetype row = store.append(message(i, payload.size()), payload);
            QCOMPARE(store.payload(row).toByteArray(), payload);
            if (i > 0) // the row before is still held until its reader moves on
                QCOMPARE(store.payload(row - 1).toByteArray(), payloadOf(i - 1, 65535));
            store.release(row);
        }
        // 131 MB went through; the store holds a few megabytes, spare memory included.
        QVERIFY2(store.memoryUsed() < 24 * 1024 * 1024, qPrintable(QString::number(store.memoryUsed())));
        QVERIFY2(store.payloadBytesStored() < 4 * 1024 * 1024, qPrintable(QString::number(store.payloadBytesStored())));
    }
};

QTEST_GUILESS_MAIN(tst_PayloadArenaReuse)
#include "tst_payloadarenareuse.moc"
