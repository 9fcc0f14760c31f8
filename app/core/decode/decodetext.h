// decodetext: helpers the decoders share (JSON of any value, compact JSON, bounded summaries, bytes as JSON).
#pragma once

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

namespace wsi::decodetext {

// Parses one JSON value of any type (object, array, string, number...). On failure returns false and
// sets error to Qt's message with its offset.
bool parseJsonValue(QByteArrayView text, QJsonValue &out, QString &error);

// The value as one line of compact JSON.
QString compactJson(const QJsonValue &value);

// Whether text is already exactly what compactJson() writes for the value it parses to: no whitespace,
// strings of printable ASCII without escapes, integers of at most 15 digits, true/false/null, object keys
// in the sorted order QJsonObject keeps them. Such text stands for the value in a summary without
// serialising it again; anything else (a float, "\u00e9", a space) is answered false, never wrongly true.
bool isCompactJson(QByteArrayView text);

// At most maxChars characters of text, with an ellipsis when cut; newlines shown as spaces.
QString elide(const QString &text, int maxChars = 120);

// Text when the bytes are valid UTF-8, else {"base64": ..., "size": n}; at most 64 KiB are kept.
QJsonValue bytesValue(QByteArrayView bytes);

// Always {"base64": ..., "size": n}, for bytes that are binary by nature (attachments); at most 64 KiB kept.
QJsonValue base64Value(QByteArrayView bytes);

// Whether the bytes are valid UTF-8.
bool isUtf8(QByteArrayView bytes);

} // namespace wsi::decodetext
