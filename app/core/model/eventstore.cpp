#include "eventstore.h"

#include <algorithm>

namespace wsi {

qsizetype EventStore::append(EventRecord record, QByteArrayView payload)
{
    record.payloadSize = quint32(payload.size());
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
    const size_t block = size_t(m_size) >> kBlockBits;
    if (block == 0 && size_t(m_size) == m_firstBlockCapacity) {
        const size_t capacity = m_firstBlockCapacity == 0 ? kFirstBlockSize : m_firstBlockCapacity * 2;
        auto grown = std::make_unique<EventRecord[]>(capacity);
        if (m_size > 0)
            std::copy_n(m_blocks[0].get(), m_size, grown.get());
        if (m_blocks.empty())
            m_blocks.push_back(std::move(grown));
        else
            m_blocks[0] = std::move(grown);
        m_firstBlockCapacity = capacity;
    } else if (block == m_blocks.size()) {
        m_blocks.push_back(std::make_unique<EventRecord[]>(kBlockSize));
    }
    m_blocks[block][size_t(m_size) & (kBlockSize - 1)] = record;
    return m_size++;
}

QByteArrayView EventStore::payload(qsizetype row) const
{
    const EventRecord &r = at(row);
    return m_arena.view(r.payloadOffset, qsizetype(r.payloadSize));
}

qsizetype EventStore::memoryUsed() const
{
    const size_t records = m_blocks.empty() ? 0 : m_firstBlockCapacity + (m_blocks.size() - 1) * kBlockSize;
    return qsizetype(records * sizeof(EventRecord)) + m_arena.bytesReserved();
}

} // namespace wsi
