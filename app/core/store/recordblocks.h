// RecordBlocks: the append-only storage of one connection's event records, in large blocks.
#pragma once

#include "store/bulkmemory.h"
#include "store/cacheclient.h"
#include "store/eventrecord.h"
#include "store/payloadcache.h"

#include <QtGlobal>
#include <memory>
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
        size_t block = m_lastUsed;
        if (block >= m_blocks.size() || index < m_blocks[block].first
            || index - m_blocks[block].first >= m_blocks[block].capacity)
            block = blockOf(index);
        return records(block)[index - m_blocks[block].first];
    }
    // Whether at(index) reads nothing back from the spill file. If it would, its block is read back on the spill
    // reader's thread instead (started now unless it is already), and the caller asks again later: a reader that
    // walks a recording in order and can wait (the session journal) never reads 10 MiB back on the GUI thread.
    bool prefetch(qsizetype index) const;
    // Returns the new record's index.
    qsizetype push(const EventRecord &record);
    // Where the next records go in bulk (EventStore::appendRows): slots for at least one record, `*room` of them
    // contiguous; commitSlots() says how many were written, in order, from the first.
    EventRecord *nextSlots(qsizetype *room);
    void commitSlots(qsizetype count) { m_size += count; }
    qsizetype bytesReserved() const { return m_bytesReserved; } // in RAM now
    qsizetype blocksSpilled() const; // full blocks whose records are in the spill file only

    bool evict(quint32 block) override;

private:
    struct Block
    {
        BulkMemory memory;
        qsizetype first = 0; // the index of its first record
        qsizetype capacity = 0; // in records
        qint64 spillOffset = -1; // where its records are in the spill file, once written
        PayloadCache::Handle cached; // valid while listed in the cache (full and in RAM)
        bool listed = false;
        bool filling = false; // the block records go into: counted in the cache's filling bytes
        std::shared_ptr<SpillReader::Fetch> fetch; // reading it back on the spill reader's thread (prefetch())
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
    void takeFetched(size_t block) const; // a finished fetch's records become the block's (if it read them)
    qsizetype blockBytes(size_t block) const;
    size_t blockOf(qsizetype index) const; // the block that holds the record
    void seal(size_t block); // a full block joins the cache
    EventRecord *slotForNext(); // where the record at m_size goes: a grown first block or a new one when full

    // The first block starts at 8 records (a handshake and an open) and doubles (copying only itself) up to
    // kFirstBlockRecords (640 KB): 10,000 idle clients of the test server cannot each afford more. Every later block
    // is as large as the budget allows while the other connections fill theirs (PayloadCache::fillingSize), up to
    // kBlockRecords, 10 MiB, and at least kMinBlockRecords (the first block too stops doubling there when the budget
    // is short): one connection's flood gets the large blocks it needs, a hundred connections recorded at once do not
    // hold a gigabyte of half-filled blocks between them. Blocks differ in size, so a record's block is found by its
    // first index (the block used last first: views read neighbouring rows).
    static constexpr size_t kFirstBlockInitial = 8;
    static constexpr size_t kFirstBlockRecords = size_t(1) << 14;
    static constexpr size_t kBlockRecords = size_t(1) << 18;
    static constexpr size_t kMinBlockRecords = size_t(1) << 11; // 80 KB

    mutable std::vector<Block> m_blocks; // mutable: at() may read a block back
    mutable size_t m_lastUsed = 0; // the block at() used last: others are touched in the cache when used
    qsizetype m_size = 0;
    mutable qsizetype m_bytesReserved = 0;
};

} // namespace wsi
