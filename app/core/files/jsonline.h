// JsonLine: writes one compact JSON object line by hand, byte for byte as QJsonDocument::toJson(Compact) would.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstring>
#include <utility>

class QJsonValue;

namespace wsi {

struct HttpHead;

// The CLI prints one line per event of a flood, and building a QJsonObject per line (CBOR containers, a
// QString per value, sorting) cost ~15 us an event, far more than capturing it. The output is byte-for-byte
// what QJsonDocument::toJson(Compact) wrote for the same object: the same string escapes, integers as
// integers. Keys are written in the order the caller adds them, so the caller adds them sorted, as
// QJsonObject kept them. The small writers are inline: they run for every field of every line.
class JsonLine
{
public:
    static constexpr char kHexDigits[] = "0123456789abcdef";
    // QJsonValue(double) keeps integral doubles up to 2^53 as integers; larger ones are printed as doubles.
    static constexpr quint64 kMaxExactInteger = quint64(1) << 53;

    explicit JsonLine(qsizetype reserve)
    {
        m_out.resize(reserve);
        m_p = m_out.data();
        m_end = m_p + m_out.size();
        *m_p++ = '{';
    }

    // More members for a line whose start ("{...", without its closing brace) is written elsewhere: the
    // text starts with the separating comma and finish() closes the line. `buffer` (what an earlier
    // finish() returned) is written over, so that a caller adding to every line allocates once.
    static JsonLine continuation(QByteArray &&buffer) { return JsonLine(std::move(buffer)); }
    // A new line written after what `buffer` already holds; finish() returns the buffer with the line added. A
    // printer that keeps one buffer for many lines allocates only while it grows: a fresh QByteArray per line
    // was a malloc, a free and fresh memory for each of a flood's millions of lines.
    static JsonLine appending(QByteArray &&buffer, qsizetype reserve) { return JsonLine(std::move(buffer), reserve); }

    QByteArray finish()
    {
        put("}\n", 2);
        m_out.truncate(m_p - m_out.constData());
        return std::move(m_out);
    }

    void key(const char *name)
    {
        const qsizetype length = qsizetype(std::strlen(name));
        reserve(length + 4);
        if (m_first)
            m_first = false;
        else
            *m_p++ = ',';
        *m_p++ = '"';
        std::memcpy(m_p, name, size_t(length));
        m_p += length;
        *m_p++ = '"';
        *m_p++ = ':';
    }

    // Text known to be valid UTF-8.
    void utf8(const char *name, QByteArrayView text)
    {
        key(name);
        string(text);
    }
    // Our own ids (event types, directions, opcode names): printable ASCII with nothing to escape, copied as they
    // are. Checking them byte by byte on every line of a flood was a measurable part of printing it.
    void ascii(const char *name, QByteArrayView text)
    {
        key(name);
        reserve(text.size() + 2);
        *m_p++ = '"';
        if (!text.isEmpty())
            std::memcpy(m_p, text.data(), size_t(text.size()));
        m_p += text.size();
        *m_p++ = '"';
    }
    // Bytes the old writer passed through QString::fromLatin1.
    void latin1(const char *name, QByteArrayView text)
    {
        key(name);
        latin1Value(text);
    }
    // Bytes the old writer passed through QString::fromUtf8: invalid sequences become U+FFFD.
    void lossyUtf8(const char *name, QByteArrayView text)
    {
        key(name);
        lossyUtf8Value(text);
    }
    void text(const char *name, const QString &text)
    {
        key(name);
        string(text.toUtf8());
    }
    // A member another line wrote before, key and value as it wrote them (RepeatedPayloadText).
    void member(QByteArrayView keyAndValue)
    {
        separator();
        put(keyAndValue.data(), keyAndValue.size());
    }
    // Bytes written so far, and what was written from `offset` on (valid until the next write).
    qsizetype size() const { return m_p - m_out.constData(); }
    QByteArrayView since(qsizetype offset) const { return QByteArrayView(m_out.constData() + offset, size() - offset); }
    // Wire text: as text when it is valid UTF-8, otherwise as <name>_base64 so that every byte round-trips.
    void bytes(const char *name, QByteArrayView data);
    void base64(const char *name, QByteArrayView data);
    void hex(const char *name, QByteArrayView data);
    void hex32(const char *name, quint32 value)
    {
        key(name);
        char digits[10];
        digits[0] = digits[9] = '"';
        for (int i = 0; i < 8; ++i)
            digits[8 - i] = kHexDigits[(value >> (4 * i)) & 0xf];
        put(digits, 10);
    }
    void boolean(const char *name, bool value)
    {
        key(name);
        if (value)
            put("true", 4);
        else
            put("false", 5);
    }
    void null(const char *name)
    {
        key(name);
        put("null", 4);
    }
    void integer(const char *name, qint64 value)
    {
        key(name);
        integerValue(value);
    }
    // A number the old writer stored as a double.
    void number(const char *name, double value);
    // A qint64 the old writer stored as a double.
    void largeInteger(const char *name, qint64 value)
    {
        const quint64 magnitude = value < 0 ? quint64(0) - quint64(value) : quint64(value);
        if (magnitude <= kMaxExactInteger)
            integer(name, value);
        else
            number(name, double(value));
    }
    void unsignedNumber(const char *name, quint64 value)
    {
        if (value <= kMaxExactInteger)
            integer(name, qint64(value));
        else
            number(name, double(value));
    }
    void headers(const char *name, const HttpHead &head);
    // A nested value, written as QJsonDocument::toJson(Compact) writes it.
    void json(const char *name, const QJsonValue &value)
    {
        key(name);
        jsonValue(value);
    }
    // The same under a key that is not a literal (a decoder's field name).
    void json(const QString &name, const QJsonValue &value)
    {
        keyText(name);
        jsonValue(value);
    }
    // Starts an array as the value of name; end it with endArray(). Its elements: beginElementObject().
    void beginArray(const char *name)
    {
        key(name);
        put('[');
        m_first = true;
    }
    void endArray()
    {
        put(']');
        m_first = false;
    }
    // Starts an object as the next element of the array being written; end it with endObject().
    void beginElementObject()
    {
        separator();
        put('{');
        m_first = true;
    }
    // Starts a nested object as the value of name; end it with endObject().
    void beginObject(const char *name)
    {
        key(name);
        put('{');
        m_first = true;
    }
    void endObject()
    {
        put('}');
        m_first = false;
    }

    // Whether any of the eight bytes at p is a control character, '"' or '\\' (the word tests of "Bit Twiddling
    // Hacks": exact for "any byte", whatever the bytes at or above 0x80).
    static bool needsEscape(const char *p)
    {
        constexpr quint64 kOnes = 0x0101010101010101ull;
        constexpr quint64 kHighs = 0x8080808080808080ull;
        quint64 word;
        std::memcpy(&word, p, 8);
        const quint64 quote = word ^ (kOnes * '"');
        const quint64 backslash = word ^ (kOnes * '\\');
        const quint64 control = (word - kOnes * 0x20) & ~word;
        const quint64 quoteZero = (quote - kOnes) & ~quote;
        const quint64 backslashZero = (backslash - kOnes) & ~backslash;
        return ((control | quoteZero | backslashZero) & kHighs) != 0;
    }

private:
    explicit JsonLine(QByteArray &&buffer)
        : m_out(std::move(buffer))
        , m_first(false)
    {
        m_out.resize(qMax(m_out.capacity(), qsizetype(256)));
        m_p = m_out.data();
        m_end = m_p + m_out.size();
    }

    JsonLine(QByteArray &&buffer, qsizetype reserve)
        : m_out(std::move(buffer))
    {
        const qsizetype offset = m_out.size();
        m_out.resize(qMax(m_out.capacity(), offset + reserve));
        m_p = m_out.data() + offset;
        m_end = m_out.data() + m_out.size();
        *m_p++ = '{';
    }

    void separator()
    {
        if (m_first)
            m_first = false;
        else
            put(',');
    }
    void keyText(const QString &name)
    {
        separator();
        string(name.toUtf8());
        put(':');
    }
    void jsonValue(const QJsonValue &value);
    void numberValue(double value);

    void integerValue(qint64 value)
    {
        char digits[24];
        char *end = digits + sizeof digits;
        char *p = end;
        quint64 magnitude = value < 0 ? quint64(0) - quint64(value) : quint64(value);
        do {
            *--p = char('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude != 0);
        if (value < 0)
            *--p = '-';
        put(p, end - p);
    }

    void latin1Value(QByteArrayView text)
    {
        for (const char c : text) {
            if (uchar(c) >= 0x80) {
                string(QString::fromLatin1(text).toUtf8());
                return;
            }
        }
        string(text);
    }

    void lossyUtf8Value(QByteArrayView text)
    {
        if (text.isValidUtf8())
            string(text);
        else
            string(QString::fromUtf8(text).toUtf8());
    }

    // A JSON string from valid UTF-8: quote and backslash escaped, control characters as the short escapes
    // or \u00XX, everything else (multi-byte sequences included) copied as it is.
    void string(QByteArrayView text)
    {
        put('"');
        const char *p = text.data();
        const char *const end = p + text.size();
        const char *run = p;
        for (; p != end; ++p) {
            // Eight bytes at a time while none needs an escape: a proxy prints each message once per leg, and
            // comparing byte by byte was an eighth of its time with 64 KiB messages.
            while (end - p >= 8 && !needsEscape(p))
                p += 8;
            if (p == end)
                break;
            const uchar c = uchar(*p);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            put(run, p - run);
            run = p + 1;
            switch (c) {
            case '"':
                put("\\\"", 2);
                break;
            case '\\':
                put("\\\\", 2);
                break;
            case '\b':
                put("\\b", 2);
                break;
            case '\f':
                put("\\f", 2);
                break;
            case '\n':
                put("\\n", 2);
                break;
            case '\r':
                put("\\r", 2);
                break;
            case '\t':
                put("\\t", 2);
                break;
            default: {
                const char escape[6] = { '\\', 'u', '0', '0', kHexDigits[c >> 4], kHexDigits[c & 0xf] };
                put(escape, 6);
            }
            }
        }
        put(run, end - run);
        put('"');
    }

    void reserve(qsizetype bytes)
    {
        if (m_end - m_p < bytes)
            grow(bytes);
    }
    void grow(qsizetype bytes);
    void put(char c)
    {
        reserve(1);
        *m_p++ = c;
    }
    void put(const char *data, qsizetype size)
    {
        if (size <= 0)
            return; // an empty view may have no data pointer, which memcpy must not get
        reserve(size);
        std::memcpy(m_p, data, size_t(size));
        m_p += size;
    }
    void put(const char *text) { put(text, qsizetype(std::strlen(text))); }
    void put(const QByteArray &bytes) { put(bytes.constData(), bytes.size()); }

    // m_out is sized ahead; m_p is where the next byte goes and m_end the end of the sized area.
    QByteArray m_out;
    char *m_p = nullptr;
    char *m_end = nullptr;
    bool m_first = true;
};

} // namespace wsi
