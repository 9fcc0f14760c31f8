// QtEngineServer: the test server's Qt engine: a QWebSocketServer behind the recording relay, both legs recorded.
#pragma once

#include "server/serveroptions.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

namespace wsi {

class QtEchoServer;
class ReverseProxy;
class Workspace;

// "How does a Qt server answer my client?": clients connect to a ReverseProxy on the address the user chose, and
// each is relayed to an in-process QtEchoServer on a free loopback port. Every client is one proxied Connection
// with two legs: the client leg as the client sent and got it, the server leg as Qt's server answered it.
class QtEngineServer : public QObject
{
    Q_OBJECT
public:
    explicit QtEngineServer(Workspace *workspace, QObject *parent = nullptr);
    ~QtEngineServer() override;

    // options.engine must be Qt (options.validate() says what the engine cannot do); false with the reason.
    bool start(const ServerOptions &options, QString *error = nullptr);
    // The Qt server closes every client with 1001 Going Away (relayed to the clients); the relay stops listening
    // at once and closes what is left after a bound.
    void stop();
    bool isRunning() const;
    const ServerOptions &options() const { return m_options; }
    // What clients connect to: the relay's ws://host:port/.
    QUrl url() const;
    quint16 port() const;
    // The Qt server's own ws://127.0.0.1:port/, the upstream of the server leg.
    QUrl qtUrl() const;
    // Clients on the relay right now.
    int clientCount() const;

Q_SIGNALS:
    void started(const QUrl &url);
    void stopped();

private:
    void finishStop();

    QtEchoServer *m_qt;
    ReverseProxy *m_relay;
    ServerOptions m_options;
    QUrl m_url;
    QTimer m_stopBound;
    bool m_running = false;
};

} // namespace wsi
