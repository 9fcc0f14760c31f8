// JsonLineScanner: fast, allocation-light reading of one session log line's fields.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace wsi {

// One value of a JSON object, as a view into the line: strings without their quotes (still escaped),
// numbers as their text, arrays and objects as their whole span (already checked to be well formed).
struct JsonValue
{
    enum class Kind : quint8 { Missing, String, Number, True, False, Null, Array, Object };
    Kind kind = Kind::Missing;
    bool escaped = false; // a string holding backslash escapes
    QByteArrayView raw;

    bool isMissing() const { return kind == Kind::Missing; }
    bool isString() const { return kind == Kind::String; }
};

struct JsonField
{
    QByteArrayView key;
    JsonValue value;
};

// Scans one line holding one JSON object: checks the whole line is well-formed JSON and keeps the top-level
// fields as views into it. SessionLogReader's parser: building a QJsonObject per line cost more than the
// rest of reopening a million-event session together.
class JsonLineScanner
{
public:
    explicit JsonLineScanner(QByteArrayView line);
    bool scan(std::vector<JsonField> &fields);
    QString errorText() const { return m_error; }

    // The bytes of a JSON string value (escapes undone, \uXXXX as UTF-8, lone surrogates as U+FFFD).
    static QByteArray stringBytes(const JsonValue &value);

private:
    bool error(const char *what);
    bool expect(char c, const char *what);
    void skipSpace();
    bool scanString(JsonValue &v);
    bool scanNumber(JsonValue &v);
    bool literal(const char *word, JsonValue::Kind kind, JsonValue &v);
    bool scanValue(JsonValue &v, int depth);

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    QString m_error;
};

} // namespace wsi
