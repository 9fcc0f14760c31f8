#include "eventstore.h"

#include <cstring>
#include <type_traits>

namespace wsi {

qsizetype EventStore::append(EventRecord record, QByteArrayView payload)
{
    record.payloadSize = quint32(payload.size());
    if (record.type == EventType::Message && !payload.isEmpty()) {
        // An echo repeats the message it answers: both are kept once. Comparing costs less than storing, and
        // fresh memory is the dearest part of recording a flood.
        if (m_lastMessageSize == payload.size() && m_arena.view(m_lastMessageOffset, m_lastMessageSize) == payload) {
            record.payloadOffset = m_lastMessageOffset;
            return store(record);
        }
        record.payloadOffset = m_arena.append(payload);
        m_lastMessageOffset = record.payloadOffset;
        m_lastMessageSize = payload.size();
        return store(record);
    }
    record.payloadOffset = m_arena.append(payload);
    return store(record);
}

qsizetype EventStore::appendAdopting(EventRecord record, QByteArray &&payload)
{
    record.payloadSize = quint32(payload.size());
    record.payloadOffset = m_arena.adopt(std::move(payload));
    return store(record);
}

qsizetype EventStore::store(const EventRecord &record)
{
    static_assert(std::is_trivially_copyable_v<EventRecord> && std::is_trivially_destructible_v<EventRecord>);
    const size_t row = size_t(m_size);
    EventRecord *slot = nullptr;
    if (row < kFirstBlockRecords) {
        if (row == m_firstBlockCapacity) {
            const size_t capacity = m_firstBlockCapacity == 0 ? kFirstBlockInitial : m_firstBlockCapacity * 2;
            BulkMemory grown(capacity * sizeof(EventRecord));
            if (m_size > 0)
                std::memcpy(grown.data(), m_blocks[0].data(), row * sizeof(EventRecord));
            if (m_blocks.empty())
                m_blocks.push_back(std::move(grown));
            else
                m_blocks[0] = std::move(grown);
            m_firstBlockCapacity = capacity;
        }
        slot = reinterpret_cast<EventRecord *>(m_blocks[0].data()) + row;
    } else {
        const size_t rest = row - kFirstBlockRecords;
        const size_t block = 1 + (rest >> kBlockBits);
        if (block == m_blocks.size())
            m_blocks.emplace_back(kBlockRecords * sizeof(EventRecord));
        slot = reinterpret_cast<EventRecord *>(m_blocks[block].data()) + (rest & (kBlockRecords - 1));
    }
    std::memcpy(static_cast<void *>(slot), &record, sizeof(EventRecord));
    return m_size++;
}

QByteArrayView EventStore::payload(qsizetype row) const
{
    const EventRecord &r = at(row);
    return m_arena.view(r.payloadOffset, qsizetype(r.payloadSize));
}

qsizetype EventStore::memoryUsed() const
{
    qsizetype bytes = m_arena.bytesReserved();
    for (const BulkMemory &block : m_blocks)
        bytes += qsizetype(block.size());
    return bytes;
}

} // namespace wsi
