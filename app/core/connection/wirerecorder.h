// WireRecorder: turns a connection's recorded bytes into events: handshake, frames, messages, closes.
#pragma once

#include "connection/legwriter.h"
#include "connection/messageinflation.h"
#include "connection/recorderstate.h"
#include "connection/wiredirectionsink.h"
#include "language/recordedtext.h"
#include "protocol/framedecoder.h"
#include "protocol/handshakeparser.h"
#include "store/eventrecord.h"
#include "store/handshakerecord.h"

#include <QByteArray>
#include <QList>
#include <array>
#include <memory>

namespace wsi {

class Connection;
class ReceivedMessages;
class ServerSideEndpoint;

// Turns the tap's recorded byte chunks of one client connection into events: the upgrade request and
// response heads (and a failed upgrade's body), then every frame, message, ping, pong and close, and every
// protocol violation, in wire order with the chunk's timestamp. It fills one leg of its connection (a
// connection with two wires has a recorder per leg) and tells the connection what its status line says, through
// a LegWriter: straight into the leg, or into batches that the leg's thread applies (the decoding elsewhere).
class WireRecorder
{
public:
    // Which side of the connection this app is: the client (outgoing connections: Outgoing bytes are the
    // client's) or the server (clients of the local server: Outgoing bytes are the server's).
    enum class Perspective { Client, Server };

    // Writes straight into the connection's leg.
    WireRecorder(Connection *connection, ConnectionLeg *leg, Perspective perspective = Perspective::Client);
    // Writes through `rows` only: it never touches a Connection (an outgoing connection's, a served client's, a proxied
    // leg's on the proxy thread).
    WireRecorder(std::unique_ptr<LegWriter> rows, Perspective perspective);
    ~WireRecorder();

    void record(Direction direction, qint64 timeUs, const QByteArray &bytes);
    // A frame the tap injected into the client's stream at a frame boundary: decoded on its own, so that a
    // deliberately broken frame is shown (and its violation named) without stopping the decoding of the
    // client's real frames that follow.
    void recordInjected(qint64 timeUs, const QByteArray &frame);
    // The server side of the stream ended: completes a body read until close.
    void upstreamEnded(qint64 timeUs);

    // A proxy's two legs (issue 13, decode once): the large single-frame messages this leg receives (Incoming) are
    // listed in `into` for the leg that forwards them. Null stops it.
    void listReceivedMessages(ReceivedMessages *into) { m_receivedList = into; }
    // A leg of a reverse proxy's client decoded where its Connection is not (the proxy thread): a compressed message
    // may inflate to the proxy's max message size, as the Connection's own proxied legs (see setUpDeflate).
    void setProxiedLeg() { m_proxiedLeg = true; }
    // Outgoing bytes that the proxy forwarded unchanged: whole frames of the other leg's Incoming stream, from
    // streamOffset of it. A frame `received` lists is recorded from the other leg's row (its payload already
    // unmasked and checked), every other frame is decoded here as record() would.
    void recordForwarded(qint64 timeUs, const QByteArray &bytes, quint64 streamOffset, ReceivedMessages &received);
    // Messages recordForwarded() took from the other leg instead of decoding them.
    quint64 messagesDecodedOnce() const { return m_messagesDecodedOnce; }

    // Server perspective: the local server's side of this client hears the client's stream as it is decoded
    // here (one decoding for both the log and the server), with its message size limit. Null detaches.
    void setEndpoint(ServerSideEndpoint *endpoint);

    bool openSeen() const { return m_openSeen; }
    // When the client's handshake was read: its first TLS byte on an opaque wire (the TLS step starts there),
    // else the chunk that completed the upgrade request's head; -1 before.
    qint64 handshakeStartUs() const { return m_firstTlsByteUs >= 0 ? m_firstTlsByteUs : m_requestSentUs; }
    qint64 responseHeadUs() const { return m_responseHeadUs; } // -1 before, and on an opaque wire
    // Between two frames of the client's stream: where an injected frame may go.
    bool clientStreamAtBoundary() const { return m_requestDone && m_clientFrames.atFrameBoundary(); }
    // Data messages decoded from the client's own stream (not injected): lets a sender that injects frames
    // wait until every message the client socket was given has reached the tap, so it cannot overtake one.
    quint64 clientStreamMessages() const { return m_clientStreamMessages; }
    // The ordinal-th message of the client's own stream (from 1, as clientStreamMessages() counts) was sent
    // by the app itself: its row gets FlagAutomatic when it is decoded.
    void markAutomatic(quint64 ordinal) { m_automatic.push_back(ordinal); }
    quint64 clientStreamPings() const { return m_clientStreamPings; } // pings QWebSocket sent, as the tap saw them
    bool upgradeFailed() const { return m_upgradeFailed; }
    bool violationSeen() const { return m_violationSeen; }
    int firstCloseDirection() const { return m_firstCloseDir; } // -1 none, else int(Direction)
    // All of the above at once: what a batch of rows decoded elsewhere carries to the leg's thread.
    RecorderState state() const;

private:
    // The sinks of the two directions' frame decoders record into this recorder's leg and state.
    friend class WireDirectionSink;

    void recordClientStream(qint64 timeUs, QByteArrayView bytes);
    void recordServerStream(qint64 timeUs, QByteArrayView bytes);
    // One whole forwarded frame from the other leg's row, if `received` lists it and this leg's decoder would take
    // it exactly as the other leg's did (between messages, nothing failed or closed); false to decode it instead.
    bool recordReceivedFrame(FrameDecoder &decoder, WireDirectionSink &sink, const FrameHeader &header,
        QByteArrayView frame, quint64 streamOffset, ReceivedMessages &received);
    Direction clientDir() const { return m_clientDir; }
    Direction serverDir() const { return m_serverDir; }
    void recordEncrypted(Direction direction, qint64 timeUs, QByteArrayView bytes);
    void onRequestComplete(qint64 timeUs);
    void onResponseHeadComplete(qint64 timeUs);
    void onResponseComplete(qint64 timeUs);
    // The 101 is valid: reads what it negotiated for permessage-deflate (names every rule its answer broke).
    void setUpDeflate(const HandshakeRecord &hs);
    // The connection's status line (the sinks are no friends of Connection; this recorder is).
    void setConnectionStatus(const RecordedText &text);
    // An error row in the app's own words: English in the store, the leg's texts for the window.
    void appendError(Direction dir, ErrorLayer layer, const RecordedText &message);
    void append(EventType type, Direction dir, QByteArrayView payload, quint64 value = 0, quint8 sub = 0,
        quint8 flags = 0, quint32 maskKey = 0);
    void flushPendingFrame();

    // The Frame row of a single-frame data message waits here for its Message row, so that the store can keep
    // the two as one record (EventStore::appendFrameAndMessage). The decoder reports the message right after
    // its frame; anything else appended first flushes the frame as a row of its own.
    struct PendingFrame
    {
        EventRecord record;
        std::array<char, 14> header {}; // a frame header is at most 14 bytes
        quint8 headerSize = 0;
        bool active = false;
    };

    Connection *m_connection; // null when the rows go elsewhere (only asked whether it is proxied)
    std::unique_ptr<LegWriter> m_rows;
    ServerSideEndpoint *m_endpoint = nullptr;
    ReceivedMessages *m_receivedList = nullptr;
    bool m_proxiedLeg = false;
    quint64 m_messagesDecodedOnce = 0;
    PendingFrame m_pendingFrame;
    Perspective m_perspective;
    Direction m_clientDir; // the direction of bytes the client sends
    Direction m_serverDir;
    HandshakeParser m_request { HandshakeParser::Kind::Request };
    HandshakeParser m_response { HandshakeParser::Kind::Response };
    QList<HandshakeCheckItem> m_checks; // the 101's checks, once its head is read
    FrameDecoder m_clientFrames { FrameDecoder::Role::ClientToServer };
    FrameDecoder m_serverFrames { FrameDecoder::Role::ServerToClient };
    std::unique_ptr<FrameDecoder> m_injectedFrames;
    // permessage-deflate, once the 101 negotiated it: per direction, by the sender's parameters.
    std::unique_ptr<MessageInflation> m_clientInflation;
    std::unique_ptr<MessageInflation> m_serverInflation;
    bool m_feedingInjected = false;
    quint64 m_clientStreamMessages = 0;
    // Ordinals of client-stream messages to mark automatic, ascending. A QList: an empty one allocates nothing (an
    // empty std::deque took 576 bytes per recorder, and the test server keeps one per client: issue 12).
    QList<quint64> m_automatic;
    quint64 m_clientStreamPings = 0;
    WireDirectionSink m_clientSink;
    WireDirectionSink m_serverSink;
    qint64 m_now = 0;
    qint64 m_requestSentUs = -1;
    qint64 m_responseHeadUs = -1;
    qint64 m_lastPingOutUs = -1;
    qint64 m_lastPingInUs = -1;
    bool m_requestDone = false;
    bool m_responseHeadDone = false;
    bool m_responseDone = false;
    bool m_openSeen = false;
    bool m_upgradeFailed = false;
    bool m_violationSeen = false;
    int m_firstCloseDir = -1;
    // wss without interception: TLS record boundaries, for timings only.
    qint64 m_firstTlsByteUs = -1;
    qint64 m_firstAppDataOutUs = -1;
    int m_tlsOutSkip = 0; // bytes of the current outgoing record still to skip
    QByteArray m_tlsOutHeader; // partial outgoing record header
};

} // namespace wsi
