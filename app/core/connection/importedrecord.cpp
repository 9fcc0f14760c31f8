// ImportedRecord: a read-only connection from a file; its counters are recounted from the events.
#include "connection/importedrecord.h"

#include "protocol/frameheader.h"

namespace wsi {

ImportedRecord::ImportedRecord(Connection *connection)
    : ConnectionTransport(connection)
{ }

ConnectionLeg::Counters ImportedRecord::countersOf(const EventStore &events)
{
    ConnectionLeg::Counters counters;
    bool framesSeen[3] = { false, false, false };
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).type == EventType::Frame)
            framesSeen[int(events.at(i).dir)] = true;
    }
    for (qsizetype i = 0; i < events.size(); ++i) {
        const EventRecord &r = events.at(i);
        quint64 bytes = 0;
        switch (r.type) {
        case EventType::HandshakeRequest:
        case EventType::HandshakeResponse:
            bytes = r.payloadSize;
            break;
        case EventType::Frame:
            // The header's bytes and the payload's (a compressed message's frame stores its payload after the header).
            bytes = quint64(frameRowHeaderSize(events.payload(i).data(), r.payloadSize)) + r.value;
            if (r.dir == Direction::Outgoing && r.sub != quint8(Opcode::Pong))
                counters.framesOut++;
            break;
        case EventType::Message:
        case EventType::Ping:
        case EventType::Pong:
        case EventType::Close:
            bytes = framesSeen[int(r.dir)] ? 0 : r.payloadSize;
            break;
        case EventType::Error:
            counters.errors++;
            if (r.dir == Direction::Outgoing && r.layer() == ErrorLayer::WebSocket)
                counters.violationsOut++;
            break;
        default:
            break;
        }
        if (r.dir == Direction::Outgoing) {
            counters.bytesOut += bytes;
            if (r.type == EventType::Message)
                counters.messagesOut++;
        } else if (r.dir == Direction::Incoming) {
            counters.bytesIn += bytes;
            if (r.type == EventType::Message)
                counters.messagesIn++;
        }
    }
    return counters;
}

// A record from a file has no wire to send on.
bool ImportedRecord::sendText(const QString &)
{
    return false;
}

bool ImportedRecord::sendBinary(const QByteArray &)
{
    return false;
}

bool ImportedRecord::ping(const QByteArray &)
{
    return false;
}

bool ImportedRecord::close(int, const QString &, bool)
{
    return false;
}

void ImportedRecord::abort(bool)
{ }

} // namespace wsi
