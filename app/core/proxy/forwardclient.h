// ForwardClient: one client of the forward proxy until it is known what it wants (a WebSocket or anything else).
#pragma once

#include "language/recordedtext.h"

#include "proxy/forwardproxyoptions.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QSslSocket;

namespace wsi {

class CertificateAuthority;
struct HttpHead;

// Reads the proxy request (bounded, peeking so that nothing the relays need is consumed). CONNECT host:port is
// answered 200; when the tunnel's first byte opens a TLS record (a ClientHello) the socket turns TLS server with a
// leaf for that host from the app's CA, so the tunnel's HTTP is read in plaintext. Then the first request in the
// tunnel, or a plain absolute-form request, decides: a WebSocket upgrade goes to a ProxiedClient (webSocket()),
// anything else passes through (passThrough()). Requests naming the proxy itself and unreadable ones are refused
// here, by name, and the socket closed; so is a client that sends no whole request (or no TLS) within 30 s.
class ForwardClient : public QObject
{
    Q_OBJECT
public:
    // authority: issues the per-host leaves (not owned).
    ForwardClient(QSslSocket *socket, const ForwardProxyOptions &options, CertificateAuthority *authority,
        const QHostAddress &listeningAddress, quint16 listeningPort, QObject *parent = nullptr);
    ~ForwardClient() override;

    void start();
    void shutdown();
    QString peer() const { return m_peer; }

Q_SIGNALS:
    // A WebSocket upgrade: relay socket (taken over, its request still unread) to upstream (a ws:// or wss:// URL).
    void webSocket(QSslSocket *socket, const QUrl &upstream);
    // Anything else: relay socket to upstream untouched after firstBytes (a rewritten plain request, or nothing).
    void passThrough(QSslSocket *socket, const QUrl &upstream, const QByteArray &firstBytes);
    // The request was refused (the answer sent says the same).
    void refused(const QString &peer, const wsi::RecordedText &why);
    // The socket was handed on or closed: this object may go.
    void finished();

private:
    enum class Stage { ProxyHead, TunnelStart, TlsHandshake, TunnelHead, Done };

    void onReadyRead();
    void readProxyHead();
    void readTunnelStart();
    void readTunnelHead();
    // Peeks a complete request head into *head; false while incomplete or after a refusal.
    bool peekHead(HttpHead *head, qsizetype *length);
    void startTls();
    void refuse(int status, const QByteArray &reason, const RecordedText &why);
    // No whole request in time: a client holding a socket open and silent is closed.
    void onDeadline();
    // Emits finished() once.
    void end();
    QUrl tunnelUpstream() const;

    QPointer<QSslSocket> m_socket;
    ForwardProxyOptions m_options;
    CertificateAuthority *m_authority;
    QHostAddress m_listeningAddress;
    quint16 m_listeningPort;
    QString m_peer;
    Stage m_stage = Stage::ProxyHead;
    QString m_host; // the CONNECT target
    quint16 m_port = 0;
    bool m_intercepted = false; // TLS terminated inside the tunnel
    bool m_ended = false;
    QTimer m_deadline;
};

} // namespace wsi
