// BatchLegWriter: a WireRecorder's writes gathered into DecodedBatches for a leg on another thread.
#pragma once

#include "connection/decodedbatch.h"
#include "connection/legwriter.h"

namespace wsi {

// The recorder on the capture thread, its leg on the GUI thread (issue 12): every write goes into the batch being
// gathered, which take() hands over. Rows get no index here (append() returns -1: the rows are on their way), and
// nothing reads the leg: the recorder of an outgoing connection never asks for a row's payload back.
class BatchLegWriter : public LegWriter
{
public:
    // wireEncrypted: wss without interception, known before the first byte (the leg's handshake says so).
    explicit BatchLegWriter(bool wireEncrypted)
        : m_wireEncrypted(wireEncrypted)
    { }

    // The writes since the last take(), with the recorder's state as the caller fills it in; the next rows go into
    // `next` (empty: a batch given back with its room) when it has room, else into room as large as these.
    DecodedBatch take(RowBatch &&next = {});
    bool hasWrites() const;

    qsizetype append(const EventRecord &record, QByteArrayView payload) override;
    qsizetype appendAdopting(const EventRecord &record, QByteArray &&payload) override;
    qsizetype appendFrameAndMessage(const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message,
        QByteArrayView payload) override;
    void appendText(const EventRecord &record, const RecordedText &text) override;
    QByteArrayView payload(qsizetype) const override { return {}; }
    ConnectionLeg::Counters &counters() override
    {
        m_countersTouched = true;
        return m_batch.counters;
    }
    bool wireEncrypted() const override { return m_wireEncrypted; }
    void changeHandshake(std::function<void(HandshakeRecord &)> change) override;
    void changeTimings(std::function<void(ConnectionTimings &)> change) override;
    void handshakeUpdated() override;
    void setStatus(const RecordedText &text) override;

private:
    DecodedBatch::Change &addChange(DecodedBatch::Change::Kind kind);

    DecodedBatch m_batch;
    bool m_wireEncrypted;
    bool m_countersTouched = false;
};

} // namespace wsi
