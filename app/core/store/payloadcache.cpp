// PayloadCache: the app-wide budget for recorded bytes held in RAM (payloads and event records); what is over it
// waits in a spill file.
#include "store/payloadcache.h"

#include "store/bulkmemory.h"
#include "store/bulkmemorypool.h"
#include "store/cacheclient.h"
#include "store/diskbacklog.h"
#include "store/slowturnlog.h"
#include "store/spillwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTimer>

#include <unistd.h>

namespace wsi {

namespace {

// The cache's writer thread: made with the spill file, stopped at exit (before the file closes: it is made after).
std::unique_ptr<SpillWriter> &cacheWriter()
{
    static std::unique_ptr<SpillWriter> writer;
    return writer;
}

// The cache's reader: made on the first fetch, which follows the first spill, so it is destroyed (and its thread
// stopped) before the writer it reads through.
std::unique_ptr<SpillReader> &cacheReader()
{
    static std::unique_ptr<SpillReader> reader;
    return reader;
}

} // namespace

SpillReader &SpillReader::ofPayloadCache()
{
    std::unique_ptr<SpillReader> &reader = cacheReader();
    if (!reader)
        reader = std::make_unique<SpillReader>(*cacheWriter());
    return *reader;
}

SpillWriter *SpillWriter::ofPayloadCache()
{
    return cacheWriter().get();
}

PayloadCache &PayloadCache::instance()
{
    static PayloadCache cache;
    return cache;
}

void PayloadCache::setBudget(qint64 bytes)
{
    m_budget = qMax<qint64>(bytes, qint64(1) << 20);
    BulkMemoryPool::instance().setCapacity(std::size_t(poolReserve()));
    DiskBacklog::instance().setMark(diskReserve());
    if (SpillWriter *writer = cacheWriter().get())
        writer->noteBacklogMarkChanged();
    scheduleTrim();
}

qint64 PayloadCache::poolReserve() const
{
    // An eighth of a small budget: a 16 MiB one cannot give 20 MiB to recycled blocks. The pool keeps whole blocks
    // of 2 MiB or more, so below 16 MiB it keeps none.
    return qMin<qint64>(qint64(BulkMemoryPool::kCapacity), m_budget / 8);
}

PayloadCache::Handle PayloadCache::add(CacheClient *owner, quint32 chunk, qint64 bytes)
{
    m_resident += bytes;
    m_lru.push_back(Entry { owner, chunk, bytes });
    scheduleTrim();
    return std::prev(m_lru.end());
}

void PayloadCache::touch(Handle handle)
{
    m_lru.splice(m_lru.end(), m_lru, handle);
}

void PayloadCache::resize(Handle handle, qint64 bytes)
{
    m_resident += bytes - handle->bytes;
    handle->bytes = bytes;
    scheduleTrim();
}

void PayloadCache::addFilling(qint64 delta)
{
    m_filling += delta;
    if (delta > 0)
        scheduleTrim();
}

qint64 PayloadCache::fillingSize(qint64 wanted, qint64 floor) const
{
    const qint64 room = (evictionTarget() / 2 - m_filling) / 2;
    qint64 size = qMin(wanted, qMax(floor, room));
    const qint64 hugePage = qint64(BulkMemory::kHugePageSize);
    if (size >= hugePage && size < wanted)
        size &= ~(hugePage - 1);
    return size;
}

void PayloadCache::remove(Handle handle)
{
    m_resident -= handle->bytes;
    m_lru.erase(handle);
}

void PayloadCache::scheduleTrim()
{
    if (m_trimPosted || m_resident + m_filling <= evictionTarget() || m_spillFailed)
        return;
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return; // no event loop (a unit test without an application): trim() only when called
    m_trimPosted = true;
    QTimer::singleShot(0, app, [this] {
        m_trimPosted = false;
        trim();
    });
}

void PayloadCache::trim()
{
    const SlowTurnLog::Section section("cache.trim");
    // Chunks on their way to the file (the writer thread's) are not counted: they leave RAM as fast as the disk
    // takes them, and counting them would evict every chunk at once whenever the writer is a block behind. They have
    // their reserve in the budget instead.
    const qint64 target = evictionTarget();
    size_t passedOver = 0;
    const size_t listed = m_lru.size();
    while (m_resident + m_filling > target && !m_lru.empty()) {
        const Entry entry = m_lru.front();
        // The owner writes the chunk out (if it is not in the file already), frees it and calls remove().
        if (!entry.owner->evict(entry.chunk)) {
            // A chunk another thread still reads (PayloadArena::lend) went to the back: the next one, each chunk at
            // most once. One the disk did not take stays in front: the rest would not go either.
            const Entry &front = m_lru.front();
            if ((front.owner == entry.owner && front.chunk == entry.chunk) || ++passedOver >= listed)
                break;
            continue;
        }
        ++m_evictions;
    }
    // What waits for the disk is bounded by its reserve through the producers: a flood recorded faster than the disk
    // writes (the spill file takes some 500 MB/s here, a test server's echo records up to twice that) stops being
    // read past it (DiskBacklog, told by the writer). Past the hard mark only producers that do not hold back (those
    // reading on this thread) can have brought it; this thread waits for the disk then, as it once did at the reserve.
    const qint64 hardMark = diskHardMark();
    if (SpillWriter *writer = SpillWriter::ofPayloadCache(); writer && writer->heldBytes() > hardMark) {
        const SlowTurnLog::Section waiting("cache.waitForDisk");
        ++m_diskWaits;
        writer->waitUntilHeldAtMost(hardMark);
    }
}

bool PayloadCache::openSpillFile()
{
    if (m_spill.isOpen())
        return true;
    if (m_spillFailed)
        return false;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    folder += QStringLiteral("/spill");
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QTemporaryFile file(folder + QStringLiteral("/payloads-XXXXXX"));
    if (!file.open()) {
        m_spillFailed = true;
        m_error = QCoreApplication::translate("PayloadCache",
            "Payloads beyond the memory budget stay in memory: the spill file in %1 could not be created (%2).")
                      .arg(folder, file.errorString());
        return false;
    }
    // Keep the open descriptor and drop the name: the bytes are ours alone and vanish with the process.
    if (!m_spill.open(dup(file.handle()), QIODevice::ReadWrite | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle)) {
        m_spillFailed = true;
        m_error = QCoreApplication::translate("PayloadCache", "The spill file could not be opened: %1")
                      .arg(m_spill.errorString());
        return false;
    }
    file.remove();
    DiskBacklog::instance().setMark(diskReserve());
    cacheWriter() = std::make_unique<SpillWriter>(m_spill.handle(), &DiskBacklog::instance());
    return true;
}

bool PayloadCache::spill(QByteArrayView bytes, qint64 *offset)
{
    // The bytes are queued where they are; the caller hands their memory to the writer (SpillWriter::adopt), whose
    // thread writes and frees it.
    const SlowTurnLog::Section section("cache.spill");
    if (!openSpillFile())
        return false;
    SpillWriter &writer = *cacheWriter();
    if (writer.failed()) {
        m_spillFailed = true;
        m_error = QCoreApplication::translate(
            "PayloadCache", "Payloads beyond the memory budget stay in memory: writing the spill file failed (%1).")
                      .arg(writer.errorString());
        return false;
    }
    *offset = m_spillEnd;
    m_spillEnd += SpillWriter::placeFor(bytes.size()); // each write page-aligned, so it may go to the disk directly
    m_spilledLive += bytes.size();
    writer.write(*offset, bytes.size(), bytes.data());
    return true;
}

bool PayloadCache::readBack(qint64 offset, char *into, qint64 size)
{
    const SlowTurnLog::Section section("cache.readBack");
    ++m_readBacks;
    return cacheWriter() && cacheWriter()->read(offset, into, size);
}

std::shared_ptr<SpillReader::Fetch> PayloadCache::fetchLater(qint64 offset, qint64 size)
{
    if (!cacheWriter())
        return {}; // nothing was spilled: nothing to read
    ++m_fetches;
    return SpillReader::ofPayloadCache().fetch(offset, size);
}

void PayloadCache::release(qint64 offset, qint64 size)
{
    m_spilledLive -= size;
    if (cacheWriter())
        cacheWriter()->release(offset, SpillWriter::placeFor(size)); // with a direct write's padding
}

} // namespace wsi
