// ProxiedTransport: the transport of a reverse proxy's client, recorded on two legs (client side, server side).
#pragma once

#include "connection/connectionleg.h"
#include "connection/connectiontransport.h"
#include "connection/receivedmessages.h"
#include "connection/recorderstate.h"
#include "connection/unsettledrows.h"
#include "store/eventrecord.h"

#include <QPointer>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace wsi {

class ConnectionLegWriter;
struct DecodedBatch;
struct DecodedPart;
struct TlsReport;
class WireRecorder;

// The proxy owns both sockets and relays; this transport only records what crossed each one, into the leg
// facing that socket's peer, and drives the Connection's state. Each leg has its own WireRecorder, so that
// the handshake, frames and messages of each wire are decoded exactly as they were on that wire:
// - the client leg (Facing::Client, Server perspective): Incoming = from the client, Outgoing = to it;
// - the server leg (Facing::Server, Client perspective): Outgoing = to the server, Incoming = from it.
// Sending from the app (injection) is not there yet: the send API refuses.
class ProxiedTransport : public ConnectionTransport
{
public:
    explicit ProxiedTransport(Connection *connection);
    ~ProxiedTransport() override;

    void recordLeg(ConnectionLeg::Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes);
    // Decode once (issue 13): a relay that forwards frames unchanged (no rules) says so, and from then on each large
    // single-frame message is unmasked and checked by the leg that received it only; the leg that forwards it records
    // it from that leg's row (recordForwarded()). Each leg still records its own wire: headers, masks, lengths, times.
    void decodeForwardedOnce();
    // Bytes written on the leg facing `facing` that are whole frames the other leg received, forwarded unchanged from
    // streamOffset of that direction's frame stream (the bytes after the upgrade's head). As recordLeg(facing,
    // Outgoing, ...) when decodeForwardedOnce() was not called.
    void recordForwarded(ConnectionLeg::Facing facing, qint64 timeUs, const QByteArray &bytes, quint64 streamOffset);
    // Forwarded messages that were decoded once for both legs (the leg facing `facing` took them from the other).
    quint64 messagesDecodedOnce(ConnectionLeg::Facing facing) const;
    // Issue 12: the proxy thread decoded the leg's bytes (proxy/ProxiedDecoder): the rows of `batch` from `applied` up
    // to `upTo` go into the leg as recordLeg() would have put them (in bulk, EventStore::appendRows), with the same
    // bookkeeping after them (unsettled rows pinned, marks waiting for their rows set); `applied` becomes `upTo`.
    void applyDecoded(
        ConnectionLeg::Facing facing, const DecodedBatch &batch, DecodedPart &applied, const DecodedPart &upTo);
    // What the proxy thread's decoding counted: messages each leg took from the other (decode-once).
    void setDecodedOnceElsewhere(quint64 clientLeg, quint64 serverLeg);
    // Parts of decoded batches applied so far (tests: the legs were decoded on the proxy thread), and the wire bytes
    // this transport's own recorders decoded (the direct path).
    quint64 decodedPartsApplied() const { return m_decodedPartsApplied; }
    quint64 bytesDecodedHere() const { return m_bytesDecodedHere; }
    // What the proxy did to the ordinal-th data message (1-based, counted on that leg in that direction): set on
    // the row now if it was recorded, else on the row when it is. A mark set before the row's eventsAppended
    // is part of that row for everyone who reads it then (the CLI prints it at once).
    void markMessage(ConnectionLeg::Facing facing, Direction direction, quint64 ordinal, const ProxyMark &mark);
    // Called with each mark as it is set on its row: facing, the row in that leg, and the message's ordinal. A
    // held message decided later marks a row that a reader of the rows (the journal) may have taken already;
    // this is how it learns of it. Not called once receiver is gone.
    using MarkObserver = std::function<void(ConnectionLeg::Facing facing, qsizetype row, quint64 ordinal)>;
    void observeMarks(QObject *receiver, MarkObserver observer);
    // Rules that may mark a message later than its row was recorded (a hold decided a flood later, a drop rule
    // meeting a message that waited behind a hold) keep the rows of the messages they have not settled yet: from
    // this call on, each peer's messages (Incoming on the leg facing it) stay held in a streaming store until
    // settleMessages() says the rules are done with them. Called as the relay starts.
    void keepUnsettledMessages();
    // The rules are done with the first `count` messages the peer facing `facing` sent.
    void settleMessages(ConnectionLeg::Facing facing, quint64 count);
    // Between beginBatch() and endBatch() rows are recorded but eventsAppended waits for the end: the proxy
    // records a chunk it read, decides what to do with its messages (marks), writes, and only then is it read.
    void beginBatch() { ++m_batchDepth; }
    void endBatch();
    // The upstream was reached: the server leg's DNS and TCP times (and TLS, -1 for ws://).
    void upstreamConnected(qint64 dnsUs, qint64 tcpUs, qint64 tlsUs);
    // wss upstream: the server's TLS session, a Tls row on the server leg.
    void upstreamTls(const TlsReport &report);
    // The rows below are recorded in English (session files) and shown in the window's language (rowText()).
    // The upstream could not be reached or failed: an error row on the server leg and the status line.
    void upstreamFailed(ErrorLayer layer, const RecordedText &message);
    // An error the proxy found on the client's side (an unparsable or oversized request).
    void clientFailed(ErrorLayer layer, const RecordedText &message);
    // What the proxy did, on one leg (who dropped TCP first and that the other side was closed for it).
    void note(ConnectionLeg::Facing facing, const RecordedText &message);
    // The 101 reached the client: the WebSocket is open end to end.
    void opened();
    // Both sockets are done: nothing more will be recorded.
    void wireClosed();
    // The client is relayed on another thread (issue 12): the calls come later than they were made there. The rows
    // and times they record without a time of their own take this one (-1: now again), and the connection started when
    // the proxy accepted the client.
    void setStepTime(qint64 timeUs) { m_stepTimeUs = timeUs; }
    void startedAt(qint64 timeUs);
    // How Connection::abort() reaches the proxy (drops both sockets).
    void setAbortHandler(std::function<void()> handler) { m_abort = std::move(handler); }

    bool recordingDone() const override { return m_wireClosed; }
    int firstCloseDirection() const override;
    bool sendText(const QString &text) override;
    bool sendBinary(const QByteArray &data) override;
    bool ping(const QByteArray &payload) override;
    bool close(int code, const QString &reason, bool byUser) override;
    void abort(bool byUser) override;

private:
    ConnectionLeg &legFacing(ConnectionLeg::Facing facing);
    UnsettledRows &unsettledFrom(ConnectionLeg::Facing facing)
    {
        return facing == ConnectionLeg::Facing::Client ? m_unsettledFromClient : m_unsettledFromServer;
    }
    qint64 nowUs() const;
    void appendRow(ConnectionLeg &leg, EventType type, ErrorLayer layer, const RecordedText &message);
    void emitAppended();
    // Marks whose rows are not recorded yet; false when the row is not there yet.
    bool applyMark(ConnectionLeg::Facing facing, Direction direction, quint64 ordinal, const ProxyMark &mark);
    void applyPendingMarks();
    void markRow(ConnectionLeg::Facing facing, qsizetype row, quint64 ordinal, const ProxyMark &mark);

    struct PendingMark
    {
        ConnectionLeg::Facing facing;
        Direction direction;
        quint64 ordinal;
        ProxyMark mark;
    };
    std::vector<PendingMark> m_pendingMarks;
    bool m_keepUnsettled = false;
    UnsettledRows m_unsettledFromClient; // the client leg's Incoming messages
    UnsettledRows m_unsettledFromServer; // the server leg's Incoming messages
    std::vector<std::pair<QPointer<QObject>, MarkObserver>> m_markObservers;
    int m_batchDepth = 0;
    bool m_appendedInBatch = false;

    std::unique_ptr<WireRecorder> m_clientRecorder;
    std::unique_ptr<WireRecorder> m_serverRecorder;
    // Where rows decoded on the proxy thread go in (applyDecoded), and what that decoding said last.
    std::unique_ptr<ConnectionLegWriter> m_clientRows;
    std::unique_ptr<ConnectionLegWriter> m_serverRows;
    bool m_decodedElsewhere = false;
    RecorderState m_serverLegState;
    quint64 m_decodedOnceElsewhere[2] = { 0, 0 }; // client leg, server leg
    quint64 m_decodedPartsApplied = 0;
    quint64 m_bytesDecodedHere = 0;
    ReceivedMessages m_receivedFromClient; // the client leg's Incoming messages, for the server leg
    ReceivedMessages m_receivedFromServer; // the server leg's Incoming messages, for the client leg
    bool m_decodeOnce = false;
    std::function<void()> m_abort;
    bool m_wireClosed = false;
    qint64 m_stepTimeUs = -1;
};

} // namespace wsi
