// MqttDecoder: MQTT 3.1.1 and 5 control packets over WebSocket, split or joined across messages.
#pragma once

#include "decode/protocoldecoder.h"

#include <QByteArray>

namespace wsi {

class MqttReader;

// MQTT over WebSocket rides in binary messages, and a packet may span messages or a message hold several
// packets: the bytes are buffered per direction, at most maxPacketSize of them; a larger declared packet is
// noted and its bytes skipped. State: the buffers and the protocol level from CONNECT (4: 3.1.1, 5: 5.0).
class MqttDecoder : public ProtocolDecoder
{
public:
    explicit MqttDecoder(qsizetype maxPacketSize = 1 << 20);

    QString protocolId() const override { return QStringLiteral("mqtt"); }
    QList<DecodedMessage> decode(QByteArrayView message, DecodeDirection direction, bool isText) override;

    int protocolLevel() const { return m_level; }

private:
    struct Side
    {
        QByteArray buffer;
        quint64 skip = 0; // bytes of an oversized packet still to pass over
    };

    DecodedMessage decodePacket(quint8 first, QByteArrayView body);
    void decodeConnect(MqttReader &r, DecodedMessage &m);
    void decodePublish(quint8 flags, MqttReader &r, DecodedMessage &m);
    void decodeSubscribe(bool subscribe, MqttReader &r, DecodedMessage &m);
    void decodeAcknowledgements(MqttReader &r, DecodedMessage &m);
    bool isV5() const { return m_level >= 5; }

    qsizetype m_maxPacketSize;
    int m_level = 4;
    Side m_sides[2]; // by DecodeDirection
};

} // namespace wsi
