// ConnectionLegWriter: a WireRecorder's writes going straight into its Connection's leg.
#pragma once

#include "connection/legwriter.h"

namespace wsi {

class Connection;
struct DecodedBatch;
struct DecodedPart;

// The recorder and the leg on one thread: every write lands in the leg at once (the local server's clients, the
// reverse proxy's legs, and what an outgoing connection's batch applies).
class ConnectionLegWriter : public LegWriter
{
public:
    // setStatus is the connection's own (private: the recorder, its friend, hands it in).
    ConnectionLegWriter(Connection *connection, ConnectionLeg *leg, std::function<void(const RecordedText &)> setStatus)
        : m_connection(connection)
        , m_leg(leg)
        , m_setStatus(std::move(setStatus))
    { }

    qsizetype append(const EventRecord &record, QByteArrayView payload) override;
    qsizetype appendAdopting(const EventRecord &record, QByteArray &&payload) override;
    qsizetype appendFrameAndMessage(const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message,
        QByteArrayView payload) override;
    void appendText(const EventRecord &record, const RecordedText &text) override;
    QByteArrayView payload(qsizetype row) const override;
    ConnectionLeg::Counters &counters() override { return m_leg->counters; }
    bool wireEncrypted() const override { return m_leg->handshake.encrypted; }
    void changeHandshake(std::function<void(HandshakeRecord &)> change) override { change(m_leg->handshake); }
    void changeTimings(std::function<void(ConnectionTimings &)> change) override { change(m_leg->timings); }
    void handshakeUpdated() override;
    void setStatus(const RecordedText &text) override { m_setStatus(text); }

    // The writes of a recorder that decoded elsewhere (BatchLegWriter), in their order: the rows appended in bulk
    // (EventStore::appendRows) between the changes that are not rows, the counters added; eventsAppended() and
    // countersChanged() once for the whole batch.
    void apply(const DecodedBatch &batch);
    // The part of a batch from `applied` to `upTo` (a proxied leg's rows between two steps of the other leg or the
    // proxy's own), the same way, without announcing anything (the proxied transport announces once per batch);
    // `applied` becomes `upTo`. True when it added to the counters.
    bool applyPart(const DecodedBatch &batch, DecodedPart &applied, const DecodedPart &upTo);

private:
    Connection *m_connection;
    ConnectionLeg *m_leg;
    std::function<void(const RecordedText &)> m_setStatus;
};

} // namespace wsi
