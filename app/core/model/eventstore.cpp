#include "eventstore.h"

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
    if (block == m_blocks.size())
        m_blocks.push_back(std::make_unique<EventRecord[]>(kBlockSize));
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
    return qsizetype(m_blocks.size() * kBlockSize * sizeof(EventRecord)) + m_arena.bytesReserved();
}

} // namespace wsi
