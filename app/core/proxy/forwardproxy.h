// ForwardProxy: the explicit HTTP proxy for browsers and apps; each WebSocket through it is a proxied Connection.
#pragma once

#include "language/recordedtext.h"
#include "proxy/forwardproxyoptions.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace wsi {

class CertificateAuthority;
class FrameHook;
class ForwardListener;
class ProxiedClients;
class ProxyThread;
class Workspace;

// The forward proxy mode of the intercepting proxy. Clients configured with http://127.0.0.1:P as their HTTP proxy
// send CONNECT host:port (browsers tunnel ws and wss alike) or absolute-form requests. TLS inside a tunnel is
// terminated with a leaf of the app's CA for that host (see ForwardClient); every WebSocket upgrade becomes one
// proxied Connection in the workspace, relayed and recorded on two legs by a ProxiedClient exactly as the reverse
// proxy does, to the host the client named. Other HTTP passes through untouched and is only counted. A request
// naming the proxy itself is refused (508), an unreadable one answered 400.
// Issue 12: the listening socket, every client, tunnel and relay live on the ProxyThread (a ForwardListener), with the
// rules applied there as the reverse proxy applies them; this object holds the thread from start() to stop(), applies
// the WebSockets' batches (ProxiedClients) and keeps the counts it is told of.
class ForwardProxy : public QObject
{
    Q_OBJECT
public:
    explicit ForwardProxy(Workspace *workspace, QObject *parent = nullptr);
    ~ForwardProxy() override;

    // The CA whose leaves are presented inside TLS tunnels (not owned); without one, the process default
    // (Connection::defaultCertificateAuthority()) is loaded on start.
    void setCertificateAuthority(CertificateAuthority *authority) { m_authority = authority; }
    CertificateAuthority *certificateAuthority() const { return m_authority; }

    // Listens; false with the reason in error (bad options, the port taken, no CA).
    bool start(const ForwardProxyOptions &options, QString *error = nullptr);
    // Stops listening and closes every client, tunnel and relay.
    void stop();
    bool isListening() const { return m_listener != nullptr; }
    const ForwardProxyOptions &options() const { return m_options; }
    // http://127.0.0.1:P: the proxy setting to give browsers and apps.
    QUrl proxyUrl() const;
    // base64 SHA-256 of the CA's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list).
    QString caSpkiSha256() const;
    // Breakpoints and rules hook in here as for the reverse proxy; null forwards frames unchanged. Not owned. Only a
    // hook with rules for the relay thread (ProxyRuleSet) acts: the relays run on the ProxyThread. At the next start().
    void setFrameHook(FrameHook *hook) { m_hook = hook; }

    // WebSockets being relayed now (their Connections made and not ended).
    int webSocketCount() const;
    // Other exchanges passed through (a plain request, or a tunnel whose first request was no upgrade) since
    // start, and the bytes they carried both ways.
    qint64 passThroughCount() const { return m_passThroughCount; }
    qint64 passThroughBytes() const { return m_passThroughBytes; }
    qint64 refusedCount() const { return m_refusedCount; }
    // Tests: the listener on the ProxyThread while the proxy runs (use it on its thread only).
    ForwardListener *listenerOnProxyThread() const { return m_listener; }

Q_SIGNALS:
    // A request was refused (itself, unreadable, an unreachable target, a client that did not trust the CA); why
    // in the language in effect (the client was answered in English).
    void refused(const QString &peer, const QString &why);
    // The counts above changed.
    void countsChanged();

private:
    void onRefused(const QString &peer, const RecordedText &why);
    // Deletes the listener on its thread (its clients shut down) and applies what they sent last.
    void retireListener();

    Workspace *m_workspace;
    CertificateAuthority *m_authority = nullptr;
    ForwardProxyOptions m_options;
    FrameHook *m_hook = nullptr;
    std::shared_ptr<ProxyThread> m_thread;
    ForwardListener *m_listener = nullptr; // lives on m_thread
    ProxiedClients *m_proxied = nullptr;
    QHostAddress m_listeningAddress;
    qint64 m_passThroughCount = 0;
    qint64 m_passThroughBytes = 0;
    qint64 m_refusedCount = 0;
};

} // namespace wsi
