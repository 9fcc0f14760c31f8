// HarImporter: WebSocket entries of a HAR file (Chrome, Firefox) as read-only connections.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace wsi {

class Connection;

// Reads HAR 1.2 files, ours and those saved by Chrome/Chromium DevTools, into read-only Connections: one per
// WebSocket entry (`_resourceType` "websocket", or `_webSocketMessages`, or a ws/wss URL); other entries are
// skipped. HAR holds headers, not wire bytes: the raw heads are rebuilt from them, and the connection says so
// in an info row.
class HarImporter
{
public:
    bool readFile(const QString &path);
    bool read(const QByteArray &data);

    QString errorString() const { return m_error; }
    QStringList notes() const { return m_notes; }
    QString creator() const { return m_creator; } // "WebInspector 537.36"

    std::vector<std::unique_ptr<Connection>> takeConnections();
    const std::vector<std::unique_ptr<Connection>> &connections() const { return m_connections; }

private:
    bool fail(const QString &message);

    QString m_error;
    QStringList m_notes;
    QString m_creator;
    std::vector<std::unique_ptr<Connection>> m_connections;
};

} // namespace wsi
