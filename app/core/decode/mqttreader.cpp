// MqttReader: a bounds-checked cursor over one MQTT packet's bytes (integers, varints, strings, properties).
#include "decode/mqttreader.h"

#include "decode/decodedmessage.h"
#include "decode/decodetext.h"

#include <QJsonArray>

namespace wsi {

namespace {
enum class PropType { Byte, U16, U32, Varint, String, Binary, Pair };

struct PropDef
{
    quint8 id;
    PropType type;
    const char *name;
};

// MQTT 5.0 section 2.2.2.2, table 2-4.
constexpr PropDef kProperties[] = {
    { 0x01, PropType::Byte, "payload_format_indicator" },
    { 0x02, PropType::U32, "message_expiry_interval" },
    { 0x03, PropType::String, "content_type" },
    { 0x08, PropType::String, "response_topic" },
    { 0x09, PropType::Binary, "correlation_data" },
    { 0x0B, PropType::Varint, "subscription_identifier" },
    { 0x11, PropType::U32, "session_expiry_interval" },
    { 0x12, PropType::String, "assigned_client_identifier" },
    { 0x13, PropType::U16, "server_keep_alive" },
    { 0x15, PropType::String, "authentication_method" },
    { 0x16, PropType::Binary, "authentication_data" },
    { 0x17, PropType::Byte, "request_problem_information" },
    { 0x18, PropType::U32, "will_delay_interval" },
    { 0x19, PropType::Byte, "request_response_information" },
    { 0x1A, PropType::String, "response_information" },
    { 0x1C, PropType::String, "server_reference" },
    { 0x1F, PropType::String, "reason_string" },
    { 0x21, PropType::U16, "receive_maximum" },
    { 0x22, PropType::U16, "topic_alias_maximum" },
    { 0x23, PropType::U16, "topic_alias" },
    { 0x24, PropType::Byte, "maximum_qos" },
    { 0x25, PropType::Byte, "retain_available" },
    { 0x26, PropType::Pair, "user_property" },
    { 0x27, PropType::U32, "maximum_packet_size" },
    { 0x28, PropType::Byte, "wildcard_subscription_available" },
    { 0x29, PropType::Byte, "subscription_identifier_available" },
    { 0x2A, PropType::Byte, "shared_subscription_available" },
};
} // namespace

MqttReader::MqttReader(QByteArrayView bytes)
    : m_bytes(bytes)
{ }

void MqttReader::fail(const QString &id, const RecordedText &text)
{
    if (failed())
        return;
    m_errorId = id;
    m_error = text;
    m_at = m_bytes.size();
}

bool MqttReader::need(qsizetype n, const char *what)
{
    if (failed())
        return false;
    if (remaining() >= n)
        return true;
    fail(QStringLiteral("truncated-packet"),
        DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "%1 needs %2 bytes, %3 left"))
            .arg(RecordedText("wsi::DecodedMessage", what))
            .arg(n)
            .arg(remaining()));
    return false;
}

quint8 MqttReader::byte()
{
    return need(1, QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a byte")) ? quint8(m_bytes[m_at++]) : 0;
}

quint16 MqttReader::u16()
{
    if (!need(2, QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a two-byte integer")))
        return 0;
    const quint16 v = quint16(quint8(m_bytes[m_at]) << 8 | quint8(m_bytes[m_at + 1]));
    m_at += 2;
    return v;
}

quint32 MqttReader::u32()
{
    const quint32 high = u16();
    return high << 16 | u16();
}

quint32 MqttReader::varint()
{
    quint32 value = 0;
    for (int i = 0; i < 4; ++i) {
        if (!need(1, QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a variable byte integer")))
            return 0;
        const quint8 b = quint8(m_bytes[m_at++]);
        value |= quint32(b & 0x7F) << (7 * i);
        if (!(b & 0x80))
            return value;
    }
    fail(QStringLiteral("varint-too-long"),
        DecodedMessage::noteText(
            QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a variable byte integer has more than 4 bytes")));
    return 0;
}

QByteArrayView MqttReader::binary()
{
    const quint16 n = u16();
    if (!need(n, QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a string or binary field")))
        return {};
    const QByteArrayView v = m_bytes.sliced(m_at, n);
    m_at += n;
    return v;
}

QString MqttReader::string()
{
    const QByteArrayView v = binary();
    if (!failed() && !decodetext::isUtf8(v))
        fail(QStringLiteral("bad-utf8"),
            DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a UTF-8 string field is not valid UTF-8")));
    return QString::fromUtf8(v);
}

QByteArrayView MqttReader::rest()
{
    if (failed())
        return {};
    const QByteArrayView v = m_bytes.sliced(m_at);
    m_at = m_bytes.size();
    return v;
}

QJsonObject MqttReader::properties()
{
    QJsonObject out;
    const quint32 length = varint();
    if (!need(length, QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the properties")))
        return out;
    MqttReader inner(m_bytes.sliced(m_at, length));
    m_at += length;
    while (!inner.atEnd() && !inner.failed()) {
        const quint32 id = inner.varint();
        const PropDef *def = nullptr;
        for (const PropDef &d : kProperties) {
            if (d.id == id)
                def = &d;
        }
        if (!def) {
            inner.fail(QStringLiteral("unknown-property"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "property identifier 0x%1 is not defined"))
                    .arg(QStringLiteral("%1").arg(id, 2, 16, QLatin1Char('0'))));
            break;
        }
        const QString name = QString::fromLatin1(def->name);
        QJsonValue value;
        switch (def->type) {
        case PropType::Byte:
            value = inner.byte();
            break;
        case PropType::U16:
            value = inner.u16();
            break;
        case PropType::U32:
            value = double(inner.u32());
            break;
        case PropType::Varint:
            value = double(inner.varint());
            break;
        case PropType::String:
            value = inner.string();
            break;
        case PropType::Binary:
            value = decodetext::bytesValue(inner.binary());
            break;
        case PropType::Pair: {
            const QString key = inner.string();
            value = QJsonArray { key, inner.string() };
            break;
        }
        }
        if (def->type == PropType::Pair || def->id == 0x0B) {
            // These may repeat: kept as a list.
            QJsonArray list = out.value(name).toArray();
            list.append(value);
            out.insert(name, list);
        } else {
            out.insert(name, value);
        }
    }
    if (inner.failed())
        fail(inner.errorId(), inner.errorText());
    return out;
}

} // namespace wsi
