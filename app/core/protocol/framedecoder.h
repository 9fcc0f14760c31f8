// FrameDecoder: incremental, sans-IO RFC 6455 frame decoding, message reassembly and every violation named.
#pragma once

#include "protocol/frameheader.h"
#include "protocol/protocolviolation.h"
#include "protocol/utf8validator.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wsi {

// Receives what FrameDecoder finds. Views are valid only during the call.
class FrameSink
{
public:
    virtual ~FrameSink() = default;
    // Every complete frame (data or control), in wire order, before the message or control event it completes.
    // headerBytes are the raw header bytes; payload is already unmasked.
    virtual void onFrame(const FrameHeader &header, QByteArrayView headerBytes, QByteArrayView payload) = 0;
    // A complete (reassembled) data message. frameCount >= 1.
    virtual void onMessage(bool isText, QByteArrayView payload, int frameCount) = 0;
    // A large reassembled message, handed over with its buffer so that the sink can keep it without copying.
    virtual void onMessageBuffer(bool isText, QByteArray &&payload, int frameCount)
    {
        onMessage(isText, payload, frameCount);
    }
    virtual void onPing(QByteArrayView payload) = 0;
    virtual void onPong(QByteArrayView payload) = 0;
    // code is -1 when the Close frame had no payload (then reason is empty).
    virtual void onClose(int code, QByteArrayView reason) = 0;
    // After a violation the decoder stops: later feed() calls are ignored (the connection is failed, RFC 6455 7.1.7).
    virtual void onViolation(const ProtocolViolation &violation) = 0;
};

// Incremental, sans-IO RFC 6455 frame decoder for one direction of one connection.
// Any split of the same byte stream into feed() calls yields the same sink calls.
class FrameDecoder
{
public:
    enum class Role {
        ServerToClient, // frames sent by a server: must not be masked
        ClientToServer, // frames sent by a client: must be masked
    };

    explicit FrameDecoder(Role role, quint64 maxMessageSize = quint64(256) * 1024 * 1024);

    void feed(QByteArrayView bytes, FrameSink &sink);

    // Allows RSV1 (a negotiated extension such as permessage-deflate); off by default.
    void setAllowRsv1(bool allow);

    bool failed() const;
    // True between frames: no header or payload is half read (where an injected frame may go).
    bool atFrameBoundary() const { return m_headerHave == 0 && !m_inPayload; }
    bool closeReceived() const;
    quint64 bytesConsumed() const;

private:
    // Implementation detail; see framedecoder.cpp.
    struct State;
    Role m_role;
    quint64 m_maxMessageSize;
    bool m_allowRsv1 = false;
    bool m_failed = false;
    bool m_closeReceived = false;
    quint64 m_consumed = 0;

    // Partial header accumulated across feed() calls.
    unsigned char m_headerBuf[14] = {};
    int m_headerHave = 0;
    FrameHeader m_header;
    bool m_inPayload = false;
    quint64 m_payloadHave = 0;
    QByteArray m_framePayload; // payload of the current frame, unmasked
    QByteArray m_message; // reassembly buffer of a fragmented message
    bool m_messageInProgress = false;
    bool m_messageIsText = false;
    int m_messageFrames = 0;
    quint64 m_frameStart = 0;

    // Added by the implementation (framedecoder.cpp).
    bool decodeHeader(FrameSink &sink);
    void appendPayload(const char *data, qsizetype size);
    void finishFrame(QByteArrayView payload, bool zeroCopy, FrameSink &sink);
    void finishClose(QByteArrayView payload, FrameSink &sink);
    void resetMessage();
    // detail: words spelled with QT_TRANSLATE_NOOP("wsi::FrameDecoder", ...) (see ProtocolViolation::text()).
    void fail(ViolationKind kind, const RecordedText &detail, FrameSink &sink);

    Utf8Validator m_textValidator; // runs over the text message as its bytes arrive
    bool m_messageCompressed = false; // RSV1 allowed and set: the payload is compressed, not UTF-8
    qsizetype m_frameOffsetInMessage = 0; // where the current data frame starts inside m_message
};

} // namespace wsi
