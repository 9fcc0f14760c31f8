// SignalRDecoder: the SignalR JSON hub protocol (records ended by 0x1E; handshake, invocations, streams).
#pragma once

#include "decode/protocoldecoder.h"

#include <QJsonObject>

namespace wsi {

// The first record each way is the handshake (request from the client, response from the server); every
// later record is a hub message with a numeric "type". State: whether each side's handshake went by.
class SignalRDecoder : public ProtocolDecoder
{
public:
    QString protocolId() const override { return QStringLiteral("signalr"); }
    QList<DecodedMessage> decode(QByteArrayView message, DecodeDirection direction, bool isText) override;

private:
    static DecodedMessage decodeHandshake(const QJsonObject &o, DecodeDirection direction);
    static DecodedMessage decodeHubMessage(const QJsonObject &o);

    bool m_clientHandshakeSeen = false;
    bool m_serverHandshakeSeen = false;
};

} // namespace wsi
