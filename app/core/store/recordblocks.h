// RecordBlocks: the append-only storage of one connection's event records, in large blocks.
#pragma once

#include "store/bulkmemory.h"
#include "store/eventrecord.h"

#include <QtGlobal>
#include <vector>

namespace wsi {

// The append-only storage of one connection's event records. Records never move once their block is full:
// appending never copies what is stored (a growing vector would copy and fault in fresh memory at every
// doubling, which showed as a third of the CLI's time in a flood).
class RecordBlocks
{
public:
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
    qsizetype bytesReserved() const;

private:
    // EventRecord is trivially copyable, so its storage is raw memory: records are copied in, never built in
    // place (constructing a whole block up front touched every page of it at once).
    const EventRecord *records(size_t block) const
    {
        return reinterpret_cast<const EventRecord *>(m_blocks[block].data());
    }

    // The first block starts at 64 records and doubles (copying only itself) up to kFirstBlockRecords
    // (640 KB): 10,000 idle clients of the test server cannot each afford more. Every later block holds
    // kBlockRecords, which is 10 MiB: exactly five 2 MiB huge pages (see BulkMemory).
    static constexpr size_t kFirstBlockInitial = 64;
    static constexpr size_t kFirstBlockRecords = size_t(1) << 14;
    static constexpr int kBlockBits = 18;
    static constexpr size_t kBlockRecords = size_t(1) << kBlockBits;
    static_assert(kBlockRecords * sizeof(EventRecord) % BulkMemory::kHugePageSize == 0);

    std::vector<BulkMemory> m_blocks;
    size_t m_firstBlockCapacity = 0;
    qsizetype m_size = 0;
};

} // namespace wsi
