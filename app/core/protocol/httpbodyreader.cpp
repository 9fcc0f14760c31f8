// HttpBodyReader: the body of a refused upgrade, framed by Content-Length, chunked coding or the end of the stream.
#include "protocol/httpbodyreader.h"

#include <algorithm>
#include <cctype>

namespace wsi {

namespace {

// The words of an error: recorded in English, shown in the window's language (see RecordedText).
RecordedText said(const char *source)
{
    return RecordedText("wsi::HttpBodyReader", source);
}

// A chunk-size or trailer line longer than this is not a real peer; stop instead of buffering it.
constexpr qsizetype kMaxChunkLine = 4096;

} // namespace

HttpBodyReader::HttpBodyReader(int maxBodySize)
    : m_maxBodySize(std::max(maxBodySize, 0))
{ }

HttpBodyReader::State HttpBodyReader::start(const HttpHead &head)
{
    const QList<QByteArray> encodings = head.values("Transfer-Encoding");
    if (!encodings.isEmpty()) {
        // Chunked must be the last coding to frame the body (RFC 9112 section 6.3); otherwise read until close.
        const QList<QByteArray> codings = encodings.last().split(',');
        if (trimmedOws(codings.last()).compare("chunked", Qt::CaseInsensitive) == 0) {
            m_mode = Mode::Chunked;
            m_chunkState = ChunkState::SizeLine;
        } else {
            m_mode = Mode::UntilClose;
        }
        return m_state;
    }
    const QList<QByteArray> lengths = head.values("Content-Length");
    if (!lengths.isEmpty()) {
        qint64 length = -1;
        for (const QByteArray &field : lengths) {
            for (const QByteArray &item : field.split(',')) {
                const QByteArrayView v = trimmedOws(item);
                bool ok = !v.isEmpty() && v.size() <= 18
                    && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
                const qint64 n = ok ? v.toLongLong(&ok) : -1;
                if (!ok) {
                    fail(said(QT_TRANSLATE_NOOP("wsi::HttpBodyReader", "Content-Length \"%1\" is not a number."))
                             .arg(printableExcerpt(field)));
                    return m_state;
                }
                if (length >= 0 && n != length) {
                    fail(said(QT_TRANSLATE_NOOP("wsi::HttpBodyReader",
                                  "The response has conflicting Content-Length values (%1 and %2)."))
                             .arg(length)
                             .arg(n));
                    return m_state;
                }
                length = n;
            }
        }
        m_expected = length;
        m_remaining = length;
        if (length == 0) {
            m_state = State::Done;
            return m_state;
        }
        m_mode = Mode::Length;
        return m_state;
    }
    m_mode = Mode::UntilClose;
    return m_state;
}

void HttpBodyReader::append(QByteArrayView bytes)
{
    m_received += bytes.size();
    const qsizetype room = qsizetype(m_maxBodySize) - m_body.size();
    if (bytes.size() > room) {
        m_truncated = true;
        m_body.append(bytes.first(std::max<qsizetype>(room, 0)));
        return;
    }
    m_body.append(bytes);
}

qsizetype HttpBodyReader::feed(QByteArrayView bytes)
{
    if (m_state != State::Reading)
        return 0;
    switch (m_mode) {
    case Mode::Length: {
        const qsizetype take = qsizetype(std::min<qint64>(m_remaining, bytes.size()));
        append(bytes.first(take));
        m_remaining -= take;
        if (m_remaining == 0)
            m_state = State::Done;
        return take;
    }
    case Mode::UntilClose:
        append(bytes);
        return bytes.size();
    case Mode::Chunked:
        return feedChunked(bytes);
    }
    return 0;
}

qsizetype HttpBodyReader::feedChunked(QByteArrayView bytes)
{
    qsizetype pos = 0;
    while (pos < bytes.size() && m_state == State::Reading) {
        if (m_chunkState == ChunkState::Data) {
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, bytes.size() - pos));
            append(bytes.sliced(pos, take));
            pos += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_chunkState = ChunkState::DataEnd;
            continue;
        }
        // Size lines, the CRLF after chunk data and trailer lines are read a line at a time.
        const qsizetype nl = bytes.indexOf('\n', pos);
        const qsizetype lineEnd = nl < 0 ? bytes.size() : nl + 1;
        m_chunkLine.append(bytes.sliced(pos, lineEnd - pos));
        pos = lineEnd;
        if (m_chunkLine.size() > kMaxChunkLine) {
            fail(said(QT_TRANSLATE_NOOP("wsi::HttpBodyReader", "A line of the chunked body is longer than %1 bytes."))
                     .arg(kMaxChunkLine));
            break;
        }
        if (nl < 0)
            break;
        if (!m_chunkLine.endsWith("\r\n")) {
            fail(said(QT_TRANSLATE_NOOP("wsi::HttpBodyReader",
                "A line of the chunked body ends with a bare LF: chunked encoding requires CRLF.")));
            break;
        }
        const QByteArrayView line = QByteArrayView(m_chunkLine).chopped(2);
        switch (m_chunkState) {
        case ChunkState::SizeLine: {
            // Chunk extensions (";name=value") carry nothing we show.
            const qsizetype semicolon = line.indexOf(';');
            const QByteArrayView hex = trimmedOws(semicolon < 0 ? line : line.first(semicolon));
            bool ok = !hex.isEmpty() && hex.size() <= 15 && std::all_of(hex.begin(), hex.end(), [](char c) {
                return std::isxdigit(static_cast<unsigned char>(c));
            });
            const qint64 size = ok ? hex.toLongLong(&ok, 16) : -1;
            if (!ok) {
                fail(said(
                    QT_TRANSLATE_NOOP("wsi::HttpBodyReader", "The chunked body has an invalid chunk size line \"%1\"."))
                         .arg(printableExcerpt(line)));
                break;
            }
            m_remaining = size;
            m_chunkState = size == 0 ? ChunkState::Trailer : ChunkState::Data;
            break;
        }
        case ChunkState::DataEnd:
            if (!line.isEmpty()) {
                fail(said(QT_TRANSLATE_NOOP(
                    "wsi::HttpBodyReader", "A chunk of the chunked body is longer than its size line says.")));
                break;
            }
            m_chunkState = ChunkState::SizeLine;
            break;
        case ChunkState::Trailer:
            if (line.isEmpty())
                m_state = State::Done;
            break;
        case ChunkState::Data:
            break;
        }
        m_chunkLine.clear();
    }
    return pos;
}

void HttpBodyReader::finish()
{
    if (m_state != State::Reading)
        return;
    switch (m_mode) {
    case Mode::UntilClose:
        m_state = State::Done;
        break;
    case Mode::Length:
        fail(said(QT_TRANSLATE_NOOP("wsi::HttpBodyReader",
                      "The connection closed after %1 of the %2 body bytes announced by Content-Length."))
                 .arg(m_received)
                 .arg(m_expected));
        break;
    case Mode::Chunked:
        fail(said(QT_TRANSLATE_NOOP("wsi::HttpBodyReader",
                      "The connection closed in the middle of the chunked body (%1 bytes decoded)."))
                 .arg(m_received));
        break;
    }
}

void HttpBodyReader::fail(const RecordedText &error)
{
    m_state = State::Failed;
    m_error = error;
}

} // namespace wsi
