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

void JsonLine::json(const char *name, const QJsonValue &value)
{
    key(name);
    const QByteArray text = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    put(text);
}

void JsonLine::grow(qsizetype bytes)
{
    const qsizetype used = m_p - m_out.constData();
    m_out.resize(qMax(used + bytes, 2 * m_out.size()));
    m_p = m_out.data() + used;
    m_end = m_out.data() + m_out.size();
}

} // namespace wsi
