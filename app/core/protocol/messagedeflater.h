// MessageDeflater: compresses messages for one direction with the negotiated permessage-deflate parameters.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

namespace wsi {

// One per direction we send in (an injected or edited message goes out compressed when the connection
// negotiated permessage-deflate). The window lives on across messages unless noContextTakeover.
class MessageDeflater
{
public:
    // windowBits 8..15 (zlib's raw deflate starts at 9, whose usable window still fits in 256 bytes); level as
    // zlib's (-1: its default).
    MessageDeflater(int windowBits, bool noContextTakeover, int level = -1);
    ~MessageDeflater();
    MessageDeflater(const MessageDeflater &) = delete;
    MessageDeflater &operator=(const MessageDeflater &) = delete;

    // The payload to send in frames with RSV1 on the first: compressed and flushed, the 0x00 0x00 0xff 0xff
    // tail removed (RFC 7692 section 7.2.1). Empty only when zlib failed (isValid() false).
    QByteArray deflateMessage(QByteArrayView payload);
    bool isValid() const;

    quint64 compressedBytes() const { return m_compressedBytes; }
    quint64 uncompressedBytes() const { return m_uncompressedBytes; }

private:
    struct Stream; // zlib's state, kept out of the header
    std::unique_ptr<Stream> m_stream;
    bool m_noContextTakeover;
    quint64 m_compressedBytes = 0;
    quint64 m_uncompressedBytes = 0;
};

} // namespace wsi
