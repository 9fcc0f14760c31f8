// decodetext: helpers the decoders share (JSON of any value, compact JSON, bounded summaries, bytes as JSON).
#include "decode/decodetext.h"

#include "protocol/utf8validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace wsi::decodetext {

namespace {
constexpr qsizetype kMaxKeptBytes = 64 * 1024;
// QJsonDocument refuses nesting deeper than 1024; below this length wrapping cannot reach that depth.
constexpr qsizetype kDirectParseMaxBytes = 2000;

// A recursive reader of the subset of JSON that QJsonDocument's compact writer writes back byte for byte;
// each function reads one value at `at` and moves past it.
// Deeper text is simply not taken as compact: the caller serialises it as before.
constexpr int kMaxCompactDepth = 64;
bool scanString(const char *&at, const char *end, std::string_view *content);
bool scanLiteral(const char *&at, const char *end, const char *word);
bool scanInteger(const char *&at, const char *end);
bool scanArray(const char *&at, const char *end, int depth);
bool scanObject(const char *&at, const char *end, int depth);

bool scanValue(const char *&at, const char *end, int depth)
{
    if (at == end)
        return false;
    switch (*at) {
    case '"':
        return scanString(at, end, nullptr);
    case '[':
        return scanArray(at, end, depth);
    case '{':
        return scanObject(at, end, depth);
    case 't':
        return scanLiteral(at, end, "true");
    case 'f':
        return scanLiteral(at, end, "false");
    case 'n':
        return scanLiteral(at, end, "null");
    default:
        return scanInteger(at, end);
    }
}

bool scanString(const char *&at, const char *end, std::string_view *content)
{
    const char *start = ++at;
    for (; at != end; ++at) {
        const uchar c = uchar(*at);
        if (c == '"') {
            if (content)
                *content = std::string_view(start, size_t(at - start));
            ++at;
            return true;
        }
        // Escapes, control and non-ASCII characters may be written differently than they were read.
        if (c < 0x20 || c > 0x7e || c == '\\')
            return false;
    }
    return false;
}

bool scanLiteral(const char *&at, const char *end, const char *word)
{
    const size_t size = std::strlen(word);
    if (size_t(end - at) < size || std::memcmp(at, word, size) != 0)
        return false;
    at += size;
    return true;
}

bool scanInteger(const char *&at, const char *end)
{
    const char *start = at;
    if (*at == '-')
        ++at;
    const char *digits = at;
    while (at != end && *at >= '0' && *at <= '9')
        ++at;
    const qsizetype count = at - digits;
    // Fractions, exponents, leading zeros and "-0" are written back in another form.
    if (count == 0 || count > 15 || (*digits == '0' && (count > 1 || digits != start)))
        return false;
    return at == end || (*at != '.' && *at != 'e' && *at != 'E');
}

bool scanArray(const char *&at, const char *end, int depth)
{
    if (depth >= kMaxCompactDepth)
        return false;
    if (++at != end && *at == ']') {
        ++at;
        return true;
    }
    for (;;) {
        if (!scanValue(at, end, depth + 1) || at == end)
            return false;
        if (*at == ']') {
            ++at;
            return true;
        }
        if (*at++ != ',')
            return false;
    }
}

bool scanObject(const char *&at, const char *end, int depth)
{
    if (depth >= kMaxCompactDepth)
        return false;
    if (++at != end && *at == '}') {
        ++at;
        return true;
    }
    std::string_view previous;
    for (bool first = true;; first = false) {
        std::string_view key;
        if (at == end || *at != '"' || !scanString(at, end, &key))
            return false;
        // QJsonObject keeps its keys sorted and unique.
        if (!first && !(previous < key))
            return false;
        previous = key;
        if (at == end || *at++ != ':' || !scanValue(at, end, depth + 1) || at == end)
            return false;
        if (*at == '}') {
            ++at;
            return true;
        }
        if (*at++ != ',')
            return false;
    }
}

} // namespace

bool parseJsonValue(QByteArrayView text, QJsonValue &out, QString &error)
{
    // Most protocols carry an object or an array, which QJsonDocument reads as it is. Whatever it refuses
    // takes the wrapping path below, so errors read as they always did.
    const auto first = std::find_if(
        text.begin(), text.end(), [](char c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r'; });
    if (first != text.end() && (*first == '{' || *first == '[') && text.size() <= kDirectParseMaxBytes) {
        QJsonParseError parseError;
        const QJsonDocument doc
            = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size()), &parseError);
        if (parseError.error == QJsonParseError::NoError) {
            out = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
            return true;
        }
    }
    // QJsonDocument reads only objects and arrays: wrapping the text in an array reads any value, and
    // anything after the value ("1],[2") still fails as trailing garbage.
    QByteArray wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped.append('[');
    wrapped.append(text.data(), text.size());
    wrapped.append(']');
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1) {
        error = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(qMax(0, parseError.offset - 1))
            : QStringLiteral("not exactly one JSON value");
        return false;
    }
    out = doc.array().at(0);
    return true;
}

QString compactJson(const QJsonValue &value)
{
    QJsonArray wrapper { value };
    const QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

bool isCompactJson(QByteArrayView text)
{
    const char *at = text.data();
    const char *end = text.data() + text.size();
    return scanValue(at, end, 0) && at == end;
}

QString elide(const QString &text, int maxChars)
{
    QString out = text.size() > maxChars ? text.left(maxChars) + QChar(0x2026) : text;
    const auto isBreak
        = [](QChar c) { return c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'); };
    // Looking first spares a copy of the usual one-line summary (writing through a shared QString detaches).
    if (std::none_of(out.cbegin(), out.cend(), isBreak))
        return out;
    for (QChar &c : out) {
        if (isBreak(c))
            c = QLatin1Char(' ');
    }
    return out;
}

bool isUtf8(QByteArrayView bytes)
{
    return Utf8Validator::isValidUtf8(bytes.data(), bytes.size());
}

QJsonValue bytesValue(QByteArrayView bytes)
{
    if (isUtf8(bytes) && bytes.size() <= kMaxKeptBytes)
        return QString::fromUtf8(bytes);
    return base64Value(bytes);
}

QJsonValue base64Value(QByteArrayView bytes)
{
    const QByteArrayView kept = bytes.first(qMin(bytes.size(), kMaxKeptBytes));
    QJsonObject out { { QStringLiteral("base64"), QString::fromLatin1(kept.toByteArray().toBase64()) },
        { QStringLiteral("size"), double(bytes.size()) } };
    if (kept.size() < bytes.size())
        out.insert(QStringLiteral("truncated"), true);
    return out;
}

} // namespace wsi::decodetext
