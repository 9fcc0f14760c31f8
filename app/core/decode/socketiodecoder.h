// SocketIoDecoder: Socket.IO packets over Engine.IO 4 (Socket.IO v3/v4) or 3 (Socket.IO v2) on WebSocket.
#pragma once

#include "decode/protocoldecoder.h"

#include <QJsonArray>
#include <QJsonObject>

namespace wsi {

// A text frame is one Engine.IO packet ("4" + a Socket.IO packet, "2" ping...). A BINARY_EVENT or
// BINARY_ACK announces attachments that follow as binary frames the same way; they are joined to their
// {"_placeholder":true,"num":n} when the last one arrives. State: the attachments awaited per direction.
class SocketIoDecoder : public ProtocolDecoder
{
public:
    explicit SocketIoDecoder(int engineIoVersion = 4);

    QString protocolId() const override { return QStringLiteral("socketio"); }
    QList<DecodedMessage> decode(QByteArrayView message, DecodeDirection direction, bool isText) override;

    int engineIoVersion() const { return m_engineIoVersion; }

    // More attachments than this in one packet is a note, not a wait.
    static constexpr int kMaxAttachments = 64;

private:
    struct Pending
    {
        DecodedMessage message; // the announcing packet, its fields as decoded
        int expected = 0;
        QJsonArray attachments;
    };

    DecodedMessage decodeEngineIo(QByteArrayView text, DecodeDirection direction);
    DecodedMessage decodeSocketIo(QByteArrayView packet, DecodeDirection direction);
    // m as decoded, checked against the attachments it announces and those the direction still awaits.
    DecodedMessage withPending(DecodedMessage m, int attachments, DecodeDirection direction);
    DecodedMessage decodeAttachment(QByteArrayView bytes, DecodeDirection direction);

    int m_engineIoVersion;
    Pending m_pending[2]; // by DecodeDirection
};

} // namespace wsi
