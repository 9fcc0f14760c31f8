// ClientFeed: what of the server's bytes the tap passes on to its own QWebSocket, and what it leaves out.
#pragma once

#include "protocol/frameheader.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace wsi {

// The tap records every byte from the server before it reaches the feed; the feed decides what the tap's
// QWebSocket is handed. Two things may be left out, each only between whole frames:
// - pings, while auto-pong is off (QWebSocket would answer every ping by itself);
// - whole, well-formed single-frame messages, while skipping: the connection takes its messages from what the
//   recorder decoded off the wire, so a QWebSocket parsing them a second time (and converting text to QString)
//   only costs; that was a third of `connect`'s CPU under a flood (issue 12, decode once).
// Everything QWebSocket must act on still reaches it as it came: the HTTP response head, control frames
// (pongs for the keepalive, the close handshake), fragmented messages, text too long to check here, and every
// frame that breaks RFC 6455, after which everything passes so that QWebSocket fails the connection as it
// would have. Frames are cut by their headers alone and streamed: only a frame whose fate depends on its payload
// (a text frame to check for UTF-8) waits until it is whole. Sans-IO: the tap hands in bytes, writes what comes out.
class ClientFeed
{
public:
    using Write = std::function<void(QByteArrayView bytes)>;
    using Held = std::function<void()>;

    // A text frame longer than this passes (its UTF-8 would have to wait whole in the feed).
    static constexpr quint64 kLongestCheckedText = 1024 * 1024;

    // write gets every piece to pass on, held is called for every ping left out, both in wire order.
    ClientFeed(Write write, Held held);

    // Auto-pong off: pings are left out. Takes effect from the next frame.
    void setHoldingPings(bool hold) { m_holding = hold; }
    bool holdingPings() const { return m_holding; }
    // Leave out whole well-formed messages. Frames are only cut when holding or skipping was on as the server's
    // first bytes came (an encrypted tunnel's bytes are TLS records: they always pass as they come).
    void setSkippingMessages(bool skip) { m_skipping = skip; }
    bool skippingMessages() const { return m_skipping; }

    // Bytes from the server, in order; a partial head, frame header or checked text frame waits for its rest.
    void push(const QByteArray &data);

    // Messages left out so far (for tests and benchmarks).
    quint64 skippedMessages() const { return m_skipped; }
    // True once everything passes as it comes (no 101, a frame breaking the rules, a close, or never cut).
    bool passingEverything() const { return m_passAll; }

private:
    enum class Fate { Pass, Leave, WaitWhole, Broken };

    qsizetype cutFrames(QByteArrayView bytes);
    Fate fateOf(const FrameHeader &header, QByteArrayView payload, bool whole);
    bool breaksFraming(const FrameHeader &header) const;
    void takeHead(const QByteArray &data);
    void passRest(QByteArrayView bytes);

    Write m_write;
    Held m_held;
    bool m_holding = false;
    bool m_skipping = false;
    bool m_headDone = false; // past the HTTP response head: frames follow
    bool m_passAll = false;
    bool m_inMessage = false; // a fragmented message passed to the WebSocket has not ended yet
    bool m_frameLeaves = false; // the frame being streamed is left out, not passed
    quint64 m_frameLeft = 0; // bytes of the frame being streamed still to come
    quint64 m_skipped = 0;
    QByteArray m_head; // the response head while it is incomplete
    QByteArray m_pending; // a partial frame header, or a text frame being checked, waiting for its rest
};

} // namespace wsi
