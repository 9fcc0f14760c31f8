// DiskBacklog: a spill writer that holds more than the mark puts the producers behind, its catching up (to half the
// mark) wakes them on their own thread, a failed or stopped writer never leaves them behind; and the PayloadCache's
// GUI thread waits for the disk only past its hard mark, not at the reserve.
#include "patternedbytes.h"
#include "store/diskbacklog.h"
#include "store/eventstore.h"
#include "store/payloadcache.h"
#include "store/spillwriter.h"

#include <QTemporaryFile>
#include <QTest>
#include <QThread>

#include <cstring>

#include <fcntl.h>
#include <unistd.h>

using namespace wsi;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;

// Queues a chunk and hands its memory over, as PayloadCache::spill() and a chunk's owner do.
void spill(SpillWriter &writer, qint64 offset, qint64 size, int seed)
{
    const QByteArray bytes = patternedBytes(seed, size);
    SpillWriter::Bytes held { BulkMemory(size_t(size)), {} };
    std::memcpy(held.memory.data(), bytes.constData(), size_t(size));
    writer.write(offset, size, held.data());
    writer.adopt(offset, std::move(held));
}

// Counts caughtUp() as a producer does: on its own thread (this one), so the emission from the writer's is queued.
struct Producer : QObject
{
    Producer()
    {
        connect(&DiskBacklog::instance(), &DiskBacklog::caughtUp, this, [this] { onCaughtUp(); });
    }
    void onCaughtUp()
    {
        ++wakes;
        wokenOnItsThread = wokenOnItsThread && QThread::currentThread() == thread();
        behindWhenWoken = DiskBacklog::instance().isBehind();
    }
    int wakes = 0;
    bool wokenOnItsThread = true;
    bool behindWhenWoken = false;
};

} // namespace

class tst_DiskBacklog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        DiskBacklog::instance().giveUp();
        PayloadCache::instance().setBudget(PayloadCache::kDefaultBudget);
    }

    void behindAboveTheMarkCaughtUpAtHalfOfIt()
    {
        DiskBacklog &backlog = DiskBacklog::instance();
        backlog.setMark(8 * kMiB);
        const quint64 spells = backlog.spells();
        QVERIFY(!backlog.noteHeld(8 * kMiB));
        QVERIFY(!backlog.isBehind());
        QVERIFY(!backlog.noteHeld(8 * kMiB + 1));
        QVERIFY(backlog.isBehind());
        QVERIFY(!backlog.noteHeld(9 * kMiB)); // still behind: no second spell
        QVERIFY(!backlog.noteHeld(4 * kMiB + 1)); // between the marks: still behind, nothing to announce
        QVERIFY(backlog.isBehind());
        QVERIFY(backlog.noteHeld(4 * kMiB)); // caught up: the caller announces it
        QVERIFY(!backlog.isBehind());
        QVERIFY(!backlog.noteHeld(2 * kMiB)); // no second announcement
        QVERIFY(!backlog.noteHeld(6 * kMiB)); // rising between the marks does not put it behind
        QVERIFY(!backlog.isBehind());
        QCOMPARE(backlog.spells(), spells + 1);
    }

    // A writer that is held back (a disk behind: paused here) puts the producers behind once it holds more than the
    // mark; when it writes again they are woken on their own thread, with the flag already down.
    void aWriterBehindHoldsProducersBackAndWakesThemOnceCaughtUp()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        DiskBacklog &backlog = DiskBacklog::instance();
        const qint64 chunk = kMiB;
        backlog.setMark(4 * chunk);
        Producer producer;
        SpillWriter writer(file.handle(), &backlog);
        writer.pause();
        for (int i = 0; i < 4; ++i)
            spill(writer, i * chunk, chunk, i);
        QVERIFY(!backlog.isBehind()); // at the mark, not above it
        spill(writer, 4 * chunk, chunk, 4);
        QVERIFY(backlog.isBehind());
        QTest::qWait(50);
        QCOMPARE(producer.wakes, 0);
        writer.resume();
        QTRY_COMPARE(producer.wakes, 1);
        QVERIFY(producer.wokenOnItsThread);
        QVERIFY(!producer.behindWhenWoken);
        QVERIFY(!backlog.isBehind());
        writer.waitUntilIdle();
        QCOMPARE(writer.heldBytes(), qint64(0));
        QCoreApplication::processEvents();
        QCOMPARE(producer.wakes, 1); // one spell, one wake
    }

    // The failed write's bytes stay held for good: the producers must not wait for them.
    void aFailedWriteNeverLeavesProducersBehind()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const int readOnly = ::open(QFile::encodeName(file.fileName()).constData(), O_RDONLY);
        QVERIFY(readOnly >= 0);
        DiskBacklog &backlog = DiskBacklog::instance();
        backlog.setMark(kMiB);
        Producer producer;
        {
            SpillWriter writer(readOnly, &backlog);
            writer.pause();
            spill(writer, 0, 2 * kMiB, 1);
            QVERIFY(backlog.isBehind());
            writer.resume();
            writer.waitUntilIdle();
            QVERIFY(writer.failed());
            QCOMPARE(writer.heldBytes(), 2 * kMiB);
            QVERIFY(!backlog.isBehind());
            QTRY_COMPARE(producer.wakes, 1);
        }
        ::close(readOnly);
    }

    // What is queued when the writer goes is dropped: nobody may stay behind for it.
    void aStoppedWriterNeverLeavesProducersBehind()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        DiskBacklog &backlog = DiskBacklog::instance();
        backlog.setMark(kMiB);
        Producer producer;
        {
            SpillWriter writer(file.handle(), &backlog);
            writer.pause();
            spill(writer, 0, 2 * kMiB, 2);
            QVERIFY(backlog.isBehind());
        }
        QVERIFY(!backlog.isBehind());
        QTRY_COMPARE(producer.wakes, 1);
    }

    // A new budget moves the mark: a writer that holds little enough for it says so at once, without a write.
    void aLargerBudgetEndsASpellAtOnce()
    {
        PayloadCache &cache = PayloadCache::instance();
        cache.setBudget(4 * kMiB);
        EventStore store;
        EventRecord r;
        r.type = EventType::Info;
        for (int i = 0; i < 8 * 1024; ++i)
            store.append(r, patternedBytes(i, 1000));
        cache.trim(); // makes the cache's writer
        SpillWriter *writer = SpillWriter::ofPayloadCache();
        QVERIFY(writer);
        writer->waitUntilIdle();
        writer->pause();
        for (int i = 0; i < 8 * 1024; ++i)
            store.append(r, patternedBytes(i, 1000));
        cache.trim();
        QVERIFY2(writer->heldBytes() > cache.diskReserve(), qPrintable(QString::number(writer->heldBytes())));
        QVERIFY(DiskBacklog::instance().isBehind());
        Producer producer;
        cache.setBudget(PayloadCache::kDefaultBudget); // a 64 MiB reserve: far more than is held
        QVERIFY(!DiskBacklog::instance().isBehind());
        QTRY_COMPARE(producer.wakes, 1);
        writer->resume();
        writer->waitUntilIdle();
    }

    // The GUI thread's wait is the last resort: below the hard mark trim() returns with the writer's backlog as it is
    // (the producers hold back instead); past it, it waits until the writer holds no more than the hard mark.
    void theCacheWaitsForTheDiskOnlyPastItsHardMark()
    {
        PayloadCache &cache = PayloadCache::instance();
        cache.setBudget(8 * kMiB); // a 2 MiB reserve, an 8 MiB hard mark
        QCOMPARE(cache.diskHardMark(), 4 * cache.diskReserve());
        EventStore store;
        EventRecord r;
        r.type = EventType::Info;
        auto append = [&](qint64 bytes) {
            for (qint64 done = 0; done < bytes; done += 1000)
                store.append(r, patternedBytes(int(done), 1000));
        };
        append(12 * kMiB);
        cache.trim(); // makes the cache's writer
        SpillWriter *writer = SpillWriter::ofPayloadCache();
        QVERIFY(writer);
        writer->waitUntilIdle();
        const qint64 waits = cache.diskWaits();

        writer->pause(); // the disk stalls
        append(cache.diskReserve() + 2 * kMiB);
        cache.trim();
        const qint64 held = writer->heldBytes();
        QVERIFY2(held > cache.diskReserve() && held <= cache.diskHardMark(), qPrintable(QString::number(held)));
        QCOMPARE(cache.diskWaits(), waits); // over the reserve, under the hard mark: no wait
        QVERIFY(DiskBacklog::instance().isBehind());

        append(cache.diskHardMark());
        cache.trim(); // paused: the wait returns at once, but it was entered
        QVERIFY2(writer->heldBytes() > cache.diskHardMark(), qPrintable(QString::number(writer->heldBytes())));
        QCOMPARE(cache.diskWaits(), waits + 1);
        writer->resume();
        append(kMiB);
        cache.trim(); // waits for the disk now, down to the hard mark
        QVERIFY2(writer->heldBytes() <= cache.diskHardMark(), qPrintable(QString::number(writer->heldBytes())));
        writer->waitUntilIdle();
        QVERIFY(!DiskBacklog::instance().isBehind());
        QCOMPARE(store.payloadCopy(0), patternedBytes(0, 1000));
    }
};

QTEST_GUILESS_MAIN(tst_DiskBacklog)
#include "tst_diskbacklog.moc"
