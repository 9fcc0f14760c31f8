// ForwardListener: the forward proxy's listening socket, its clients' CONNECT and TLS, its relays, on the ProxyThread.
#pragma once

#include "language/recordedtext.h"
#include "proxy/forwardproxyoptions.h"
#include "proxy/proxiedclienthost.h"

#include <QByteArray>
#include <QSet>
#include <QTimer>

#include <functional>

class QSslSocket;

namespace wsi {

class CertificateAuthority;
class ForwardClient;
class PassThroughRelay;
class TapServer;

// Issue 12: the GUI thread never reads a socket of the forward proxy. This object lives on the ProxyThread with its
// listening socket (a TapServer), every ForwardClient (the proxy request, CONNECT, the TLS inside a tunnel, with leaves
// from the app's CA, which issues from any thread), every PassThroughRelay and, once a client turns out to want a
// WebSocket, its ProxiedClient, a client of this host (ProxiedClientHost: batches for the GUI thread, rules applied
// here). What the GUI thread counts leaves as signals (queued to it, in order) and, for each WebSocket, its upstream
// through the announcer, before the client's first batch.
class ForwardListener : public ProxiedClientHost
{
    Q_OBJECT
public:
    // Tells the GUI side that client's Connection is for upstream (called on this thread, before its first batch).
    using Announcer = std::function<void(quint64 client, const ConnectionOptions &upstream)>;

    // authority: issues the leaves inside tunnels (not owned; its members may be called from any thread). viaToken:
    // this proxy's name in the Via of every upgrade it relays.
    ForwardListener(const ForwardProxyOptions &options, CertificateAuthority *authority, const QByteArray &viaToken);
    // Every client, tunnel and relay is shut down; the WebSockets hand over their last batches.
    ~ForwardListener() override;

    void setAnnouncer(Announcer announcer) { m_announce = std::move(announcer); }
    // False with the reason in error (the port taken).
    bool listen(QString *error);
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

Q_SIGNALS:
    // Another exchange passes through (a plain request, or a tunnel whose first request was no upgrade).
    void passThroughStarted();
    // bytes crossed the pass-through relays (either way) since the last time: gathered for up to 16 ms, so that a
    // busy tunnel does not wake the GUI thread per read.
    void passThroughCounted(qint64 bytes);
    // A request was refused; the client was answered in English.
    void refused(const QString &peer, const wsi::RecordedText &why);

private:
    void onNewConnection();
    void onWebSocket(QSslSocket *socket, const QUrl &upstream);
    void onPassThrough(QSslSocket *socket, const QUrl &upstream, const QByteArray &firstBytes);
    void count(qint64 bytes);
    void emitCounted();

    ForwardProxyOptions m_options;
    CertificateAuthority *m_authority;
    QByteArray m_viaToken;
    TapServer *m_server;
    Announcer m_announce;
    QSet<ForwardClient *> m_pending;
    QSet<PassThroughRelay *> m_passThroughs;
    qint64 m_uncounted = 0; // pass-through bytes not told yet
    QTimer m_countTick;
};

} // namespace wsi
