// RowBatch: rows for an EventStore, built in the store's own format where the store is not.
#pragma once

#include "store/eventrecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <cstring>
#include <vector>

namespace wsi {

// Rows decoded on one thread (the capture thread) for a store that lives on another (the GUI thread), kept as the
// store will keep them, so that handing them over costs one bulk copy (EventStore::appendRows) instead of a call per
// row: records already paired the way EventStore::appendFrameAndMessage pairs a single-frame message's Frame and
// Message rows, their payload bytes one after the other in one buffer (offsets relative to it). A large buffer
// given to appendAdopting() is kept as it is, as the store would keep it. Nothing here reads the store: the
// session budget and the echo sharing are the store's to apply when the rows arrive.
class RowBatch
{
public:
    RowBatch() = default;
    // Moved, never copied: a copy would share the buffer that appendBytes() writes into.
    RowBatch(const RowBatch &) = delete;
    RowBatch &operator=(const RowBatch &) = delete;
    RowBatch(RowBatch &&other) noexcept;
    RowBatch &operator=(RowBatch &&other) noexcept;
    // Room for `payloadBytes` of payloads and `records` records before anything grows.
    void reserve(qsizetype payloadBytes, qsizetype records);
    // No rows, the room kept (RowBatchPool: a flood's next batch fills memory already in use).
    void clear();

    void append(const EventRecord &record, QByteArrayView payload);
    void appendAdopting(const EventRecord &record, QByteArray &&payload);
    void appendFrameAndMessage(
        const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message, QByteArrayView payload);

    bool isEmpty() const { return m_records.empty(); }
    qsizetype recordCount() const { return qsizetype(m_records.size()); }
    // The rows the records make in a store (a pair is two).
    qsizetype rowCount() const { return m_rows; }
    qsizetype payloadBytes() const { return m_used; }
    // The memory it holds for rows, used or not: the payload buffer and the records' room.
    qsizetype roomBytes() const { return m_bytes.size() + qsizetype(m_records.capacity() * sizeof(EventRecord)); }

    // What the store reads.
    const EventRecord &record(qsizetype index) const { return m_records[size_t(index)]; }
    static bool isAdopted(const EventRecord &record) { return (record.reserved & kAdoptedBit) != 0; }
    const QByteArray &adopted(const EventRecord &record) const { return m_adopted[size_t(record.payloadOffset)]; }
    const char *bytes() const { return m_bytes.constData(); }

private:
    // reserved: EventStore's pair bits, or this one for a record whose payload is m_adopted[payloadOffset].
    static constexpr quint32 kAdoptedBit = 0x40000000u;

    // Called for every row of a flood on the capture thread: a copy into room already there, no QByteArray::append
    // (its insert path cost as much as the rest of the row).
    void appendBytes(QByteArrayView bytes)
    {
        if (m_used + bytes.size() > m_bytes.size())
            grow(m_used + bytes.size());
        std::memcpy(m_data + m_used, bytes.data(), size_t(bytes.size()));
        m_used += bytes.size();
    }
    void grow(qsizetype atLeast);

    std::vector<EventRecord> m_records;
    QByteArray m_bytes; // sized to its room (uninitialized past m_used): the rows' bytes are its first m_used
    char *m_data = nullptr; // m_bytes.data(), detached once
    qsizetype m_used = 0;
    std::vector<QByteArray> m_adopted;
    qsizetype m_rows = 0;
};

} // namespace wsi
