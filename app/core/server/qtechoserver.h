// QtEchoServer: an in-process QWebSocketServer on loopback that echoes (or stays silent): the Qt engine's server.
#pragma once

#include "server/serveroptions.h"

#include <QObject>
#include <QSet>
#include <QUrl>

class QWebSocket;
class QWebSocketServer;

namespace wsi {

// Qt's own WebSocket server, untouched by WS Inspector's wire code: whatever it answers (its 101, its frames,
// its close handshake) is Qt's. It listens on 127.0.0.1 only, on a free port; the recording relay in front of it
// (QtEngineServer) is what users connect to.
class QtEchoServer : public QObject
{
    Q_OBJECT
public:
    // The name QWebSocketServer sends in its 101's Server header.
    static QString serverName();

    explicit QtEchoServer(QObject *parent = nullptr);
    ~QtEchoServer() override;

    // mode: Echo or Silent (qtEngineSupportsMode); false with the reason in error.
    bool start(ServerMode mode, qint64 maxMessageSize, QString *error = nullptr);
    // Closes every client with 1001 Going Away and stops listening.
    void stop();
    bool isListening() const;
    // ws://127.0.0.1:port/
    QUrl url() const;
    int clientCount() const { return int(m_clients.size()); }

private:
    void onNewConnection();

    QWebSocketServer *m_server;
    QSet<QWebSocket *> m_clients;
    ServerMode m_mode = ServerMode::Echo;
    qint64 m_maxMessageSize = 0;
};

} // namespace wsi
