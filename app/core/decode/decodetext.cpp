// decodetext: helpers the decoders share (JSON of any value, compact JSON, bounded summaries, bytes as JSON).
#include "decode/decodetext.h"

#include "protocol/utf8validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wsi::decodetext {

namespace {
constexpr qsizetype kMaxKeptBytes = 64 * 1024;
}

bool parseJsonValue(QByteArrayView text, QJsonValue &out, QString &error)
{
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

QString elide(const QString &text, int maxChars)
{
    QString out = text.size() > maxChars ? text.left(maxChars) + QChar(0x2026) : text;
    for (QChar &c : out) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
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
