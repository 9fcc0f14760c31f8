// RowBatch: rows for an EventStore, built in the store's own format where the store is not.
#include "store/rowbatch.h"

#include "store/eventstore.h"

#include <utility>

namespace wsi {

RowBatch::RowBatch(RowBatch &&other) noexcept
{
    *this = std::move(other);
}

RowBatch &RowBatch::operator=(RowBatch &&other) noexcept
{
    // What is left behind is an empty batch (the buffer pointer and sizes go with the buffer).
    m_records = std::exchange(other.m_records, {});
    m_bytes = std::exchange(other.m_bytes, {});
    m_adopted = std::exchange(other.m_adopted, {});
    m_data = std::exchange(other.m_data, nullptr);
    m_used = std::exchange(other.m_used, 0);
    m_rows = std::exchange(other.m_rows, 0);
    return *this;
}

void RowBatch::reserve(qsizetype payloadBytes, qsizetype records)
{
    if (payloadBytes > m_bytes.size())
        grow(payloadBytes);
    m_records.reserve(size_t(records));
}

void RowBatch::clear()
{
    m_records.clear();
    m_adopted.clear();
    m_used = 0;
    m_rows = 0;
}

void RowBatch::grow(qsizetype atLeast)
{
    m_bytes.resize(qMax(atLeast, qMax(2 * m_bytes.size(), qsizetype(4096)))); // new bytes are left uninitialized
    m_data = m_bytes.data();
}

void RowBatch::append(const EventRecord &record, QByteArrayView payload)
{
    EventRecord kept = record;
    kept.reserved = 0;
    kept.payloadOffset = payload.isEmpty() ? 0 : quint64(m_used);
    kept.payloadSize = quint32(payload.size());
    appendBytes(payload);
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
    pair.value = quint64(m_used);
    pair.reserved = EventStore::kPairedBit | quint32(headerBytes.size());
    pair.payloadSize = quint32(length);
    pair.payloadOffset = payload.isEmpty() ? 0 : quint64(m_used + headerBytes.size());
    appendBytes(headerBytes);
    appendBytes(payload);
    m_records.push_back(pair);
    m_rows += 2;
}

} // namespace wsi
