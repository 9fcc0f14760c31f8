// ConnectionLegWriter: a WireRecorder's writes going straight into its Connection's leg.
#include "connection/connectionlegwriter.h"

#include "connection/connection.h"
#include "connection/decodedbatch.h"

namespace wsi {

qsizetype ConnectionLegWriter::append(const EventRecord &record, QByteArrayView payload)
{
    return m_leg->events.append(record, payload);
}

qsizetype ConnectionLegWriter::appendAdopting(const EventRecord &record, QByteArray &&payload)
{
    return m_leg->events.appendAdopting(record, std::move(payload));
}

qsizetype ConnectionLegWriter::appendFrameAndMessage(
    const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message, QByteArrayView payload)
{
    return m_leg->events.appendFrameAndMessage(frame, headerBytes, message, payload);
}

void ConnectionLegWriter::appendText(const EventRecord &record, const RecordedText &text)
{
    m_leg->texts.insert(m_leg->events.size(), text);
    m_leg->events.append(record, text.english().toUtf8());
}

QByteArrayView ConnectionLegWriter::payload(qsizetype row) const
{
    return m_leg->events.payload(row);
}

void ConnectionLegWriter::apply(const DecodedBatch &batch)
{
    EventStore &events = m_leg->events;
    const qsizetype rowsBefore = events.size();
    qsizetype applied = 0;
    for (const DecodedBatch::Change &change : batch.changes) {
        if (change.atRecord > applied) {
            events.appendRows(batch.rows, applied, change.atRecord);
            applied = change.atRecord;
        }
        switch (change.kind) {
        case DecodedBatch::Change::Kind::RowText:
            m_leg->texts.insert(events.size(), change.text); // the row the next record becomes, as appendText()
            break;
        case DecodedBatch::Change::Kind::Handshake:
            change.handshake(m_leg->handshake);
            break;
        case DecodedBatch::Change::Kind::Timings:
            change.timings(m_leg->timings);
            break;
        case DecodedBatch::Change::Kind::HandshakeUpdated:
            handshakeUpdated();
            break;
        case DecodedBatch::Change::Kind::Status:
            setStatus(change.text);
            break;
        }
    }
    if (applied < batch.rows.recordCount())
        events.appendRows(batch.rows, applied, batch.rows.recordCount());

    static_assert(sizeof(ConnectionLeg::Counters) == 7 * sizeof(quint64), "a new counter is added here too");
    const ConnectionLeg::Counters &added = batch.counters;
    ConnectionLeg::Counters &counters = m_leg->counters;
    counters.messagesIn += added.messagesIn;
    counters.messagesOut += added.messagesOut;
    counters.bytesIn += added.bytesIn;
    counters.bytesOut += added.bytesOut;
    counters.errors += added.errors;
    counters.framesOut += added.framesOut;
    counters.violationsOut += added.violationsOut;
    const bool countersMoved = (added.messagesIn | added.messagesOut | added.bytesIn | added.bytesOut | added.errors
                                   | added.framesOut | added.violationsOut)
        != 0;
    if (events.size() > rowsBefore)
        Q_EMIT m_connection->eventsAppended();
    if (countersMoved)
        Q_EMIT m_connection->countersChanged();
}

void ConnectionLegWriter::handshakeUpdated()
{
    Q_EMIT m_connection->handshakeUpdated();
}

} // namespace wsi
