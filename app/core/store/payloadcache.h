// PayloadCache: the app-wide budget for recorded bytes held in RAM (payloads and event records); what is over it
// waits in a spill file.
#pragma once

#include "store/spillreader.h"

#include <QByteArrayView>
#include <QFile>
#include <QString>
#include <QtGlobal>

#include <list>
#include <memory>

namespace wsi {

class CacheClient;

// Wireshark's recipe for recording for hours: thin records in RAM, payload bytes on disk. Every arena's full
// payload chunks, and every store's full record blocks (RecordBlocks: 40 bytes per message, which alone was
// 400 MB after a 10 M message flood), are listed here, least recently used first; when the resident bytes exceed the
// budget, the oldest chunks are written to one spill file (an unlinked file in the cache folder: nothing is left behind
// after a crash) and their memory is freed. A view of an evicted chunk reads it back.
//
// Eviction runs when control returns to the event loop (or at trim()), never inside a call: a payload view
// stays valid until then, so code may hold two views to compare them. One thread (the capture's).
class PayloadCache
{
public:
    // The budget bounds all the memory the recording holds (issue 12: the test server's echo held 291-306 MiB for
    // ten minutes with a 256 MiB budget that counted only the chunks and blocks in RAM):
    // - chunks and blocks in RAM, full (evicted when over) or being filled (never evicted, but counted), held to
    //   evictionTarget();
    // - evicted bytes the spill writer still holds, up to diskReserve(): beyond it the recorded connections stop
    //   reading until the writer has caught up (DiskBacklog), and the GUI thread waits for the disk in trim() only
    //   past diskHardMark(), the last resort for producers that do not hold back yet;
    // - the BulkMemoryPool's recycled blocks, up to poolReserve() (its capacity).
    // The last two are reserved, not counted as they come and go: counting what waits for the disk would evict
    // nothing useful (an evicted chunk stays RAM until written) and made the server wait for the disk instead.
    static constexpr qint64 kDefaultBudget = qint64(256) << 20;
    static constexpr qint64 kMaxBytesWaitingForDisk = qint64(64) << 20;
    qint64 diskReserve() const { return qMin(kMaxBytesWaitingForDisk, m_budget / 4); }
    // The producers that hold back stop within a read or two past the reserve; only those that read on the GUI thread
    // and do not know the DiskBacklog (the local server's clients, the proxies) carry the writer's backlog this far. It
    // is high so that a disk that stalls for a moment (the journal sharing it: 845 ms once) does not stall the window
    // too; what it costs is memory, 3 reserves over the budget at worst (192 MiB with the default budget).
    static constexpr int kHardMarkReserves = 4;
    qint64 diskHardMark() const { return kHardMarkReserves * diskReserve(); }
    qint64 poolReserve() const;
    qint64 evictionTarget() const { return m_budget - diskReserve() - poolReserve(); }

    struct Entry
    {
        CacheClient *owner;
        quint32 chunk;
        qint64 bytes;
    };
    using Handle = std::list<Entry>::iterator;

    static PayloadCache &instance();

    void setBudget(qint64 bytes); // at least 1 MiB; sets the pool's capacity
    // Payload bytes one connection's store keeps in full (RAM and spill file together); 0: no limit.
    // Beyond it a message keeps its first EventStore::kKeptBytes (the disk budget per session).
    static constexpr qint64 kDefaultSessionBudget = qint64(4) << 30;
    void setSessionBudget(qint64 bytes) { m_sessionBudget = qMax<qint64>(0, bytes); }
    qint64 sessionBudget() const { return m_sessionBudget; }
    qint64 budget() const { return m_budget; }
    qint64 residentBytes() const { return m_resident; } // full chunks and blocks in RAM (those being filled aside)
    qint64 fillingBytes() const { return m_filling; } // chunks and blocks being filled: never evicted, but counted
    qint64 spilledBytes() const { return m_spilledLive; } // in the spill file for stores that still exist
    qint64 evictions() const { return m_evictions; }
    // Chunks and blocks read back from the spill file on the cache's own thread (a view asked for them), and those
    // read back on the spill reader's thread instead (fetchLater()).
    qint64 readBacks() const { return m_readBacks; }
    qint64 fetches() const { return m_fetches; }
    // How many times trim() waited for the disk (the writer held more than diskHardMark()).
    qint64 diskWaits() const { return m_diskWaits; }
    // Why chunks stay in RAM beyond the budget (the spill file could not be made or written), or empty.
    QString errorString() const { return m_error; }

    // Evicts least recently used chunks until the resident bytes and those being filled are within evictionTarget(),
    // then waits while the spill writer holds more than diskHardMark().
    void trim();

    // The memory of a chunk or block being filled (it joins with add() once full): it cannot be evicted, but it is
    // RAM all the same. Ten connections of the test server each filling an 8 MiB payload chunk and a 10 MiB record
    // block hold 180 MiB that the budget did not see (the 10 x 64 KiB echo held 375 MB with a 256 MiB budget), so
    // full chunks make room for it.
    void addFilling(qint64 delta);
    // How large a new chunk or block to be filled may be: `wanted`, but no more than half of what is left of half the
    // eviction target, and never less than `floor` (nor more than `wanted`). Every connection fills a payload chunk and
    // a record block of its own, so with N connections being recorded each settles near target / 2 / (2N + 2): one
    // connection still gets 8 MiB chunks, a hundred streaming 64 KiB get some 400 KiB each instead of 1.8 GB in all.
    // From 2 MiB up, a whole number of 2 MiB (a mapped block is rounded up to that: see BulkMemory).
    qint64 fillingSize(qint64 wanted, qint64 floor) const;

    // For arenas and record blocks: a full chunk joins (most recently used), is used again, leaves (evicted, or
    // its owner is going).
    Handle add(CacheClient *owner, quint32 chunk, qint64 bytes);
    void touch(Handle handle);
    void resize(Handle handle, qint64 bytes);
    void remove(Handle handle);
    Handle none() { return m_lru.end(); }

    // The spill file: where bytes went (offset), reading them back, and giving the space back.
    bool spill(QByteArrayView bytes, qint64 *offset);
    bool readBack(qint64 offset, char *into, qint64 size);
    // The same on the spill reader's thread, for a reader that can come back later (SpillReader): the owner takes the
    // fetch's memory in once it is finished, instead of reading in place.
    std::shared_ptr<SpillReader::Fetch> fetchLater(qint64 offset, qint64 size);
    void release(qint64 offset, qint64 size);

private:
    PayloadCache() = default;
    void scheduleTrim();
    bool openSpillFile();

    std::list<Entry> m_lru; // least recently used first
    qint64 m_budget = kDefaultBudget;
    qint64 m_sessionBudget = kDefaultSessionBudget;
    qint64 m_resident = 0;
    qint64 m_filling = 0;
    qint64 m_spillEnd = 0;
    qint64 m_spilledLive = 0;
    qint64 m_evictions = 0;
    qint64 m_readBacks = 0;
    qint64 m_fetches = 0;
    qint64 m_diskWaits = 0;
    bool m_trimPosted = false;
    bool m_spillFailed = false;
    QFile m_spill;
    QString m_error;
};

} // namespace wsi
