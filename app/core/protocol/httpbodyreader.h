// HttpBodyReader: the body of a refused upgrade, framed by Content-Length, chunked coding or the end of the stream.
#pragma once

#include "language/recordedtext.h"
#include "protocol/httphead.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace wsi {

// Reads one HTTP/1.1 response body incrementally (RFC 9112 section 6): Content-Length, chunked (decoded), or until
// the peer closes. Keeps at most maxBodySize decoded bytes and says when it cut the rest.
class HttpBodyReader
{
public:
    enum class State { Reading, Done, Failed };

    explicit HttpBodyReader(int maxBodySize);

    // Chooses the framing from the response head. Failed (error() says why) for a malformed Content-Length;
    // Done at once for a Content-Length of 0.
    State start(const HttpHead &head);
    // Returns how many bytes belong to the body.
    qsizetype feed(QByteArrayView bytes);
    // The peer closed the stream: completes a body read until close, fails one cut short.
    void finish();

    State state() const { return m_state; }
    QByteArray body() const { return m_body; }
    bool truncated() const { return m_truncated; }
    QString error() const { return m_error.english(); }
    const RecordedText &errorText() const { return m_error; }

private:
    qsizetype feedChunked(QByteArrayView bytes);
    void append(QByteArrayView bytes);
    void fail(const RecordedText &error);

    int m_maxBodySize;
    State m_state = State::Reading;
    enum class Mode { Length, Chunked, UntilClose } m_mode = Mode::UntilClose;
    // Chunked: what the next line (or bytes) of the body is.
    enum class ChunkState { SizeLine, Data, DataEnd, Trailer } m_chunkState = ChunkState::SizeLine;
    QByteArray m_body;
    QByteArray m_chunkLine;
    bool m_truncated = false;
    RecordedText m_error;
    qint64 m_remaining = 0; // of the Content-Length, or of the current chunk
    qint64 m_expected = 0; // Content-Length
    qint64 m_received = 0; // decoded body bytes seen, including those past maxBodySize
};

} // namespace wsi
