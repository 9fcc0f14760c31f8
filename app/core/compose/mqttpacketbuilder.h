// MqttPacketBuilder: MQTT 3.1.1 and 5 control packets a client sends (CONNECT, SUBSCRIBE, PUBLISH, PINGREQ...).
#pragma once

#include "compose/idcounter.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace wsi {

// Sans-IO. Each packet is fixed header (type and flags, Remaining Length as a Variable Byte Integer), then
// the variable header and payload. For MQTT 5 (level 5) every packet that has properties carries an empty
// property list (length 0). Packet ids (SUBSCRIBE, UNSUBSCRIBE, PUBLISH with QoS > 0) run 1..65535.
class MqttPacketBuilder
{
public:
    struct Connect
    {
        QString clientId;
        quint16 keepAlive = 60;
        bool cleanStart = true;
        QString username; // empty: none
        QString password; // empty: none
    };
    using Subscription = QPair<QString, int>; // topic filter, maximum QoS

    explicit MqttPacketBuilder(int protocolLevel = 4);

    int protocolLevel() const { return m_level; }
    void setProtocolLevel(int level) { m_level = level; }
    IdCounter &packetIds() { return m_packetIds; }

    QByteArray connect(const Connect &c) const;
    QByteArray subscribe(quint16 packetId, const QList<Subscription> &topics) const;
    QByteArray unsubscribe(quint16 packetId, const QStringList &topics) const;
    // packetId is used only when qos > 0.
    QByteArray publish(const QString &topic, const QByteArray &payload, int qos, bool retain, quint16 packetId,
        bool dup = false) const;
    static QByteArray pingreq();
    QByteArray disconnect() const;

    static QByteArray varint(quint32 value);

private:
    static QByteArray packet(quint8 first, const QByteArray &body);
    static QByteArray string(const QString &s);
    static QByteArray u16(quint16 v);
    QByteArray noProperties() const;

    int m_level;
    IdCounter m_packetIds { 1, 65535 };
};

} // namespace wsi
