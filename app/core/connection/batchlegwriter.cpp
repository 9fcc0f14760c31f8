// BatchLegWriter: a WireRecorder's writes gathered into DecodedBatches for a leg on another thread.
#include "connection/batchlegwriter.h"

#include <utility>

namespace wsi {

DecodedBatch BatchLegWriter::take(RowBatch &&next)
{
    m_countersTouched = false;
    DecodedBatch taken = std::exchange(m_batch, {});
    m_batch.rows = std::move(next);
    // The next batch is likely as large (a flood): its buffers grow once, at its first row, instead of doubling up to
    // that size.
    m_roomBytes = taken.rows.payloadBytes();
    m_roomRecords = taken.rows.recordCount();
    m_keyBase += 2 * taken.rows.recordCount();
    return taken;
}

void BatchLegWriter::makeRoom()
{
    if (m_roomSource && m_batch.rows.roomBytes() == 0)
        m_batch.rows = m_roomSource();
    m_batch.rows.reserve(m_roomBytes, m_roomRecords);
}

bool BatchLegWriter::hasWrites() const
{
    return !m_batch.rows.isEmpty() || !m_batch.changes.empty() || m_countersTouched;
}

qsizetype BatchLegWriter::append(const EventRecord &record, QByteArrayView payload)
{
    rows().append(record, payload);
    return keyOf(m_batch.rows.recordCount() - 1);
}

qsizetype BatchLegWriter::appendAdopting(const EventRecord &record, QByteArray &&payload)
{
    rows().appendAdopting(record, std::move(payload));
    return keyOf(m_batch.rows.recordCount() - 1);
}

qsizetype BatchLegWriter::appendFrameAndMessage(
    const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message, QByteArrayView payload)
{
    rows().appendFrameAndMessage(frame, headerBytes, message, payload);
    // One record when paired, else the Message row's record is the last of two: either way the Frame row's key is
    // the one before the Message row's.
    const qsizetype key = keyOf(m_batch.rows.recordCount() - 1);
    return key < 0 ? -1 : key - 1;
}

QByteArrayView BatchLegWriter::payload(qsizetype key) const
{
    const qsizetype index = key - m_keyBase - 1;
    if (!m_keyRows || index < 0 || index % 2 != 0 || index / 2 >= m_batch.rows.recordCount())
        return {}; // handed over already, or not a row's key
    const EventRecord &record = m_batch.rows.record(index / 2);
    if (RowBatch::isAdopted(record))
        return m_batch.rows.adopted(record);
    return QByteArrayView(m_batch.rows.bytes() + record.payloadOffset, qsizetype(record.payloadSize));
}

void BatchLegWriter::appendText(const EventRecord &record, const RecordedText &text)
{
    addChange(DecodedBatch::Change::Kind::RowText).text = text;
    rows().append(record, text.english().toUtf8());
}

void BatchLegWriter::changeHandshake(std::function<void(HandshakeRecord &)> change)
{
    addChange(DecodedBatch::Change::Kind::Handshake).handshake = std::move(change);
}

void BatchLegWriter::changeTimings(std::function<void(ConnectionTimings &)> change)
{
    addChange(DecodedBatch::Change::Kind::Timings).timings = std::move(change);
}

void BatchLegWriter::handshakeUpdated()
{
    addChange(DecodedBatch::Change::Kind::HandshakeUpdated);
}

void BatchLegWriter::setStatus(const RecordedText &text)
{
    addChange(DecodedBatch::Change::Kind::Status).text = text;
}

DecodedBatch::Change &BatchLegWriter::addChange(DecodedBatch::Change::Kind kind)
{
    DecodedBatch::Change &change = m_batch.changes.emplace_back();
    change.kind = kind;
    change.atRecord = m_batch.rows.recordCount();
    return change;
}

} // namespace wsi
