// ForwardProxy: the explicit HTTP proxy for browsers and apps; each WebSocket through it is a proxied Connection.
#pragma once

#include "language/recordedtext.h"
#include "proxy/forwardproxyoptions.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

class QSslSocket;

namespace wsi {

class CertificateAuthority;
class FrameHook;
class ForwardClient;
class PassThroughRelay;
class ProxiedClient;
class TapServer;
class Workspace;

// The forward proxy mode of the intercepting proxy. Clients configured with http://127.0.0.1:P as their HTTP proxy
// send CONNECT host:port (browsers tunnel ws and wss alike) or absolute-form requests. TLS inside a tunnel is
// terminated with a leaf of the app's CA for that host (see ForwardClient); every WebSocket upgrade becomes one
// proxied Connection in the workspace, relayed and recorded on two legs by a ProxiedClient exactly as the reverse
// proxy does, to the host the client named. Other HTTP passes through untouched and is only counted. A request
// naming the proxy itself is refused (508), an unreadable one answered 400.
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
    bool isListening() const;
    const ForwardProxyOptions &options() const { return m_options; }
    // http://127.0.0.1:P: the proxy setting to give browsers and apps.
    QUrl proxyUrl() const;
    // base64 SHA-256 of the CA's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list).
    QString caSpkiSha256() const;
    // Breakpoints and rules hook in here as for the reverse proxy; null forwards frames unchanged. Not owned.
    void setFrameHook(FrameHook *hook) { m_hook = hook; }

    // WebSockets being relayed now.
    int webSocketCount() const { return int(m_webSockets.size()); }
    // Other exchanges passed through (a plain request, or a tunnel whose first request was no upgrade) since
    // start, and the bytes they carried both ways.
    qint64 passThroughCount() const { return m_passThroughCount; }
    qint64 passThroughBytes() const { return m_passThroughBytes; }
    qint64 refusedCount() const { return m_refusedCount; }

Q_SIGNALS:
    // A request was refused (itself, unreadable, an unreachable target, a client that did not trust the CA); why
    // in the language in effect (the client was answered in English).
    void refused(const QString &peer, const QString &why);
    // The counts above changed.
    void countsChanged();

private:
    void onNewConnection();
    void onWebSocket(QSslSocket *socket, const QUrl &upstream);
    void onPassThrough(QSslSocket *socket, const QUrl &upstream, const QByteArray &firstBytes);
    void onRefused(const QString &peer, const RecordedText &why);

    Workspace *m_workspace;
    TapServer *m_server;
    CertificateAuthority *m_authority = nullptr;
    ForwardProxyOptions m_options;
    FrameHook *m_hook = nullptr;
    QSet<ForwardClient *> m_pending;
    QSet<ProxiedClient *> m_webSockets;
    QSet<PassThroughRelay *> m_passThroughs;
    qint64 m_passThroughCount = 0;
    qint64 m_passThroughBytes = 0;
    qint64 m_refusedCount = 0;
    // Its name in the Via of every upgrade it relays (ReverseProxyOptions::viaToken): one per proxy instance.
    QByteArray m_viaToken;
};

} // namespace wsi
