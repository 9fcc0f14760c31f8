// HandshakeParser: incremental, sans-IO parser of one HTTP/1.1 head and a refused upgrade's body.
#include "protocol/handshakeparser.h"

#include "protocol/httptoken.h"

#include <algorithm>
#include <cctype>

namespace wsi {

namespace {

// The words of an error: recorded in English, shown in the window's language (see RecordedText).
RecordedText said(const char *source)
{
    return RecordedText("wsi::HandshakeParser", source);
}

bool isToken(QByteArrayView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), HttpToken::isTokenChar);
}

bool isHttpVersion(QByteArrayView v)
{
    return v.size() == 8 && v.startsWith("HTTP/") && v[5] >= '0' && v[5] <= '9' && v[6] == '.' && v[7] >= '0'
        && v[7] <= '9';
}

} // namespace

HandshakeParser::HandshakeParser(Kind kind, int maxHeadSize, int maxBodySize)
    : m_kind(kind)
    , m_maxHeadSize(std::max(maxHeadSize, 16))
    , m_body(maxBodySize)
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
    return m_body.body();
}

bool HandshakeParser::bodyTruncated() const
{
    return m_body.truncated();
}

QString HandshakeParser::error() const
{
    return m_error.english();
}

void HandshakeParser::fail(const RecordedText &error)
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
            fail(said(QT_TRANSLATE_NOOP("wsi::HandshakeParser",
                          "The HTTP head is larger than the limit of %1 bytes (no empty line ends it)."))
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
            fail(said(QT_TRANSLATE_NOOP("wsi::HandshakeParser",
                          "Line %1 of the HTTP head ends with a bare LF: HTTP/1.1 requires every line to end with CRLF "
                          "(\\r\\n)."))
                     .arg(lineNumber));
            return false;
        }
        const QByteArrayView line = raw.sliced(pos, nl - 1 - pos);
        pos = nl + 1;
        if (line.contains('\r')) {
            fail(said(
                QT_TRANSLATE_NOOP("wsi::HandshakeParser", "Line %1 of the HTTP head contains a stray CR character."))
                     .arg(lineNumber));
            return false;
        }
        if (lineNumber == 1) {
            if (line.isEmpty()) {
                fail(said(QT_TRANSLATE_NOOP(
                              "wsi::HandshakeParser", "The HTTP head starts with an empty line instead of a %1 line."))
                         .arg(head.isRequest ? said(QT_TRANSLATE_NOOP("wsi::HandshakeParser", "request"))
                                             : said(QT_TRANSLATE_NOOP("wsi::HandshakeParser", "status"))));
                return false;
            }
            if (head.isRequest) {
                const qsizetype s1 = line.indexOf(' ');
                const qsizetype s2 = s1 < 0 ? -1 : line.indexOf(' ', s1 + 1);
                if (s1 < 0 || s2 < 0 || line.indexOf(' ', s2 + 1) >= 0) {
                    fail(said(QT_TRANSLATE_NOOP(
                                  "wsi::HandshakeParser", "The request line \"%1\" is not \"METHOD target HTTP/1.1\"."))
                             .arg(printableExcerpt(line)));
                    return false;
                }
                head.method = line.first(s1).toByteArray();
                head.target = line.sliced(s1 + 1, s2 - s1 - 1).toByteArray();
                head.version = line.sliced(s2 + 1).toByteArray();
                if (!isToken(head.method) || head.target.isEmpty() || !isHttpVersion(head.version)) {
                    fail(said(QT_TRANSLATE_NOOP(
                                  "wsi::HandshakeParser", "The request line \"%1\" is not \"METHOD target HTTP/1.1\"."))
                             .arg(printableExcerpt(line)));
                    return false;
                }
            } else {
                const qsizetype s1 = line.indexOf(' ');
                const QByteArrayView version = s1 < 0 ? line : line.first(s1);
                if (!isHttpVersion(version)) {
                    fail(said(QT_TRANSLATE_NOOP("wsi::HandshakeParser",
                                  "The status line \"%1\" does not start with an HTTP version such as HTTP/1.1."))
                             .arg(printableExcerpt(line)));
                    return false;
                }
                const QByteArrayView rest = s1 < 0 ? QByteArrayView() : line.sliced(s1 + 1);
                const QByteArrayView code = rest.first(std::min<qsizetype>(3, rest.size()));
                const bool digits = code.size() == 3
                    && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
                if (!digits || (rest.size() > 3 && rest[3] != ' ')) {
                    fail(said(QT_TRANSLATE_NOOP(
                                  "wsi::HandshakeParser", "The status line \"%1\" has no three-digit status code."))
                             .arg(printableExcerpt(line)));
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
            fail(said(
                QT_TRANSLATE_NOOP("wsi::HandshakeParser",
                    "Line %1 of the HTTP head starts with whitespace (obsolete line folding), which is not supported."))
                     .arg(lineNumber));
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) {
            fail(said(QT_TRANSLATE_NOOP(
                          "wsi::HandshakeParser", "Line %1 of the HTTP head, \"%2\", is not a \"Name: value\" header."))
                     .arg(lineNumber)
                     .arg(printableExcerpt(line)));
            return false;
        }
        const QByteArrayView name = line.first(colon);
        if (!name.isEmpty() && (name.back() == ' ' || name.back() == '\t')) {
            fail(said(QT_TRANSLATE_NOOP("wsi::HandshakeParser",
                          "Header \"%1\" on line %2 has whitespace before the colon, which HTTP/1.1 forbids."))
                     .arg(printableExcerpt(trimmedOws(name)))
                     .arg(lineNumber));
            return false;
        }
        if (!isToken(name)) {
            fail(said(QT_TRANSLATE_NOOP(
                          "wsi::HandshakeParser", "Line %1 of the HTTP head has an invalid header name \"%2\"."))
                     .arg(lineNumber)
                     .arg(printableExcerpt(name)));
            return false;
        }
        head.headers.append(HttpHeader { name.toByteArray(), trimmedOws(line.sliced(colon + 1)).toByteArray() });
    }
    if (!sawEnd || pos != raw.size()) {
        // The caller cut raw at the first empty line, so this only happens for a head that is just one line.
        fail(said(QT_TRANSLATE_NOOP("wsi::HandshakeParser", "The HTTP head has no %1 line before the empty line."))
                 .arg(head.isRequest ? said(QT_TRANSLATE_NOOP("wsi::HandshakeParser", "request"))
                                     : said(QT_TRANSLATE_NOOP("wsi::HandshakeParser", "status"))));
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
    return followBody(m_body.start(m_head));
}

bool HandshakeParser::followBody(HttpBodyReader::State body)
{
    switch (body) {
    case HttpBodyReader::State::Reading:
        m_state = State::ReadingBody;
        return true;
    case HttpBodyReader::State::Done:
        m_state = State::Done;
        return true;
    case HttpBodyReader::State::Failed:
        fail(m_body.errorText());
        return false;
    }
    return false;
}

qsizetype HandshakeParser::feedBody(QByteArrayView bytes)
{
    const qsizetype used = m_body.feed(bytes);
    followBody(m_body.state());
    return used;
}

void HandshakeParser::finish()
{
    if (m_state == State::ReadingHead) {
        if (m_buffer.isEmpty())
            fail(
                said(QT_TRANSLATE_NOOP("wsi::HandshakeParser", "The connection closed before any HTTP data arrived.")));
        else
            fail(said(
                QT_TRANSLATE_NOOP("wsi::HandshakeParser",
                    "The connection closed in the middle of the HTTP head (%1 bytes received, no empty line yet)."))
                     .arg(m_buffer.size()));
        return;
    }
    if (m_state != State::ReadingBody)
        return;
    m_body.finish();
    followBody(m_body.state());
}

} // namespace wsi
