// RecordBlocks: the append-only storage of one connection's event records, in large blocks.
#pragma once

#include "store/bulkmemory.h"
#include "store/cacheclient.h"
#include "store/eventrecord.h"
#include "store/payloadcache.h"

#include <QtGlobal>
#include <vector>

namespace wsi {

// The append-only storage of one connection's event records. Records never move once their block is full:
// appending never copies what is stored (a growing vector would copy and fault in fresh memory at every
// doubling, which showed as a third of the CLI's time in a flood).
//
// A full block joins the PayloadCache like a payload chunk: over the app's budget the least recently used
// blocks are written to the spill file and freed, and at() reads one back when asked. At 40 bytes a record,
// the records of a 10 M message flood were 400 MB, more than the window may hold in all (issue 12). A reference
// from at() stays valid until control returns to the event loop (eviction runs there), as a payload view does.
class RecordBlocks : public CacheClient
{
public:
    RecordBlocks() = default;
    ~RecordBlocks() override;
    RecordBlocks(const RecordBlocks &) = delete;
    RecordBlocks &operator=(const RecordBlocks &) = delete;

    qsizetype size() const { return m_size; }
    const EventRecord &at(qsizetype index) const
    {
        const size_t i = size_t(index);
        if (i < kFirstBlockRecords)
            return records(0)[i];
        const size_t rest = i - kFirstBlockRecords;
        return records(1 + (rest >> kBlockBits))[rest & (kBlockRecords - 1)];
    }
    // Returns the new record's index.
    qsizetype push(const EventRecord &record);
    qsizetype bytesReserved() const { return m_bytesReserved; } // in RAM now
    qsizetype blocksSpilled() const; // full blocks whose records are in the spill file only

    bool evict(quint32 block) override;

private:
    struct Block
    {
        BulkMemory memory;
        qint64 spillOffset = -1; // where its records are in the spill file, once written
        PayloadCache::Handle cached; // valid while listed in the cache (full and in RAM)
        bool listed = false;
        bool filling = false; // the block records go into: counted in the cache's filling bytes
    };
    // EventRecord is trivially copyable, so its storage is raw memory: records are copied in, never built in
    // place (constructing a whole block up front touched every page of it at once).
    const EventRecord *records(size_t block) const
    {
        const char *data = m_blocks[block].memory.data();
        if (block != m_lastUsed || !data)
            data = resident(block);
        return reinterpret_cast<const EventRecord *>(data);
    }
    // The block's records in RAM (read back from the spill file if evicted), marked as used just now.
    const char *resident(size_t block) const;
    qsizetype blockBytes(size_t block) const;
    void seal(size_t block); // a full block joins the cache

    // The first block starts at 8 records (a handshake and an open) and doubles (copying only itself) up to
    // kFirstBlockRecords (640 KB): 10,000 idle clients of the test server cannot each afford more. Every later block
    // holds kBlockRecords, which is 10 MiB: exactly five 2 MiB huge pages (see BulkMemory).
    static constexpr size_t kFirstBlockInitial = 8;
    static constexpr size_t kFirstBlockRecords = size_t(1) << 14;
    static constexpr int kBlockBits = 18;
    static constexpr size_t kBlockRecords = size_t(1) << kBlockBits;
    static_assert(kBlockRecords * sizeof(EventRecord) % BulkMemory::kHugePageSize == 0);

    mutable std::vector<Block> m_blocks; // mutable: at() may read a block back
    mutable size_t m_lastUsed = 0; // the block at() used last: others are touched in the cache when used
    size_t m_firstBlockCapacity = 0;
    qsizetype m_size = 0;
    mutable qsizetype m_bytesReserved = 0;
};

} // namespace wsi
