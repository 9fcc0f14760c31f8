// JsonLine: writes one compact JSON object line by hand, byte for byte as QJsonDocument::toJson(Compact) would.
#include "files/jsonline.h"

#include "protocol/httphead.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>

namespace wsi {

void JsonLine::bytes(const char *name, QByteArrayView data)
{
    if (data.isValidUtf8()) {
        utf8(name, data);
    } else {
        put(m_first ? "\"" : ",\"");
        m_first = false;
        put(name);
        put("_base64\":\"", 10);
        put(data.toByteArray().toBase64());
        put('"');
    }
}

void JsonLine::base64(const char *name, QByteArrayView data)
{
    key(name);
    put('"');
    put(data.toByteArray().toBase64());
    put('"');
}

void JsonLine::hex(const char *name, QByteArrayView data)
{
    key(name);
    put('"');
    for (const char c : data) {
        const char pair[2] = { kHexDigits[uchar(c) >> 4], kHexDigits[uchar(c) & 0xf] };
        put(pair, 2);
    }
    put('"');
}

void JsonLine::number(const char *name, double value)
{
    key(name);
    numberValue(value);
}

void JsonLine::numberValue(double value)
{
    const double magnitude = value < 0 ? -value : value;
    if (magnitude <= double(kMaxExactInteger) && value == double(qint64(value)))
        integerValue(qint64(value));
    else if (qIsFinite(value))
        put(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
    else
        put("null", 4);
}

void JsonLine::headers(const char *name, const HttpHead &head)
{
    key(name);
    put('[');
    bool first = true;
    for (const HttpHeader &h : head.headers) {
        put(first ? "[" : ",[", first ? 1 : 2);
        first = false;
        latin1Value(h.name);
        put(',');
        lossyUtf8Value(h.value);
        put(']');
    }
    put(']');
}

void JsonLine::jsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        put("null", 4);
        return;
    case QJsonValue::Bool:
        if (value.toBool())
            put("true", 4);
        else
            put("false", 5);
        return;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const double magnitude = d < 0 ? -d : d;
        if (magnitude < double(kMaxExactInteger) || !qIsFinite(d)) {
            numberValue(d);
            return;
        }
        // Past 2^53 a QJsonValue may hold an integer or a double, which print differently: let Qt say which.
        QByteArray text = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
        put(text.constData() + 1, text.size() - 2);
        return;
    }
    case QJsonValue::String:
        string(value.toString().toUtf8());
        return;
    case QJsonValue::Array: {
        put('[');
        bool first = true;
        for (const QJsonValue element : value.toArray()) {
            if (!first)
                put(',');
            first = false;
            jsonValue(element);
        }
        put(']');
        return;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        put('{');
        m_first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            keyText(it.key());
            jsonValue(it.value());
        }
        put('}');
        m_first = false;
        return;
    }
    }
}

void JsonLine::grow(qsizetype bytes)
{
    const qsizetype used = m_p - m_out.constData();
    m_out.resize(qMax(used + bytes, 2 * m_out.size()));
    m_p = m_out.data() + used;
    m_end = m_out.data() + m_out.size();
}

} // namespace wsi
