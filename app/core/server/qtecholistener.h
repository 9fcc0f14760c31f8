// QtEchoListener: the Qt engine's QWebSocketServer and its clients, on the server thread.
#pragma once

#include "server/serveroptions.h"

#include <QObject>
#include <QSet>

class QWebSocket;
class QWebSocketServer;

namespace wsi {

// What QtEchoServer runs on the ServerThread (issue 12: the GUI thread reads no socket of the local server): Qt's own
// QWebSocketServer on 127.0.0.1, echoing each message with Qt's own frames or staying silent. Made, used and deleted
// on that thread only.
class QtEchoListener : public QObject
{
    Q_OBJECT
public:
    QtEchoListener();
    ~QtEchoListener() override;

    // On a free loopback port; false with Qt's reason.
    bool listen(ServerMode mode, qint64 maxMessageSize, QString *error);
    quint16 port() const;
    // Closes every client with 1001 Going Away and stops listening.
    void stop();

private:
    void onNewConnection();

    QWebSocketServer *m_server;
    QSet<QWebSocket *> m_clients;
    ServerMode m_mode = ServerMode::Echo;
    qint64 m_maxMessageSize = 0;
};

} // namespace wsi
