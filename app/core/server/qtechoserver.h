// QtEchoServer: an in-process QWebSocketServer on loopback that echoes (or stays silent): the Qt engine's server.
#pragma once

#include "server/serveroptions.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace wsi {

class QtEchoListener;
class ServerThread;

// Qt's own WebSocket server, untouched by WS Inspector's wire code: whatever it answers (its 101, its frames,
// its close handshake) is Qt's. It listens on 127.0.0.1 only, on a free port; the recording relay in front of it
// (QtEngineServer) is what users connect to. Its sockets live on the ServerThread (QtEchoListener), not on the
// thread that made this (issue 12); start() and stop() wait for that thread, so they answer at once as before.
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
    bool isListening() const { return m_port != 0; }
    // ws://127.0.0.1:port/
    QUrl url() const;
    // The thread its sockets live on (tests); null when it is not listening.
    QThread *socketThread() const;

private:
    // The listener is deleted on its thread after the events already posted to it; the thread is let go.
    void dropListener();

    std::shared_ptr<ServerThread> m_thread;
    QtEchoListener *m_listener = nullptr; // lives on m_thread
    quint16 m_port = 0;
};

} // namespace wsi
