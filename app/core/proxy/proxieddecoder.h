// ProxiedDecoder: a reverse proxy client's two legs decoded on the proxy thread, into a DecodedBatch each.
#pragma once

#include "connection/connectionleg.h"
#include "connection/decodedbatch.h"
#include "connection/receivedmessages.h"
#include "store/eventrecord.h"

#include <QByteArray>

#include <memory>

namespace wsi {

class BatchLegWriter;
class RowBatchPool;
class WireRecorder;

// Issue 12: a proxied client's bytes are decoded where the proxy reads them, as the tap's (TapRecorder) and the local
// server's (ServedRecording) are, so that the GUI thread applies rows in the store's own format instead of decoding
// wire bytes (at 10 x 64 KiB that decoding and the copy into each leg's arena were most of the window's GUI thread
// during a proxied flood). Each leg has its own WireRecorder, as ProxiedTransport's on the GUI thread (the client leg
// with the server's perspective, the server leg with the client's), writing through a BatchLegWriter. Decode-once
// (issue 13) works here too: the receiving leg lists its messages by their keys in the batch it is gathering, and
// the forwarding leg takes a forwarded message's payload from there unless that batch was handed over meanwhile
// (then it decodes it, as the GUI thread's recorder does when the row is gone).
class ProxiedDecoder
{
public:
    using Facing = ConnectionLeg::Facing;

    ProxiedDecoder();
    ~ProxiedDecoder();

    // As ProxiedTransport's calls of the same names.
    void record(Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes);
    void recordForwarded(Facing facing, qint64 timeUs, const QByteArray &bytes, quint64 streamOffset);
    void decodeForwardedOnce();
    // Both sockets are done: completes what waited for the end; nothing is recorded after it.
    void wireClosed(qint64 timeUs);

    // Whether the leg's batch moved since the last call (rows, changes, counters), and where it is now.
    bool progressed(Facing facing, DecodedPart *upTo);
    // The leg's batch so far (null when it has no writes), its memory given back to a shared pool where it is freed.
    std::shared_ptr<const DecodedBatch> take(Facing facing);
    quint64 messagesDecodedOnce(Facing facing) const;

private:
    struct Leg
    {
        BatchLegWriter *rows = nullptr; // owned by recorder
        std::unique_ptr<WireRecorder> recorder;
        DecodedPart reported; // what progressed() said last
    };
    Leg &leg(Facing facing) { return facing == Facing::Client ? m_client : m_server; }

    std::shared_ptr<RowBatchPool> m_pool;
    Leg m_client;
    Leg m_server;
    std::unique_ptr<ReceivedMessages> m_fromClient; // the client leg's Incoming messages, for the server leg
    std::unique_ptr<ReceivedMessages> m_fromServer;
    bool m_decodeOnce = false;
    bool m_closed = false;
};

} // namespace wsi
