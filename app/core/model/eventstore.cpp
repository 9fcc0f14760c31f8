#include "eventstore.h"

namespace wsi {

qsizetype EventStore::append(EventRecord record, QByteArrayView payload)
{
    record.payloadSize = quint32(payload.size());
    record.payloadOffset = m_arena.append(payload);
    m_records.push_back(record);
    return qsizetype(m_records.size() - 1);
}

QByteArrayView EventStore::payload(qsizetype row) const
{
    const EventRecord &r = at(row);
    return m_arena.view(r.payloadOffset, qsizetype(r.payloadSize));
}

qsizetype EventStore::memoryUsed() const
{
    return qsizetype(m_records.capacity() * sizeof(EventRecord)) + m_arena.bytesReserved();
}

} // namespace wsi
