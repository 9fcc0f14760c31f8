// MqttPacketBuilder: MQTT 3.1.1 and 5 client control packets.
#include "compose/mqttpacketbuilder.h"

#include <QStringList>

namespace wsi {

MqttPacketBuilder::MqttPacketBuilder(int protocolLevel)
    : m_level(protocolLevel)
{ }

QByteArray MqttPacketBuilder::varint(quint32 value)
{
    QByteArray out;
    do {
        quint8 b = value % 128;
        value /= 128;
        if (value > 0)
            b |= 0x80;
        out += char(b);
    } while (value > 0);
    return out;
}

QByteArray MqttPacketBuilder::u16(quint16 v)
{
    QByteArray out;
    out += char(v >> 8);
    out += char(v & 0xff);
    return out;
}

QByteArray MqttPacketBuilder::string(const QString &s)
{
    const QByteArray utf8 = s.toUtf8().left(65535);
    return u16(quint16(utf8.size())) + utf8;
}

QByteArray MqttPacketBuilder::packet(quint8 first, const QByteArray &body)
{
    return char(first) + varint(quint32(body.size())) + body;
}

QByteArray MqttPacketBuilder::noProperties() const
{
    return m_level >= 5 ? QByteArray(1, '\0') : QByteArray();
}

QByteArray MqttPacketBuilder::connect(const Connect &c) const
{
    quint8 flags = c.cleanStart ? 0x02 : 0x00;
    if (!c.username.isEmpty())
        flags |= 0x80;
    if (!c.password.isEmpty())
        flags |= 0x40;
    QByteArray body = string(QStringLiteral("MQTT")) + char(m_level) + char(flags) + u16(c.keepAlive);
    body += noProperties();
    body += string(c.clientId);
    if (!c.username.isEmpty())
        body += string(c.username);
    if (!c.password.isEmpty())
        body += string(c.password); // Binary Data has the same u16-length form
    return packet(0x10, body);
}

QByteArray MqttPacketBuilder::subscribe(quint16 packetId, const QList<Subscription> &topics) const
{
    QByteArray body = u16(packetId) + noProperties();
    for (const auto &[topic, qos] : topics)
        body += string(topic) + char(qBound(0, qos, 2));
    return packet(0x82, body); // SUBSCRIBE's flags are 0010 by the spec
}

QByteArray MqttPacketBuilder::unsubscribe(quint16 packetId, const QStringList &topics) const
{
    QByteArray body = u16(packetId) + noProperties();
    for (const QString &topic : topics)
        body += string(topic);
    return packet(0xa2, body);
}

QByteArray MqttPacketBuilder::publish(
    const QString &topic, const QByteArray &payload, int qos, bool retain, quint16 packetId, bool dup) const
{
    qos = qBound(0, qos, 2);
    const quint8 first = quint8(0x30 | (dup ? 0x08 : 0) | (qos << 1) | (retain ? 0x01 : 0));
    QByteArray body = string(topic);
    if (qos > 0)
        body += u16(packetId);
    body += noProperties();
    body += payload;
    return packet(first, body);
}

QByteArray MqttPacketBuilder::pingreq()
{
    return QByteArray::fromHex("c000");
}

QByteArray MqttPacketBuilder::disconnect() const
{
    // MQTT 5 lets a DISCONNECT with reason 0 and no properties be just the fixed header.
    return QByteArray::fromHex("e000");
}

} // namespace wsi
