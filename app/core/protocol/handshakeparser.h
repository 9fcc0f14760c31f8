// HandshakeParser: incremental, sans-IO parser of one HTTP/1.1 head and a refused upgrade's body.
#pragma once

#include "language/recordedtext.h"
#include "protocol/httpbodyreader.h"
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
    QString error() const; // in English: what goes on the wire (a 400's body) and what tests read
    const RecordedText &errorText() const { return m_error; } // the same words, for a recorded error row

private:
    qsizetype feedHead(QByteArrayView bytes);
    bool parseHead(QByteArrayView raw);
    bool chooseBodyMode();
    qsizetype feedBody(QByteArrayView bytes);
    // Takes the body reader's state as the parser's; false when the body failed.
    bool followBody(HttpBodyReader::State body);
    void fail(const RecordedText &error);

    Kind m_kind;
    int m_maxHeadSize;
    State m_state = State::ReadingHead;
    HttpHead m_head;
    QByteArray m_buffer;
    HttpBodyReader m_body;
    RecordedText m_error;
};

} // namespace wsi
