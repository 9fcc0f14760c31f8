// PayloadParser: reads what the user typed in the composer as text, JSON, hex or base64.
#include "compose/payloadparser.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cctype>

namespace wsi {

namespace {

void locate(const QString &input, int position, ParsedPayload *out)
{
    out->position = position;
    out->line = 1;
    out->column = 1;
    for (int i = 0; i < position && i < input.size(); ++i) {
        if (input.at(i) == QLatin1Char('\n')) {
            out->line++;
            out->column = 1;
        } else {
            out->column++;
        }
    }
}

ParsedPayload parseHex(const QString &input)
{
    ParsedPayload out;
    QByteArray digits;
    digits.reserve(input.size());
    for (int i = 0; i < input.size(); ++i) {
        const QChar c = input.at(i);
        if (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(':'))
            continue;
        // "0x" prefixes are allowed before each byte.
        if (c == QLatin1Char('0') && i + 1 < input.size()
            && (input.at(i + 1) == QLatin1Char('x') || input.at(i + 1) == QLatin1Char('X'))
            && (digits.size() % 2 == 0)) {
            ++i;
            continue;
        }
        const char ch = char(c.toLatin1());
        if (!std::isxdigit(static_cast<unsigned char>(ch)) || c.unicode() > 127) {
            locate(input, i, &out);
            out.error = QCoreApplication::translate(
                "wsi::PayloadParser", "Line %1, column %2: '%3' is not a hex digit (0-9, a-f).")
                            .arg(out.line)
                            .arg(out.column)
                            .arg(c);
            return out;
        }
        digits.append(ch);
    }
    if (digits.size() % 2 != 0) {
        out.error = QCoreApplication::translate(
            "wsi::PayloadParser", "Odd number of hex digits (%1): every byte needs two digits.")
                        .arg(digits.size());
        return out;
    }
    out.ok = true;
    out.bytes = QByteArray::fromHex(digits);
    return out;
}

ParsedPayload parseBase64(const QString &input)
{
    ParsedPayload out;
    QByteArray compact;
    for (int i = 0; i < input.size(); ++i) {
        const QChar c = input.at(i);
        if (c.isSpace())
            continue;
        const bool valid = (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || c == QLatin1Char('+') || c == QLatin1Char('/') || c == QLatin1Char('=') || c == QLatin1Char('-')
            || c == QLatin1Char('_');
        if (!valid) {
            locate(input, i, &out);
            out.error = QCoreApplication::translate(
                "wsi::PayloadParser", "Line %1, column %2: '%3' is not a base64 character.")
                            .arg(out.line)
                            .arg(out.column)
                            .arg(c);
            return out;
        }
        compact.append(char(c.toLatin1()));
    }
    const bool url = compact.contains('-') || compact.contains('_');
    // Standard base64 comes in padded groups of four; base64url often drops the padding.
    if (!url && compact.size() % 4 != 0) {
        out.error = QCoreApplication::translate("wsi::PayloadParser",
            "Not valid base64: %1 characters is not a multiple of 4; check the '=' padding at the end.")
                        .arg(compact.size());
        return out;
    }
    const auto options = url ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding;
    const auto decoded = QByteArray::fromBase64Encoding(compact, options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        out.error = QCoreApplication::translate(
            "wsi::PayloadParser", "Not valid base64: check the length and the '=' padding at the end.");
        return out;
    }
    out.ok = true;
    out.bytes = decoded.decoded;
    return out;
}

} // namespace

const char *payloadFormatId(PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::Text:
        return "text";
    case PayloadFormat::Json:
        return "json";
    case PayloadFormat::Hex:
        return "hex";
    case PayloadFormat::Base64:
        return "base64";
    }
    return "text";
}

ParsedPayload parsePayload(PayloadFormat format, const QString &input)
{
    switch (format) {
    case PayloadFormat::Text: {
        ParsedPayload out;
        out.ok = true;
        out.isText = true;
        out.bytes = input.toUtf8();
        return out;
    }
    case PayloadFormat::Json: {
        ParsedPayload out;
        const QByteArray utf8 = input.toUtf8();
        QJsonParseError error;
        QJsonDocument::fromJson(utf8, &error);
        if (error.error != QJsonParseError::NoError) {
            // The offset is in UTF-8 bytes; the editor counts characters.
            // Qt reports the offset just past the offending character.
            const int chars = qMax(0, int(QString::fromUtf8(utf8.left(error.offset)).size()) - 1);
            locate(input, chars, &out);
            out.error = QCoreApplication::translate("wsi::PayloadParser", "Line %1, column %2: %3.")
                            .arg(out.line)
                            .arg(out.column)
                            .arg(error.errorString());
            return out;
        }
        out.ok = true;
        out.isText = true;
        out.bytes = utf8;
        return out;
    }
    case PayloadFormat::Hex:
        return parseHex(input);
    case PayloadFormat::Base64:
        return parseBase64(input);
    }
    return {};
}

QString prettifyJson(const QString &input)
{
    const QJsonDocument doc = QJsonDocument::fromJson(input.toUtf8());
    return doc.isNull() ? input : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

QString minifyJson(const QString &input)
{
    const QJsonDocument doc = QJsonDocument::fromJson(input.toUtf8());
    return doc.isNull() ? input : QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

} // namespace wsi
