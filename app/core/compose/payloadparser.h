// PayloadParser: reads what the user typed in the composer as text, JSON, hex or base64.
#pragma once

#include <QByteArray>
#include <QString>

namespace wsi {

// How the composer reads what the user typed.
enum class PayloadFormat { Text, Json, Hex, Base64 };

const char *payloadFormatId(PayloadFormat format); // "text", "json", "hex", "base64"

// The bytes to send, or a plain-words error with where it is. Nothing malformed is ever sent silently.
struct ParsedPayload
{
    bool ok = false;
    QByteArray bytes;
    bool isText = false; // goes out as a text message
    QString error; // e.g. "Line 3, column 7: missing value after ':'"
    int line = 0; // 1-based, 0 when not applicable
    int column = 0; // 1-based
    int position = -1; // 0-based character offset in the input, -1 when not applicable
};

ParsedPayload parsePayload(PayloadFormat format, const QString &input);

// JSON helpers for the composer's Prettify / Minify (input must be valid JSON; else returned unchanged).
QString prettifyJson(const QString &input);
QString minifyJson(const QString &input);

} // namespace wsi
