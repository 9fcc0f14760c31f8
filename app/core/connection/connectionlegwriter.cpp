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
    const qsizetype rowsBefore = m_leg->events.size();
    DecodedPart applied;
    const bool countersMoved
        = applyPart(batch, applied, { batch.rows.recordCount(), batch.changes.size(), batch.counters });
    if (m_leg->events.size() > rowsBefore)
        Q_EMIT m_connection->eventsAppended();
    if (countersMoved)
        Q_EMIT m_connection->countersChanged();
}

bool ConnectionLegWriter::applyPart(const DecodedBatch &batch, DecodedPart &applied, const DecodedPart &upTo)
{
    EventStore &events = m_leg->events;
    for (size_t at = applied.changes; at < upTo.changes; ++at) {
        const DecodedBatch::Change &change = batch.changes[at];
        if (change.atRecord > applied.records) {
            events.appendRows(batch.rows, applied.records, change.atRecord);
            applied.records = change.atRecord;
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
    if (applied.records < upTo.records)
        events.appendRows(batch.rows, applied.records, upTo.records);

    // The counters so far minus those already added: what this part adds.
    static_assert(sizeof(ConnectionLeg::Counters) == 7 * sizeof(quint64), "a new counter is added here too");
    const ConnectionLeg::Counters &to = upTo.counters;
    const ConnectionLeg::Counters &from = applied.counters;
    ConnectionLeg::Counters &counters = m_leg->counters;
    const ConnectionLeg::Counters added { to.messagesIn - from.messagesIn, to.messagesOut - from.messagesOut,
        to.bytesIn - from.bytesIn, to.bytesOut - from.bytesOut, to.errors - from.errors, to.framesOut - from.framesOut,
        to.violationsOut - from.violationsOut };
    counters.messagesIn += added.messagesIn;
    counters.messagesOut += added.messagesOut;
    counters.bytesIn += added.bytesIn;
    counters.bytesOut += added.bytesOut;
    counters.errors += added.errors;
    counters.framesOut += added.framesOut;
    counters.violationsOut += added.violationsOut;
    applied = upTo;
    return (added.messagesIn | added.messagesOut | added.bytesIn | added.bytesOut | added.errors | added.framesOut
               | added.violationsOut)
        != 0;
}

void ConnectionLegWriter::handshakeUpdated()
{
    Q_EMIT m_connection->handshakeUpdated();
}

} // namespace wsi
