// ConnectionLegWriter: a WireRecorder's writes going straight into its Connection's leg.
#include "connection/connectionlegwriter.h"

#include "connection/connection.h"

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

void ConnectionLegWriter::handshakeUpdated()
{
    Q_EMIT m_connection->handshakeUpdated();
}

} // namespace wsi
