// SocketIoEncoder: Socket.IO v5 packets over Engine.IO 4 as text frames (emit, ack, connect, disconnect).
#pragma once

#include "compose/idcounter.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace wsi {

// Sans-IO and stateless but for the ack ids, numbered per connection: emit with an ack takes the next one.
// A frame is "4" (Engine.IO message) + the Socket.IO packet: type, "/namespace," unless it is "/", the ack
// id, then the JSON array ["event", args...].
class SocketIoEncoder
{
public:
    // ackId < 0: no ack requested.
    static QByteArray emitPacket(
        const QString &nameSpace, const QString &event, const QJsonArray &args, int ackId = -1);
    // The answer to a server's emit that asked for an ack ("43" + ns + id + args).
    static QByteArray ackPacket(const QString &nameSpace, int ackId, const QJsonArray &args);
    // CONNECT to a namespace, with an optional auth object (an empty object sends none).
    static QByteArray connectPacket(const QString &nameSpace, const QJsonObject &auth = {});
    static QByteArray disconnectPacket(const QString &nameSpace);
    // "/admin" from "admin", "" or "/" for the main namespace.
    static QString normalizedNamespace(const QString &nameSpace);

    IdCounter &ackIds() { return m_ackIds; }

private:
    static QByteArray prefix(char type, const QString &nameSpace);

    IdCounter m_ackIds { 0 }; // socket.io-client starts at 0
};

} // namespace wsi
