// HandshakeParser: incremental, sans-IO parser of one HTTP/1.1 head and a refused upgrade's body.
#pragma once

#include "protocol/httphead.h"

#include <QByteArrayView>
#include <QString>

namespace wsi {

// Incremental, sans-IO parser of one HTTP/1.1 head (and for non-101 responses, the body).
class HandshakeParser
{
public:
    enum class Kind { Request, Response };
    enum class State {
        ReadingHead,
        ReadingBody, // a non-101 response with a body (Content-Length, chunked, or until close)
        Done, // head complete (101: nothing more belongs to HTTP) or body complete
        Failed, // malformed head; error() says why
    };

    explicit HandshakeParser(Kind kind, int maxHeadSize = 64 * 1024, int maxBodySize = 1024 * 1024);

    // Returns how many bytes belong to HTTP. After a 101 response (or a request head) is complete,
    // the remaining bytes are WebSocket frames and are not consumed.
    qsizetype feed(QByteArrayView bytes);

    // The peer closed the stream: completes a body read until close.
    void finish();

    State state() const;
    bool headComplete() const;
    const HttpHead &head() const;
    QByteArray body() const; // decoded body (chunked transfer decoded); at most maxBodySize bytes
    bool bodyTruncated() const; // the body exceeded maxBodySize
    QString error() const;

private:
    Kind m_kind;
    int m_maxHeadSize;
    int m_maxBodySize;
    State m_state = State::ReadingHead;
    HttpHead m_head;
    QByteArray m_buffer;
    QByteArray m_body;
    bool m_bodyTruncated = false;
    QString m_error;
    // body framing
    enum class BodyMode { None, Length, Chunked, UntilClose } m_bodyMode = BodyMode::None;
    qint64 m_bodyRemaining = 0;
    QByteArray m_chunkBuffer;

    // Added by the implementation (handshakeparser.cpp).
    enum class ChunkState { SizeLine, Data, DataEnd, Trailer } m_chunkState = ChunkState::SizeLine;
    qint64 m_bodyExpected = 0; // Content-Length
    qint64 m_bodyReceived = 0; // decoded body bytes seen, including those past maxBodySize
    qsizetype feedHead(QByteArrayView bytes);
    bool parseHead(QByteArrayView raw);
    bool chooseBodyMode();
    qsizetype feedBody(QByteArrayView bytes);
    qsizetype feedChunked(QByteArrayView bytes);
    void appendBody(QByteArrayView bytes);
    void fail(const QString &error);
};

} // namespace wsi
