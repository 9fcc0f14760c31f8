// BatchLegWriter: a WireRecorder's writes gathered into DecodedBatches for a leg on another thread.
#pragma once

#include "connection/decodedbatch.h"
#include "connection/legwriter.h"

#include <functional>

namespace wsi {

// The recorder on the capture thread, its leg on the GUI thread (issue 12): every write goes into the batch being
// gathered, which take() hands over. Rows get no index here (append() returns -1: the rows are on their way), and
// nothing reads the leg: the recorder of an outgoing connection never asks for a row's payload back.
class BatchLegWriter : public LegWriter
{
public:
    // Where a batch's room comes from (a RowBatchPool's take()), asked at the batch's first row.
    using RoomSource = std::function<RowBatch()>;

    // wireEncrypted: wss without interception, known before the first byte (the leg's handshake says so).
    explicit BatchLegWriter(bool wireEncrypted, RoomSource roomSource = {})
        : m_wireEncrypted(wireEncrypted)
        , m_roomSource(std::move(roomSource))
    { }

    // The writes since the last take(), with the recorder's state as the caller fills it in; the next rows go into
    // `next` (empty: a batch given back with its room) or the room source's, grown at their first row to as large
    // as these. Not before: a recorder that goes quiet holds no room (issue 12: 10,000 idle clients of the local
    // server each held the room of a batch, about 8 KB).
    DecodedBatch take(RowBatch &&next = {});
    bool hasWrites() const;
    // How far the batch being gathered is: its records, its changes and the counters it adds so far (a proxied leg's
    // step says where its rows end: ProxiedDecoder).
    DecodedPart part() const { return { m_batch.rows.recordCount(), m_batch.changes.size(), m_batch.counters }; }
    // Rows get keys instead of -1 from here on, which payload() resolves while the row is in the batch being gathered:
    // a proxied leg on the proxy thread lists the messages it received by them (decode-once, ReceivedMessages), and
    // the leg forwarding one finds its payload in this batch as long as it was not handed over yet.
    void keyRows() { m_keyRows = true; }
    // The memory the batch being gathered holds for rows, used or not.
    qsizetype roomBytes() const { return m_batch.rows.roomBytes(); }

    qsizetype append(const EventRecord &record, QByteArrayView payload) override;
    qsizetype appendAdopting(const EventRecord &record, QByteArray &&payload) override;
    qsizetype appendFrameAndMessage(const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message,
        QByteArrayView payload) override;
    void appendText(const EventRecord &record, const RecordedText &text) override;
    // keyRows(): the payload of the row `key` names while it is in the batch being gathered; else null.
    QByteArrayView payload(qsizetype key) const override;
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
    RowBatch &rows()
    {
        if (m_batch.rows.isEmpty())
            makeRoom();
        return m_batch.rows;
    }
    void makeRoom();
    // keyRows(): a record's key is odd and a pair's Frame row is the key before its Message row's (the recorder names
    // the Message row as the Frame row's + 1), unique across batches; -1 otherwise.
    qsizetype keyOf(qsizetype record) const { return m_keyRows ? m_keyBase + 2 * record + 1 : -1; }

    DecodedBatch m_batch;
    bool m_wireEncrypted;
    RoomSource m_roomSource;
    // The last batch's size: the next one gets this much room at its first row (a flood's batches are alike).
    qsizetype m_roomBytes = 0;
    qsizetype m_roomRecords = 0;
    bool m_countersTouched = false;
    bool m_keyRows = false;
    qsizetype m_keyBase = 0; // keyRows(): twice the records of the batches taken before
};

} // namespace wsi
