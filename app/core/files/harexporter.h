// HarExporter: connections as a HAR 1.2 file with Chrome's _webSocketMessages.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace wsi {

class Connection;

// Writes connections as HAR 1.2 in the shape Chrome DevTools writes for WebSockets: the opening handshake
// is the entry's request and response, `_resourceType` is "websocket", and the data messages are in
// `_webSocketMessages` ({type: send|receive, time: seconds since the epoch, opcode: 1|2, data}; binary data
// as base64). HAR has no place for frames, pings or Close frames; use the session log format for those.
class HarExporter
{
public:
    // One HAR entry for a connection.
    static QJsonObject entry(const Connection &connection);
    // {"log": {...}} with one entry per connection.
    static QJsonObject document(const QList<const Connection *> &connections);
    static QByteArray toJson(const QList<const Connection *> &connections);
    // Written atomically (QSaveFile); false with *error set when it cannot be written.
    static bool writeFile(const QString &path, const QList<const Connection *> &connections, QString *error = nullptr);
};

} // namespace wsi
