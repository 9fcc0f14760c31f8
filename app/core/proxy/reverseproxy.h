// ReverseProxy: listens for WebSocket clients and relays each to one fixed upstream, recording both legs.
#pragma once

#include "proxy/reverseproxyoptions.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>

class QTcpServer;

namespace wsi {

class FrameHook;
class ProxiedClient;
class ProxiedClients;
class ProxyListener;
class ProxyThread;
class Workspace;

// The reverse proxy mode of the intercepting proxy: a user points their app at ws://127.0.0.1:P/... instead
// of the real server, and every client becomes one proxied Connection in the workspace, with its client leg
// and its server leg (see ProxiedClient). The upstream is the one the user gave; a request naming any other
// target, or an upstream that is this proxy itself, is refused.
// Issue 12: the listening socket and every client live on the ProxyThread (a ProxyListener), this object posts to it
// and applies its batches (ProxiedClients); the GUI thread never reads their sockets. With the window's rules
// (ProxyRuleSet) too: each client applies them there (ClientRules). Only a hook that cannot act there (a test's own
// FrameHook) keeps the clients on this thread.
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
    // The rules (a ProxyRuleSet) hook in here; null forwards every frame unchanged. Not owned. Takes effect at the
    // next start().
    void setFrameHook(FrameHook *hook) { m_hook = hook; }
    int clientCount() const;
    // Tests: the listener on the ProxyThread while the proxy runs there (use it on its thread only).
    ProxyListener *listenerOnProxyThread() const { return m_listener; }

Q_SIGNALS:
    // A client came or went: the proxy panel shows the count.
    void clientCountChanged(int count);

private:
    void onNewConnection();
    bool startOnProxyThread(QString *error);
    // Deletes the listener on its thread (its clients shut down) and applies what they sent last.
    void retireListener();

    Workspace *m_workspace;
    QTcpServer *m_server;
    ReverseProxyOptions m_options;
    FrameHook *m_hook = nullptr;
    QSet<ProxiedClient *> m_clients;
    // On the ProxyThread (issue 12):
    std::shared_ptr<ProxyThread> m_thread;
    ProxyListener *m_listener = nullptr; // lives on m_thread
    ProxiedClients *m_proxied = nullptr;
    QHostAddress m_listeningAddress;
    quint16 m_listeningPort = 0;
    bool m_listeningOnThread = false;
};

} // namespace wsi
