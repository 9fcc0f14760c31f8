// ProtocolDecoder: the sans-IO interface every application-protocol decoder implements, and their factory.
#pragma once

#include "decode/decodedmessage.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

namespace wsi {

// Fed each WebSocket message of one connection in order; returns what the message holds (a frame can carry
// several messages, or none yet when a packet continues in the next frame). A decoder never throws, never
// loops without consuming input and bounds what it buffers; malformed input becomes a message with a note.
class ProtocolDecoder
{
public:
    virtual ~ProtocolDecoder();

    virtual QString protocolId() const = 0;
    virtual QList<DecodedMessage> decode(QByteArrayView message, DecodeDirection direction, bool isText) = 0;

    // The decoder for a protocol id ("socketio", "stomp", "graphql-ws", "jsonrpc", "mqtt", "signalr"), or
    // nullptr. variant is what detection learned: "EIO=3" for Socket.IO over Engine.IO 3, "v10.stomp"...
    static std::unique_ptr<ProtocolDecoder> create(const QString &protocolId, const QString &variant = {});

    // The ids create() knows.
    static QStringList protocolIds();
};

} // namespace wsi
