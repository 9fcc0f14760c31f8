// JsonLineScanner: fast, allocation-light reading of one session log line's fields.
#include "files/jsonlinescanner.h"

#include <cstring>

namespace wsi {

namespace {

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, uint cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xc0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += char(0xe0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    } else {
        out += char(0xf0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3f));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    }
}

} // namespace

QByteArray JsonLineScanner::stringBytes(const JsonValue &v)
{
    if (!v.escaped)
        return v.raw.toByteArray();
    QByteArray out;
    out.reserve(v.raw.size());
    const char *p = v.raw.data();
    const char *const end = p + v.raw.size();
    auto hex4 = [](const char *q) {
        return uint((hexDigit(q[0]) << 12) | (hexDigit(q[1]) << 8) | (hexDigit(q[2]) << 4) | hexDigit(q[3]));
    };
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        out.append(run, p - run);
        if (p >= end)
            break;
        const char e = p[1]; // the scanner checked every escape is complete
        p += 2;
        switch (e) {
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            uint cp = hex4(p);
            p += 4;
            if (cp >= 0xd800 && cp < 0xdc00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                const uint low = hex4(p + 2);
                if (low >= 0xdc00 && low < 0xe000) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                    p += 6;
                }
            }
            if (cp >= 0xd800 && cp < 0xe000)
                cp = 0xfffd;
            appendUtf8(out, cp);
            break;
        }
        default:
            out += e;
            break; // " \ /
        }
    }
    return out;
}

JsonLineScanner::JsonLineScanner(QByteArrayView line)
    : m_begin(line.data())
    , m_p(line.data())
    , m_end(line.data() + line.size())
{ }

bool JsonLineScanner::scan(std::vector<JsonField> &fields)
{
    fields.clear();
    skipSpace();
    if (!expect('{', "expected '{' at the start of the line"))
        return false;
    skipSpace();
    if (m_p < m_end && *m_p == '}') {
        ++m_p;
    } else {
        for (;;) {
            skipSpace();
            JsonField field;
            JsonValue key;
            if (m_p >= m_end || *m_p != '"')
                return error("expected a quoted key");
            if (!scanString(key))
                return false;
            skipSpace();
            if (!expect(':', "expected ':' after a key"))
                return false;
            skipSpace();
            if (!scanValue(field.value, 0))
                return false;
            field.key = key.raw;
            fields.push_back(field);
            skipSpace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                continue;
            }
            if (!expect('}', "expected ',' or '}'"))
                return false;
            break;
        }
    }
    skipSpace();
    if (m_p != m_end)
        return error("unexpected text after the object");
    return true;
}

bool JsonLineScanner::error(const char *what)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1 at column %2").arg(QLatin1String(what)).arg(m_p - m_begin + 1);
    return false;
}

bool JsonLineScanner::expect(char c, const char *what)
{
    if (m_p < m_end && *m_p == c) {
        ++m_p;
        return true;
    }
    return error(m_p >= m_end ? "the line ends early" : what);
}

void JsonLineScanner::skipSpace()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\r' || *m_p == '\n'))
        ++m_p;
}

bool JsonLineScanner::scanString(JsonValue &v)
{
    ++m_p; // opening quote
    const char *start = m_p;
    bool escaped = false;
    for (;;) {
        // Fast path: plain bytes of a long text or base64 payload.
        while (m_p < m_end && uchar(*m_p) >= 0x20 && *m_p != '"' && *m_p != '\\')
            ++m_p;
        if (m_p >= m_end)
            return error("unterminated string");
        const char c = *m_p;
        if (c == '"')
            break;
        if (c == '\\') {
            escaped = true;
            if (m_end - m_p < 2)
                return error("unterminated string");
            const char e = m_p[1];
            if (e == 'u') {
                if (m_end - m_p < 6 || hexDigit(m_p[2]) < 0 || hexDigit(m_p[3]) < 0 || hexDigit(m_p[4]) < 0
                    || hexDigit(m_p[5]) < 0)
                    return error("bad \\u escape");
                m_p += 6;
            } else if (std::strchr("\"\\/bfnrt", e) && e != '\0') {
                m_p += 2;
            } else {
                return error("bad escape in a string");
            }
            continue;
        }
        return error("control character in a string");
    }
    v.kind = JsonValue::Kind::String;
    v.escaped = escaped;
    v.raw = QByteArrayView(start, m_p - start);
    ++m_p; // closing quote
    return true;
}

bool JsonLineScanner::scanNumber(JsonValue &v)
{
    const char *start = m_p;
    if (*m_p == '-')
        ++m_p;
    auto digits = [this] {
        const char *s = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return m_p - s;
    };
    if (m_p < m_end && *m_p == '0')
        ++m_p;
    else if (digits() == 0)
        return error("bad number");
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (digits() == 0)
            return error("bad number");
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (digits() == 0)
            return error("bad number");
    }
    v.kind = JsonValue::Kind::Number;
    v.raw = QByteArrayView(start, m_p - start);
    return true;
}

bool JsonLineScanner::literal(const char *word, JsonValue::Kind kind, JsonValue &v)
{
    const qsizetype length = qsizetype(std::strlen(word));
    if (m_end - m_p < length || std::memcmp(m_p, word, size_t(length)) != 0)
        return error("unexpected character");
    v.kind = kind;
    v.raw = QByteArrayView(m_p, length);
    m_p += length;
    return true;
}

bool JsonLineScanner::scanValue(JsonValue &v, int depth)
{
    if (m_p >= m_end)
        return error("the line ends early");
    if (depth > 64)
        return error("nested too deeply");
    const char c = *m_p;
    if (c == '"')
        return scanString(v);
    if (c == '-' || (c >= '0' && c <= '9'))
        return scanNumber(v);
    if (c == 't')
        return literal("true", JsonValue::Kind::True, v);
    if (c == 'f')
        return literal("false", JsonValue::Kind::False, v);
    if (c == 'n')
        return literal("null", JsonValue::Kind::Null, v);
    if (c != '[' && c != '{')
        return error("unexpected character");
    const bool object = c == '{';
    const char close = object ? '}' : ']';
    const char *start = m_p++;
    skipSpace();
    if (m_p < m_end && *m_p == close) {
        ++m_p;
    } else {
        for (;;) {
            skipSpace();
            JsonValue inner;
            if (object) {
                if (m_p >= m_end || *m_p != '"')
                    return error("expected a quoted key");
                if (!scanString(inner))
                    return false;
                skipSpace();
                if (!expect(':', "expected ':' after a key"))
                    return false;
                skipSpace();
            }
            if (!scanValue(inner, depth + 1))
                return false;
            skipSpace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                continue;
            }
            if (!expect(close, object ? "expected ',' or '}'" : "expected ',' or ']'"))
                return false;
            break;
        }
    }
    v.kind = object ? JsonValue::Kind::Object : JsonValue::Kind::Array;
    v.raw = QByteArrayView(start, m_p - start);
    return true;
}

} // namespace wsi
