// ReverseProxy: listens for WebSocket clients and relays each to one fixed upstream, recording both legs.
#pragma once

#include "proxy/reverseproxyoptions.h"

#include <QObject>
#include <QSet>
#include <QUrl>

class QTcpServer;

namespace wsi {

class FrameHook;
class ProxiedClient;
class Workspace;

// The reverse proxy mode of the intercepting proxy: a user points their app at ws://127.0.0.1:P/... instead
// of the real server, and every client becomes one proxied Connection in the workspace, with its client leg
// and its server leg (see ProxiedClient). The upstream is the one the user gave; a request naming any other
// target, or an upstream that is this proxy itself, is refused.
class ReverseProxy : public QObject
{
    Q_OBJECT
public:
    explicit ReverseProxy(Workspace *workspace, QObject *parent = nullptr);
    ~ReverseProxy() override;

    // Listens; false with the reason in error (bad options, the port taken).
    bool start(const ReverseProxyOptions &options, QString *error = nullptr);
    // Stops listening and closes every proxied client's two sockets.
    void stop();
    bool isListening() const;
    // ws://127.0.0.1:P/: what clients connect to.
    QUrl url() const;
    const ReverseProxyOptions &options() const { return m_options; }
    // Breakpoints and rules will hook in here; null forwards every frame unchanged. Not owned.
    void setFrameHook(FrameHook *hook) { m_hook = hook; }
    int clientCount() const { return int(m_clients.size()); }

Q_SIGNALS:
    // A client came or went: the proxy panel shows the count.
    void clientCountChanged(int count);

private:
    void onNewConnection();

    Workspace *m_workspace;
    QTcpServer *m_server;
    ReverseProxyOptions m_options;
    FrameHook *m_hook = nullptr;
    QSet<ProxiedClient *> m_clients;
};

} // namespace wsi
