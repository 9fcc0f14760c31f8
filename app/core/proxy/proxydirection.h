// ProxyDirection: one direction of one proxied connection as the rules see it: whole messages in, frames out.
#pragma once

#include "protocol/frameheader.h"
#include "proxy/framehook.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace wsi {

class MessageDeflater;
class MessageInflater;

// Gathers a fragmented message (bounded by the max message size) so that rules see it whole, inflates it when
// permessage-deflate was negotiated, and encodes what goes on: the original frames byte for byte while nothing
// was changed, one new frame otherwise (masked toward the server, as a client must; unmasked toward the client).
//
// Compression: the sender's inflater sees every compressed message in order (its window follows the sender's).
// Once the proxy changes or drops a compressed message of a direction with context takeover, the receiver's
// window no longer follows the sender's, so every later compressed message of that direction is inflated and
// deflated again with the proxy's own deflater. A fresh deflater is valid then: its output only refers back to
// bytes it produced, which the receiver has inflated too. Injected messages go uncompressed (RSV1 clear), which
// RFC 7692 allows and which leaves both windows alone.
class ProxyDirection
{
public:
    struct Message
    {
        quint8 opcode = 0x1; // 1 text, 2 binary
        QByteArray payload; // unmasked, inflated
        QByteArray wire; // its frames as they arrived
        bool compressed = false;
        int frames = 0;
    };

    ProxyDirection(FrameHook::Toward toward, quint64 maxMessageBytes);
    ~ProxyDirection();
    ProxyDirection(const ProxyDirection &) = delete;
    ProxyDirection &operator=(const ProxyDirection &) = delete;

    // The negotiated parameters for this direction's sender (window bits and whether it keeps its context).
    void setDeflate(int windowBits, bool noContextTakeover);
    bool deflateNegotiated() const { return m_windowBits > 0; }

    // Feeds one frame as it arrived. Frames that go on as they are (control frames, the frames of a message not
    // gathered) are appended to out. true when a whole message was gathered: *message holds it and it is the
    // caller's to pass on (encode()) or not. gather: whether a message should be gathered at all (there are rules
    // for this direction); with compression every message is.
    bool feed(const FrameHeader &header, QByteArrayView frame, bool gather, QByteArray &out, Message *message);

    // The bytes that carry message on: its own frames while nothing changed, else one new frame. payload: the
    // edited payload, or nullptr for the message as it was.
    QByteArray encode(const Message &message, const QByteArray *payload);
    // The message was dropped (or will go on changed): a direction with context takeover re-encodes from now on.
    void changed(const Message &message);
    // One frame carrying an injected message, uncompressed.
    QByteArray encodeInjected(quint8 opcode, const QByteArray &payload) const;

    // Between the first and the last frame of a message that goes on frame by frame: nothing may be written
    // in between (an injection waits).
    bool midMessage() const { return m_midMessage; }
    // Data messages the sender sent and the proxy wrote to the receiver: their ordinals on each leg.
    quint64 fromSender() const { return m_fromSender; }
    quint64 toReceiver() const { return m_toReceiver; }
    void countWritten() { ++m_toReceiver; }
    // Why the last message could not be read (inflation failed): empty when it could.
    QString problem() const { return m_problem; }

private:
    QByteArray frameFor(quint8 opcode, bool rsv1, const QByteArray &payload) const;

    FrameHook::Toward m_toward;
    quint64 m_maxMessageBytes;
    int m_windowBits = 0; // 0: not negotiated
    bool m_noContextTakeover = false;
    std::unique_ptr<MessageInflater> m_inflater;
    std::unique_ptr<MessageDeflater> m_deflater; // once re-encoding began
    bool m_reencoding = false;
    bool m_inflaterLost = false; // a message it could not follow went by: nothing compressed can be changed now

    Message m_gathering;
    bool m_gatheringOn = false;
    bool m_passing = false; // the rest of an oversized (or not gathered) message goes frame by frame
    bool m_midMessage = false;
    quint64 m_fromSender = 0;
    quint64 m_toReceiver = 0;
    QString m_problem;
};

} // namespace wsi
