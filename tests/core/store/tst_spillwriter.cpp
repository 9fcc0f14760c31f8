// SpillWriter: chunks handed over are written to the spill file on the writer's thread; until then they are read
// from its queue; a write that fails keeps its bytes readable and says why.
#include "patternedbytes.h"
#include "store/spillwriter.h"

#include <QTemporaryFile>
#include <QTest>

#include <cstring>

#include <fcntl.h>
#include <unistd.h>

using namespace wsi;

namespace {

SpillWriter::Bytes inBulkMemory(const QByteArray &bytes)
{
    SpillWriter::Bytes held { BulkMemory(size_t(bytes.size())), {} };
    std::memcpy(held.memory.data(), bytes.constData(), size_t(bytes.size()));
    return held;
}

// Queues the bytes and hands their memory over, as PayloadCache::spill() and a chunk's owner do.
void spill(SpillWriter &writer, qint64 offset, SpillWriter::Bytes bytes, qint64 size)
{
    writer.write(offset, size, bytes.data());
    writer.adopt(offset, std::move(bytes));
}

QByteArray readBack(const SpillWriter &writer, qint64 offset, qint64 size)
{
    QByteArray into(size, '\0');
    if (!writer.read(offset, into.data(), size))
        return {};
    return into;
}

// Whether the file system under `path` takes O_DIRECT at all (tmpfs before Linux 6.6 does not): asked of the
// system, not of the code under test.
bool fileSystemTakesDirectWrites(const QString &path)
{
#if defined(Q_OS_LINUX) && defined(O_DIRECT)
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_DIRECT);
    if (fd < 0)
        return false;
    ::close(fd);
    return true;
#else
    Q_UNUSED(path);
    return false;
#endif
}

} // namespace

class tst_SpillWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A flood recorded faster than the disk writes waits for the disk: the wait returns once no more than the
    // bound is held, and never blocks on a paused writer (nothing would ever drain).
    void waitingForTheDiskReturnsOnceTheBacklogIsWithinTheBound()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        SpillWriter writer(file.handle());
        writer.pause();
        const qint64 chunk = qint64(4) << 20;
        for (int i = 0; i < 6; ++i)
            spill(writer, i * chunk, inBulkMemory(patternedBytes(i, chunk)), chunk);
        QCOMPARE(writer.heldBytes(), 6 * chunk);
        writer.waitUntilHeldAtMost(chunk); // paused: returns at once
        QCOMPARE(writer.heldBytes(), 6 * chunk);
        writer.resume();
        writer.waitUntilHeldAtMost(2 * chunk);
        QVERIFY2(writer.heldBytes() <= 2 * chunk, qPrintable(QString::number(writer.heldBytes())));
        writer.waitUntilHeldAtMost(0);
        QCOMPARE(writer.heldBytes(), qint64(0));
        QCOMPARE(readBack(writer, 5 * chunk, chunk), patternedBytes(5, chunk));
    }

    void queuedChunksReadBackBeforeAndAfterTheyAreWritten()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        // A mapped block (the size of a record block) and an adopted buffer (a large reassembled message).
        const QByteArray first = patternedBytes(1, qsizetype(10) << 20);
        const QByteArray second = patternedBytes(2, 300000);
        {
            SpillWriter writer(file.handle());
            writer.pause(); // nothing is written yet: reads must come from the queue
            spill(writer, 0, inBulkMemory(first), first.size());
            spill(writer, first.size(), SpillWriter::Bytes { {}, second }, second.size());
            QCOMPARE(writer.heldBytes(), first.size() + second.size());
            QCOMPARE(file.size(), qint64(0));
            QCOMPARE(readBack(writer, 0, first.size()), first);
            QCOMPARE(readBack(writer, first.size() + 1000, 5000), second.mid(1000, 5000));

            writer.resume();
            writer.waitUntilIdle();
            QCOMPARE(writer.heldBytes(), qint64(0));
            QVERIFY(!writer.failed());
            QCOMPARE(readBack(writer, 0, first.size()), first); // now from the file
            QCOMPARE(readBack(writer, first.size(), second.size()), second);
        }
        QCOMPARE(file.size(), first.size() + second.size());
        QVERIFY(file.seek(0));
        QCOMPARE(file.read(first.size()), first);
        QCOMPARE(file.readAll(), second);
    }

    // Mapped chunks are page-aligned and go to the disk with O_DIRECT, padded to the next page; heap buffers (an
    // adopted message, a small block) go through the page cache. Every byte reads back exactly, from the writer and
    // from the file.
    void alignedChunksGoToTheDiskDirectlyAndEveryByteReadsBack()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray mapped = patternedBytes(7, (qsizetype(3) << 20) + 123);
        const QByteArray adopted = patternedBytes(8, 5000);
        const QByteArray small = patternedBytes(9, 100);
        const qint64 adoptedAt = SpillWriter::placeFor(mapped.size());
        const qint64 smallAt = adoptedAt + SpillWriter::placeFor(adopted.size());
        QCOMPARE(adoptedAt % SpillWriter::kAlignment, qint64(0));
        QVERIFY(adoptedAt >= mapped.size() && adoptedAt < mapped.size() + SpillWriter::kAlignment);
        // Only page-aligned memory goes direct: a mapping always is; a heap buffer nearly never, but it may be.
        SpillWriter::Bytes mappedBytes = inBulkMemory(mapped);
        SpillWriter::Bytes smallBytes = inBulkMemory(small); // too small for a mapping: heap memory
        auto directFor = [](const char *data, qint64 size) {
            // Whole pages: the last part of a page goes through the page cache.
            return quintptr(data) % SpillWriter::kAlignment == 0
                ? size / SpillWriter::kAlignment * SpillWriter::kAlignment
                : qint64(0);
        };
        QCOMPARE(directFor(mappedBytes.data(), mapped.size()), qint64(3) << 20);
        const qint64 expectedDirect = directFor(mappedBytes.data(), mapped.size())
            + directFor(adopted.constData(), adopted.size()) + directFor(smallBytes.data(), small.size());
        qint64 direct = -1;
        {
            SpillWriter writer(file.handle());
            spill(writer, 0, std::move(mappedBytes), mapped.size());
            spill(writer, adoptedAt, SpillWriter::Bytes { {}, adopted }, adopted.size());
            spill(writer, smallAt, std::move(smallBytes), small.size());
            writer.waitUntilIdle();
            QVERIFY(!writer.failed());
            QCOMPARE(writer.heldBytes(), qint64(0));
            QCOMPARE(readBack(writer, 0, mapped.size()), mapped);
            QCOMPARE(readBack(writer, adoptedAt, adopted.size()), adopted);
            QCOMPARE(readBack(writer, smallAt, small.size()), small);
            direct = writer.directBytes();
        }
        if (fileSystemTakesDirectWrites(file.fileName()))
            QCOMPARE(direct, expectedDirect);
        else
            QCOMPARE(direct, qint64(0));
        QVERIFY(file.seek(0));
        QCOMPARE(file.read(mapped.size()), mapped);
        QVERIFY(file.seek(adoptedAt));
        QCOMPARE(file.read(adopted.size()), adopted);
        QVERIFY(file.seek(smallAt));
        QCOMPARE(file.read(small.size()), small);
    }

    // A direct write's padding ends at the next page, where the cache puts the next write: a later short write
    // never overwrites what was written after it.
    void aDirectWritesPaddingNeverReachesTheNextPlace()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray first = patternedBytes(10, 100);
        const QByteArray second = patternedBytes(11, 70000);
        const qint64 secondAt = SpillWriter::placeFor(first.size());
        QCOMPARE(secondAt, SpillWriter::kAlignment);
        // A chunk with room left, as an arena's last one: 100 bytes used in a 2 MiB mapping, the rest not ours.
        SpillWriter::Bytes firstBytes { BulkMemory(size_t(2) << 20), {} };
        std::memset(firstBytes.memory.data(), 0xEE, firstBytes.memory.size());
        std::memcpy(firstBytes.memory.data(), first.constData(), size_t(first.size()));
        SpillWriter writer(file.handle());
        spill(writer, secondAt, inBulkMemory(second), second.size());
        writer.waitUntilIdle();
        spill(writer, 0, std::move(firstBytes), first.size());
        writer.waitUntilIdle();
        QVERIFY(!writer.failed());
        QCOMPARE(readBack(writer, 0, first.size()), first);
        QCOMPARE(readBack(writer, secondAt, second.size()), second);
    }

    // A direct write reads nothing past the chunk's bytes: a small chunk is malloc's, and the rest of its last page is
    // other objects' memory (ThreadSanitizer saw it read after another thread freed it). Here the bytes after the
    // chunk are marked, and none of them may reach the file.
    void aDirectWriteReadsNothingPastTheChunk()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray chunk = patternedBytes(12, 3 * SpillWriter::kAlignment + 100);
        // Page-aligned memory with room after the chunk, as malloc may give: the room is someone else's.
        SpillWriter::Bytes memory { BulkMemory(size_t(2) << 20), {} };
        std::memset(memory.memory.data(), 0x5A, memory.memory.size());
        std::memcpy(memory.memory.data(), chunk.constData(), size_t(chunk.size()));
        SpillWriter writer(file.handle());
        spill(writer, 0, std::move(memory), chunk.size());
        writer.waitUntilIdle();
        QVERIFY(!writer.failed());
        // The whole pages went directly (where the file system takes it), the last part through the page cache.
        QCOMPARE(writer.directBytes(), fileSystemTakesDirectWrites(file.fileName()) ? 3 * SpillWriter::kAlignment : 0);
        QCOMPARE(readBack(writer, 0, chunk.size()), chunk);
        QFile written(file.fileName());
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray onDisk = written.readAll();
        QVERIFY2(!onDisk.mid(chunk.size()).contains(char(0x5A)), qPrintable(QString::number(onDisk.size())));
    }

    // Also: a read-only descriptor is not reopened for direct writes (through /proc that would be allowed), so the
    // write fails as the caller's descriptor says it must.
    void aFailedWriteKeepsItsBytesReadableAndSaysWhy()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const int readOnly = ::open(QFile::encodeName(file.fileName()).constData(), O_RDONLY);
        QVERIFY(readOnly >= 0);
        const QByteArray bytes = patternedBytes(3, 1 << 20);
        {
            SpillWriter writer(readOnly);
            spill(writer, 4096, inBulkMemory(bytes), bytes.size());
            writer.waitUntilIdle();
            QVERIFY(writer.failed());
            QVERIFY(!writer.errorString().isEmpty());
            QCOMPARE(writer.heldBytes(), bytes.size()); // still in RAM: nothing was lost
            QCOMPARE(readBack(writer, 4096, bytes.size()), bytes);
            // Its owner going away lets them go.
            writer.release(4096, bytes.size());
            writer.waitUntilIdle();
            QCOMPARE(writer.heldBytes(), qint64(0));
        }
        ::close(readOnly);
    }

    void aReleasedRangeIsGivenBackAfterItsWrite()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray kept = patternedBytes(4, 1 << 20);
        const QByteArray released = patternedBytes(5, 1 << 20);
        SpillWriter writer(file.handle());
        writer.pause();
        spill(writer, 0, inBulkMemory(kept), kept.size());
        spill(writer, kept.size(), inBulkMemory(released), released.size());
        writer.release(kept.size(), released.size()); // queued behind its own write
        writer.resume();
        writer.waitUntilIdle();
        QCOMPARE(writer.heldBytes(), qint64(0));
        QCOMPARE(readBack(writer, 0, kept.size()), kept);
        QCOMPARE(file.size(), kept.size() + released.size()); // offsets stay valid: the file keeps its size
    }

    void memoryHandedOverAfterItsWriteIsFreedToo()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray bytes = patternedBytes(6, 1 << 20);
        SpillWriter writer(file.handle());
        SpillWriter::Bytes held = inBulkMemory(bytes);
        writer.write(0, bytes.size(), held.data());
        writer.waitUntilIdle(); // written from where it is, before its memory was handed over
        QCOMPARE(writer.heldBytes(), qint64(0));
        writer.adopt(0, std::move(held));
        writer.waitUntilIdle();
        QCOMPARE(writer.heldBytes(), qint64(0));
        QCOMPARE(readBack(writer, 0, bytes.size()), bytes);
    }
};

QTEST_GUILESS_MAIN(tst_SpillWriter)
#include "tst_spillwriter.moc"
