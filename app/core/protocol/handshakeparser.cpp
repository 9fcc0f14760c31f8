// HandshakeParser: incremental, sans-IO parser of one HTTP/1.1 head and a refused upgrade's body.
#include "protocol/handshakeparser.h"

#include <algorithm>
#include <cctype>

namespace wsi {

namespace {

// A chunk-size or trailer line longer than this is not a real peer; stop instead of buffering it.
constexpr qsizetype kMaxChunkLine = 4096;

bool isTokenChar(char c)
{
    // RFC 9110 section 5.6.2 tchar.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isTokenChar);
}

bool isHttpVersion(QByteArrayView v)
{
    return v.size() == 8 && v.startsWith("HTTP/") && v[5] >= '0' && v[5] <= '9' && v[6] == '.' && v[7] >= '0'
        && v[7] <= '9';
}

QString printable(QByteArrayView v)
{
    // Error messages quote peer bytes; keep them short and free of control characters.
    QString out;
    for (char c : v.first(std::min<qsizetype>(v.size(), 60)))
        out += (c >= 0x20 && c < 0x7F) ? QChar::fromLatin1(c) : QChar(u'?');
    if (v.size() > 60)
        out += QStringLiteral("...");
    return out;
}

} // namespace

HandshakeParser::HandshakeParser(Kind kind, int maxHeadSize, int maxBodySize)
    : m_kind(kind)
    , m_maxHeadSize(std::max(maxHeadSize, 16))
    , m_maxBodySize(std::max(maxBodySize, 0))
{ }

HandshakeParser::State HandshakeParser::state() const
{
    return m_state;
}

bool HandshakeParser::headComplete() const
{
    return !m_head.raw.isEmpty();
}

const HttpHead &HandshakeParser::head() const
{
    return m_head;
}

QByteArray HandshakeParser::body() const
{
    return m_body;
}

bool HandshakeParser::bodyTruncated() const
{
    return m_bodyTruncated;
}

QString HandshakeParser::error() const
{
    return m_error;
}

void HandshakeParser::fail(const QString &error)
{
    m_state = State::Failed;
    m_error = error;
}

qsizetype HandshakeParser::feed(QByteArrayView bytes)
{
    switch (m_state) {
    case State::ReadingHead: {
        const qsizetype used = feedHead(bytes);
        if (m_state != State::ReadingBody)
            return used;
        return used + feedBody(bytes.sliced(used));
    }
    case State::ReadingBody:
        return feedBody(bytes);
    case State::Done:
    case State::Failed:
        break;
    }
    return 0;
}

qsizetype HandshakeParser::feedHead(QByteArrayView bytes)
{
    const qsizetype old = m_buffer.size();
    const qsizetype room = qsizetype(m_maxHeadSize) - old;
    const QByteArrayView chunk = bytes.first(std::min(bytes.size(), room));
    m_buffer.append(chunk);

    // The head ends at the first empty line. Also stop at an LF-only empty line, so a peer that
    // forgets the CRs gets a clear error instead of an endless wait.
    qsizetype end = -1;
    const qsizetype size = m_buffer.size();
    const char *b = m_buffer.constData();
    for (qsizetype i = std::max<qsizetype>(0, old - 2); i < size; ++i) {
        if (b[i] != '\n')
            continue;
        if (i + 1 < size && b[i + 1] == '\n') {
            end = i + 2;
            break;
        }
        if (i + 2 < size && b[i + 1] == '\r' && b[i + 2] == '\n') {
            end = i + 3;
            break;
        }
    }
    if (end < 0) {
        if (m_buffer.size() >= m_maxHeadSize) {
            fail(QStringLiteral("The HTTP head is larger than the limit of %1 bytes (no empty line ends it).")
                     .arg(m_maxHeadSize));
        }
        return chunk.size();
    }

    const QByteArray raw = m_buffer.left(end);
    m_buffer.clear();
    const qsizetype used = end - old;
    if (!parseHead(raw))
        return used;
    m_head.raw = raw;
    chooseBodyMode();
    return used;
}

bool HandshakeParser::parseHead(QByteArrayView raw)
{
    HttpHead head;
    head.isRequest = m_kind == Kind::Request;
    qsizetype pos = 0;
    int lineNumber = 0;
    bool sawEnd = false;
    while (pos < raw.size()) {
        const qsizetype nl = raw.indexOf('\n', pos);
        ++lineNumber;
        if (nl < 0 || nl == pos || raw[nl - 1] != '\r') {
            fail(QStringLiteral(
                "Line %1 of the HTTP head ends with a bare LF: HTTP/1.1 requires every line to end with CRLF (\\r\\n).")
                     .arg(lineNumber));
            return false;
        }
        const QByteArrayView line = raw.sliced(pos, nl - 1 - pos);
        pos = nl + 1;
        if (line.contains('\r')) {
            fail(QStringLiteral("Line %1 of the HTTP head contains a stray CR character.").arg(lineNumber));
            return false;
        }
        if (lineNumber == 1) {
            if (line.isEmpty()) {
                fail(QStringLiteral("The HTTP head starts with an empty line instead of a %1 line.")
                         .arg(head.isRequest ? QStringLiteral("request") : QStringLiteral("status")));
                return false;
            }
            if (head.isRequest) {
                const qsizetype s1 = line.indexOf(' ');
                const qsizetype s2 = s1 < 0 ? -1 : line.indexOf(' ', s1 + 1);
                if (s1 < 0 || s2 < 0 || line.indexOf(' ', s2 + 1) >= 0) {
                    fail(QStringLiteral("The request line \"%1\" is not \"METHOD target HTTP/1.1\".")
                             .arg(printable(line)));
                    return false;
                }
                head.method = line.first(s1).toByteArray();
                head.target = line.sliced(s1 + 1, s2 - s1 - 1).toByteArray();
                head.version = line.sliced(s2 + 1).toByteArray();
                if (!isToken(head.method) || head.target.isEmpty() || !isHttpVersion(head.version)) {
                    fail(QStringLiteral("The request line \"%1\" is not \"METHOD target HTTP/1.1\".")
                             .arg(printable(line)));
                    return false;
                }
            } else {
                const qsizetype s1 = line.indexOf(' ');
                const QByteArrayView version = s1 < 0 ? line : line.first(s1);
                if (!isHttpVersion(version)) {
                    fail(QStringLiteral("The status line \"%1\" does not start with an HTTP version such as HTTP/1.1.")
                             .arg(printable(line)));
                    return false;
                }
                const QByteArrayView rest = s1 < 0 ? QByteArrayView() : line.sliced(s1 + 1);
                const QByteArrayView code = rest.first(std::min<qsizetype>(3, rest.size()));
                const bool digits = code.size() == 3
                    && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
                if (!digits || (rest.size() > 3 && rest[3] != ' ')) {
                    fail(QStringLiteral("The status line \"%1\" has no three-digit status code.").arg(printable(line)));
                    return false;
                }
                head.version = version.toByteArray();
                head.status = code.toInt();
                head.reason = rest.size() > 4 ? rest.sliced(4).toByteArray() : QByteArray();
            }
            continue;
        }
        if (line.isEmpty()) {
            sawEnd = true;
            break;
        }
        if (line.front() == ' ' || line.front() == '\t') {
            fail(QStringLiteral(
                "Line %1 of the HTTP head starts with whitespace (obsolete line folding), which is not supported.")
                     .arg(lineNumber));
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) {
            fail(QStringLiteral("Line %1 of the HTTP head, \"%2\", is not a \"Name: value\" header.")
                     .arg(lineNumber)
                     .arg(printable(line)));
            return false;
        }
        const QByteArrayView name = line.first(colon);
        if (!name.isEmpty() && (name.back() == ' ' || name.back() == '\t')) {
            fail(QStringLiteral("Header \"%1\" on line %2 has whitespace before the colon, which HTTP/1.1 forbids.")
                     .arg(printable(trimmedOws(name)))
                     .arg(lineNumber));
            return false;
        }
        if (!isToken(name)) {
            fail(QStringLiteral("Line %1 of the HTTP head has an invalid header name \"%2\".")
                     .arg(lineNumber)
                     .arg(printable(name)));
            return false;
        }
        head.headers.append(HttpHeader { name.toByteArray(), trimmedOws(line.sliced(colon + 1)).toByteArray() });
    }
    if (!sawEnd || pos != raw.size()) {
        // The caller cut raw at the first empty line, so this only happens for a head that is just one line.
        fail(QStringLiteral("The HTTP head has no %1 line before the empty line.")
                 .arg(head.isRequest ? QStringLiteral("request") : QStringLiteral("status")));
        return false;
    }
    m_head = head;
    return true;
}

bool HandshakeParser::chooseBodyMode()
{
    const int status = m_head.status;
    // Requests (the upgrade GET) and 101 responses hand the rest of the stream to the frame decoder.
    if (m_kind == Kind::Request || status == 101 || (status >= 100 && status < 200) || status == 204 || status == 304) {
        m_state = State::Done;
        return true;
    }
    const QList<QByteArray> encodings = m_head.values("Transfer-Encoding");
    if (!encodings.isEmpty()) {
        // Chunked must be the last coding to frame the body (RFC 9112 section 6.3); otherwise read until close.
        const QList<QByteArray> codings = encodings.last().split(',');
        if (trimmedOws(codings.last()).compare("chunked", Qt::CaseInsensitive) == 0) {
            m_bodyMode = BodyMode::Chunked;
            m_chunkState = ChunkState::SizeLine;
        } else {
            m_bodyMode = BodyMode::UntilClose;
        }
        m_state = State::ReadingBody;
        return true;
    }
    const QList<QByteArray> lengths = m_head.values("Content-Length");
    if (!lengths.isEmpty()) {
        qint64 length = -1;
        for (const QByteArray &field : lengths) {
            for (const QByteArray &item : field.split(',')) {
                const QByteArrayView v = trimmedOws(item);
                bool ok = !v.isEmpty() && v.size() <= 18
                    && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
                const qint64 n = ok ? v.toLongLong(&ok) : -1;
                if (!ok) {
                    fail(QStringLiteral("Content-Length \"%1\" is not a number.").arg(printable(field)));
                    return false;
                }
                if (length >= 0 && n != length) {
                    fail(QStringLiteral("The response has conflicting Content-Length values (%1 and %2).")
                             .arg(length)
                             .arg(n));
                    return false;
                }
                length = n;
            }
        }
        m_bodyExpected = length;
        m_bodyRemaining = length;
        if (length == 0) {
            m_state = State::Done;
            return true;
        }
        m_bodyMode = BodyMode::Length;
        m_state = State::ReadingBody;
        return true;
    }
    m_bodyMode = BodyMode::UntilClose;
    m_state = State::ReadingBody;
    return true;
}

void HandshakeParser::appendBody(QByteArrayView bytes)
{
    m_bodyReceived += bytes.size();
    const qsizetype room = qsizetype(m_maxBodySize) - m_body.size();
    if (bytes.size() > room) {
        m_bodyTruncated = true;
        m_body.append(bytes.first(std::max<qsizetype>(room, 0)));
        return;
    }
    m_body.append(bytes);
}

qsizetype HandshakeParser::feedBody(QByteArrayView bytes)
{
    switch (m_bodyMode) {
    case BodyMode::Length: {
        const qsizetype take = qsizetype(std::min<qint64>(m_bodyRemaining, bytes.size()));
        appendBody(bytes.first(take));
        m_bodyRemaining -= take;
        if (m_bodyRemaining == 0)
            m_state = State::Done;
        return take;
    }
    case BodyMode::UntilClose:
        appendBody(bytes);
        return bytes.size();
    case BodyMode::Chunked:
        return feedChunked(bytes);
    case BodyMode::None:
        break;
    }
    return 0;
}

qsizetype HandshakeParser::feedChunked(QByteArrayView bytes)
{
    qsizetype pos = 0;
    while (pos < bytes.size() && m_state == State::ReadingBody) {
        if (m_chunkState == ChunkState::Data) {
            const qsizetype take = qsizetype(std::min<qint64>(m_bodyRemaining, bytes.size() - pos));
            appendBody(bytes.sliced(pos, take));
            pos += take;
            m_bodyRemaining -= take;
            if (m_bodyRemaining == 0)
                m_chunkState = ChunkState::DataEnd;
            continue;
        }
        // Size lines, the CRLF after chunk data and trailer lines are read a line at a time.
        const qsizetype nl = bytes.indexOf('\n', pos);
        const qsizetype lineEnd = nl < 0 ? bytes.size() : nl + 1;
        m_chunkBuffer.append(bytes.sliced(pos, lineEnd - pos));
        pos = lineEnd;
        if (m_chunkBuffer.size() > kMaxChunkLine) {
            fail(QStringLiteral("A line of the chunked body is longer than %1 bytes.").arg(kMaxChunkLine));
            break;
        }
        if (nl < 0)
            break;
        if (!m_chunkBuffer.endsWith("\r\n")) {
            fail(QStringLiteral("A line of the chunked body ends with a bare LF: chunked encoding requires CRLF."));
            break;
        }
        const QByteArrayView line = QByteArrayView(m_chunkBuffer).chopped(2);
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
                fail(QStringLiteral("The chunked body has an invalid chunk size line \"%1\".").arg(printable(line)));
                break;
            }
            m_bodyRemaining = size;
            m_chunkState = size == 0 ? ChunkState::Trailer : ChunkState::Data;
            break;
        }
        case ChunkState::DataEnd:
            if (!line.isEmpty()) {
                fail(QStringLiteral("A chunk of the chunked body is longer than its size line says."));
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
        m_chunkBuffer.clear();
    }
    return pos;
}

void HandshakeParser::finish()
{
    if (m_state == State::ReadingHead) {
        if (m_buffer.isEmpty())
            fail(QStringLiteral("The connection closed before any HTTP data arrived."));
        else
            fail(QStringLiteral(
                "The connection closed in the middle of the HTTP head (%1 bytes received, no empty line yet).")
                     .arg(m_buffer.size()));
        return;
    }
    if (m_state != State::ReadingBody)
        return;
    switch (m_bodyMode) {
    case BodyMode::UntilClose:
        m_state = State::Done;
        break;
    case BodyMode::Length:
        fail(QStringLiteral("The connection closed after %1 of the %2 body bytes announced by Content-Length.")
                 .arg(m_bodyReceived)
                 .arg(m_bodyExpected));
        break;
    case BodyMode::Chunked:
        fail(QStringLiteral("The connection closed in the middle of the chunked body (%1 bytes decoded).")
                 .arg(m_bodyReceived));
        break;
    case BodyMode::None:
        m_state = State::Done;
        break;
    }
}

} // namespace wsi
