// RecordBlocks: the append-only storage of one connection's event records, in large blocks.
#include "store/recordblocks.h"

#include <cstring>
#include <type_traits>

namespace wsi {

qsizetype RecordBlocks::push(const EventRecord &record)
{
    static_assert(std::is_trivially_copyable_v<EventRecord> && std::is_trivially_destructible_v<EventRecord>);
    const size_t index = size_t(m_size);
    EventRecord *slot = nullptr;
    if (index < kFirstBlockRecords) {
        if (index == m_firstBlockCapacity) {
            const size_t capacity = m_firstBlockCapacity == 0 ? kFirstBlockInitial : m_firstBlockCapacity * 2;
            BulkMemory grown(capacity * sizeof(EventRecord));
            if (index > 0)
                std::memcpy(grown.data(), m_blocks[0].data(), index * sizeof(EventRecord));
            if (m_blocks.empty())
                m_blocks.push_back(std::move(grown));
            else
                m_blocks[0] = std::move(grown);
            m_firstBlockCapacity = capacity;
        }
        slot = reinterpret_cast<EventRecord *>(m_blocks[0].data()) + index;
    } else {
        const size_t rest = index - kFirstBlockRecords;
        const size_t block = 1 + (rest >> kBlockBits);
        if (block == m_blocks.size())
            m_blocks.emplace_back(kBlockRecords * sizeof(EventRecord));
        slot = reinterpret_cast<EventRecord *>(m_blocks[block].data()) + (rest & (kBlockRecords - 1));
    }
    std::memcpy(static_cast<void *>(slot), &record, sizeof(EventRecord));
    return m_size++;
}

qsizetype RecordBlocks::bytesReserved() const
{
    qsizetype bytes = 0;
    for (const BulkMemory &block : m_blocks)
        bytes += qsizetype(block.size());
    return bytes;
}

} // namespace wsi
