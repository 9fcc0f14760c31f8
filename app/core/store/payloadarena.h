// PayloadArena: append-only payload bytes in large chunks, addressed by offset.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include "store/bulkmemory.h"
#include "store/cacheclient.h"
#include "store/payloadcache.h"

#include <memory>
#include <vector>

namespace wsi {

// Append-only byte storage in large chunks: a million small payloads cost one allocation per chunk,
// not one QByteArray each. A full chunk joins the app's PayloadCache, which may write it to the spill file
// and free it when over its budget; view() reads it back. A view stays valid until control returns to the
// event loop (PayloadCache), not for the arena's lifetime.
class PayloadArena : public CacheClient
{
public:
    // Payloads larger than this get a chunk of their own, so that small ones keep packing densely.
    static constexpr qsizetype kLargePayload = qsizetype(256) << 10;
    // Chunks for small payloads start at 512 bytes and double up to this: 8 MiB, four huge pages (BulkMemory).
    static constexpr qsizetype kMaxChunkSize = qsizetype(8) << 20;
    // Many connections recorded at once share the budget for chunks being filled; none gets less than this.
    static constexpr qsizetype kMinSharedChunk = qsizetype(64) << 10;

    PayloadArena() = default;
    ~PayloadArena() override;
    PayloadArena(const PayloadArena &) = delete;
    PayloadArena &operator=(const PayloadArena &) = delete;

    // Returns the offset to pass to view().
    quint64 append(QByteArrayView bytes);
    // Takes over an already filled buffer (a large reassembled message) instead of copying it: copying 64 MiB
    // into fresh pages blocks the event loop for hundreds of milliseconds, the buffer is already faulted in.
    quint64 adopt(QByteArray &&bytes);
    // Room for a run of small payloads copied in at once (EventStore::appendRows): where `size` bytes (at most
    // kLargePayload) go, as append() would place them, and how many bytes from there fit in that chunk (at least
    // `size`). Nothing is stored until commitRun() says how many of them were written.
    char *runSpace(qsizetype size, quint64 *offset, qsizetype *room);
    void commitRun(qsizetype size);
    QByteArrayView view(quint64 offset, qsizetype size) const;
    // Whether view(offset, ...) reads nothing back from the spill file. If it would, its chunk is read back on the
    // spill reader's thread instead (started now unless it is already), and the caller asks again later (see
    // RecordBlocks::prefetch).
    bool prefetch(quint64 offset) const;
    // Keeps the bytes view(offset, ...) gives valid, on any thread, for as long as the returned owner lives, so that
    // another thread can read them without a copy (the journal's writer: copying every 64 KiB echo into its batches
    // took a third of the window's GUI thread, issue 12). Null when the chunk is not in RAM. The arena neither
    // evicts, reuses nor frees a lent chunk's memory while an owner is out; it is freed with the last owner.
    std::shared_ptr<const void> lend(quint64 offset) const;
    qsizetype bytesStored() const { return m_bytesStored; }
    qsizetype bytesReserved() const { return m_bytesReserved + m_spareBytes; } // in RAM now, spare memory included
    qsizetype bytesSpare() const { return m_spareBytes; }
    qsizetype bytesSpilled() const { return m_bytesSpilled; } // in the spill file

    bool evict(quint32 chunk) override;

    // Takes the memory of an arena that is about to be freed, for this one's next chunks: a streaming store
    // (EventStore::compact) moves its held rows into a fresh arena every megabyte or so and frees the one before,
    // and mapping fresh chunks each time made every payload byte a page fault (half of the proxy's recording
    // cost at 10 x 64 KiB). `retired` keeps its records of where things were but no bytes: it may only be
    // destroyed. At most kMaxSpareBytes are kept; the rest is freed.
    void reuseMemoryOf(PayloadArena &retired);
    static constexpr qsizetype kMaxSpareBytes = qsizetype(16) << 20;

private:
    // Offsets encode (chunk index << 32 | position in chunk): a payload never straddles chunks.
    struct Chunk
    {
        BulkMemory data;
        QByteArray adopted; // set instead of data for adopt()ed buffers
        // data's memory once lend() shared it (data is then empty), until takeBack() finds it is the only owner.
        std::shared_ptr<BulkMemory> lent;
        std::shared_ptr<const QByteArray> lentAdopted; // a copy of adopted for lend() (sharing its buffer)
        char *memory() const { return data.data() ? data.data() : lent ? lent->data() : nullptr; }
        const char *bytes() const { return memory() ? memory() : adopted.constData(); }
        bool inRam() const { return memory() || !adopted.isNull(); }
        qsizetype capacity = 0;
        qsizetype used = 0;
        qsizetype ramBytes = 0; // counted in m_bytesReserved while in RAM
        qint64 spillOffset = -1; // where its bytes are in the spill file, once written
        PayloadCache::Handle cached; // valid while listed in the cache (full and in RAM)
        bool listed = false;
        bool filling = false; // the chunk small payloads go into: counted in the cache's filling bytes
        std::shared_ptr<SpillReader::Fetch> fetch; // reading it back on the spill reader's thread (prefetch())
    };
    void stopFilling(Chunk &chunk);
    // Whether the chunk's memory is the arena's alone again (no owner lend() gave out is left): then it is back in
    // data. A lent chunk may be neither evicted nor reused until then.
    static bool takeBack(Chunk &chunk);
    void openChunkFor(qsizetype size); // seals the chunk small payloads went into and opens one with room for `size`
    void seal(qsizetype index); // a chunk that is full joins the cache
    // At least `bytes` of memory: the smallest spare block that is large enough, else a new one.
    BulkMemory takeMemory(qsizetype bytes);
    void keepSpare(BulkMemory &&memory);
    const Chunk &resident(size_t index) const; // reads an evicted chunk back
    void takeFetched(size_t index) const; // a finished fetch's bytes become the chunk's (if it read them)
    mutable std::vector<Chunk> m_chunks; // mutable: view() may read a chunk back
    qsizetype m_current = -1; // chunk that small payloads go into
    // Chunks for small payloads start small: a connection with a handshake and a few frames (10,000 idle
    // test-server clients) must not reserve a megabyte each.
    qsizetype m_nextChunkSize = 512;
    qsizetype m_bytesStored = 0;
    mutable qsizetype m_bytesReserved = 0;
    qsizetype m_bytesSpilled = 0;
    std::vector<BulkMemory> m_spare; // memory of a retired arena (reuseMemoryOf), not holding any payload
    qsizetype m_spareBytes = 0;
};

} // namespace wsi
