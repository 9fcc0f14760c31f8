// MessageInflater: inflates one direction's permessage-deflate messages (RFC 7692 7.2.2), capped and sans-IO.
#pragma once

#include "protocol/deflateviolation.h"

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

namespace wsi {

// One per direction of a connection: the sender's LZ77 window lives on across messages unless that direction
// negotiated no_context_takeover. A message inflates in bounded chunks into the caller's buffer, which never
// grows past maxMessageSize: one byte more is a named deflate bomb, not an exhausted memory.
class MessageInflater
{
public:
    // windowBits 8..15: the sender's negotiated max window bits (a peer reaching further back is corrupt data).
    MessageInflater(int windowBits, bool noContextTakeover, quint64 maxMessageSize);
    ~MessageInflater();
    MessageInflater(const MessageInflater &) = delete;
    MessageInflater &operator=(const MessageInflater &) = delete;

    // Inflates the next part of the current message's compressed payload (a frame's, as it arrives), appending
    // to *out. False once the message is a bomb or corrupt: violation() says which; the inflater is then spent.
    bool feed(QByteArrayView compressed, QByteArray *out);
    // Ends the message: inflates the 0x00 0x00 0xff 0xff tail the sender stripped (RFC 7692 section 7.2.2).
    bool finishMessage(QByteArray *out);
    // A whole message's concatenated frame payloads: feed() then finishMessage().
    bool inflateMessage(QByteArrayView compressed, QByteArray *out);

    bool failed() const { return m_failed; }
    const DeflateViolation &violation() const { return m_violation; }

    // The compression ratio of this direction: what came on the wire, what it inflated to.
    quint64 compressedBytes() const { return m_compressedBytes; }
    quint64 inflatedBytes() const { return m_inflatedBytes; }
    quint64 messages() const { return m_messages; }
    double ratio() const { return m_compressedBytes ? double(m_inflatedBytes) / double(m_compressedBytes) : 0.0; }

private:
    struct Stream; // zlib's state, kept out of the header
    bool run(QByteArrayView input, QByteArray *out);
    bool restartStream();
    bool fail(DeflateViolationKind kind, const RecordedText &detail);

    std::unique_ptr<Stream> m_stream;
    int m_windowBits;
    bool m_noContextTakeover;
    quint64 m_maxMessageSize;
    quint64 m_messageSize = 0; // inflated bytes of the message in progress
    quint64 m_messageCompressedSize = 0; // its compressed bytes so far
    quint64 m_compressedBytes = 0;
    quint64 m_inflatedBytes = 0;
    quint64 m_messages = 0;
    bool m_failed = false;
    DeflateViolation m_violation;
};

} // namespace wsi
