// RowBatch: rows for an EventStore, built in the store's own format where the store is not.
#include "store/rowbatch.h"

#include "store/eventstore.h"

namespace wsi {

void RowBatch::reserve(qsizetype payloadBytes, qsizetype records)
{
    m_bytes.reserve(payloadBytes);
    m_records.reserve(size_t(records));
}

void RowBatch::append(const EventRecord &record, QByteArrayView payload)
{
    EventRecord kept = record;
    kept.reserved = 0;
    kept.payloadOffset = payload.isEmpty() ? 0 : quint64(m_bytes.size());
    kept.payloadSize = quint32(payload.size());
    m_bytes.append(payload);
    m_records.push_back(kept);
    ++m_rows;
}

void RowBatch::appendAdopting(const EventRecord &record, QByteArray &&payload)
{
    EventRecord kept = record;
    kept.reserved = kAdoptedBit;
    kept.payloadOffset = quint64(m_adopted.size());
    kept.payloadSize = quint32(payload.size());
    m_adopted.push_back(std::move(payload));
    m_records.push_back(kept);
    ++m_rows;
}

void RowBatch::appendFrameAndMessage(
    const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message, QByteArrayView payload)
{
    const quint64 length = quint64(payload.size());
    if (!EventStore::pairable(frame, headerBytes.size(), message, length)) {
        append(frame, headerBytes);
        append(message, payload);
        return;
    }
    // As EventStore::appendFrameAndMessage stores a pair, but with offsets into this batch's bytes: the header's
    // in value, the payload's (right after it) in payloadOffset.
    EventRecord pair = frame;
    pair.type = EventType::Message;
    pair.flags = quint8(frame.flags | message.flags);
    pair.value = quint64(m_bytes.size());
    pair.reserved = EventStore::kPairedBit | quint32(headerBytes.size());
    pair.payloadSize = quint32(length);
    pair.payloadOffset = payload.isEmpty() ? 0 : quint64(m_bytes.size() + headerBytes.size());
    m_bytes.append(headerBytes);
    m_bytes.append(payload);
    m_records.push_back(pair);
    m_rows += 2;
}

} // namespace wsi
