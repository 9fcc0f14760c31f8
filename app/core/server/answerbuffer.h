// AnswerBuffer: the frames a relayed client's server side answers with during one read, written and recorded at once.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

class QTcpSocket;

namespace wsi {

class MessageDeflater;
struct HttpHead;

// While a read of the client is decoded, the answers it brings (pongs, echoes, a Close) are gathered here and go to
// the socket in one write at the end, recorded as one chunk: exactly the bytes that went out. A client that talks
// alone gets each answer as it is framed instead (writeRest() during the read), so it can send its next message
// while the rest of its read is decoded.
class AnswerBuffer
{
public:
    // plainTcp: the socket is not a QSslSocket (see DirectSocketWrite).
    explicit AnswerBuffer(bool plainTcp);
    ~AnswerBuffer();
    AnswerBuffer(const AnswerBuffer &) = delete;
    AnswerBuffer &operator=(const AnswerBuffer &) = delete;

    // Accepts the request's permessage-deflate offers if one is acceptable (RFC 7692): returns the
    // Sec-WebSocket-Extensions value for the 101 (empty: none), and data messages go out compressed from then on
    // (what the client sends is inflated by the recorder, which hands the endpoint the inflated messages).
    QByteArray acceptDeflateOffers(const HttpHead &request);

    bool isEmpty() const { return m_bytes.isEmpty(); }
    // Bytes as they are (an HTTP response).
    void append(QByteArrayView bytes) { m_bytes += bytes; }
    // A server frame (unmasked); rsv1 marks a compressed message (RFC 7692 section 6).
    void appendFrame(quint8 opcode, QByteArrayView payload, bool rsv1 = false);
    // A data message in one frame, compressed when negotiated (uncompressed if the deflater failed).
    void appendMessage(bool isText, QByteArrayView payload);
    // A Close frame with code and reason; code < 0: without a body.
    void appendClose(int code, QByteArrayView reason);
    // Writes what is not written yet if the socket is connected; returns how many of the bytes are written so far.
    qsizetype writeRest(QTcpSocket *socket);
    // The first `count` bytes, to record what went out (the buffer itself when it all did: no copy).
    QByteArray first(qsizetype count) const { return count == m_bytes.size() ? m_bytes : m_bytes.left(count); }
    // Empties it, keeping the capacity for the next read's answers.
    void clear();

private:
    std::unique_ptr<MessageDeflater> m_deflater;
    QByteArray m_bytes;
    qsizetype m_written = 0; // the part already written (answers written as they came)
    bool m_plainTcp;
};

} // namespace wsi
