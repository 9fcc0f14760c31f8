// ForwardRequest: the forward proxy's reading of a request head (sans-IO): CONNECT, absolute URL, upgrade, loop.
#pragma once

#include "language/recordedtext.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace wsi {

struct HttpHead;

// What one request head asks of the forward proxy, apart from the sockets, so that every refusal is testable.
class ForwardRequest
{
public:
    enum class Kind {
        Connect, // CONNECT host:port: a tunnel
        Absolute, // GET http://host/path: a plain proxy request
        NotProxy, // origin-form ("/path"): addressed to the proxy itself, not through it
        Invalid, // a target the proxy cannot read
    };

    explicit ForwardRequest(const HttpHead &head);

    Kind kind() const { return m_kind; }
    QString host() const { return m_host; } // without brackets
    quint16 port() const { return m_port; }
    // The scheme of an absolute target ("http", "https", "ws", "wss"); empty for CONNECT.
    QString scheme() const { return m_scheme; }
    // Why the target is Invalid or NotProxy, in plain words.
    RecordedText problem() const { return m_problem; }

    // An HTTP/1.1 WebSocket upgrade (Upgrade: websocket and Connection: upgrade).
    static bool isWebSocketUpgrade(const HttpHead &head);
    // True when host:port is this proxy itself: its own address, any loopback alias when it listens on loopback,
    // any address when it listens on all of them (a tunnel there would loop through itself).
    static bool namesProxy(
        const QString &host, quint16 port, const QHostAddress &listeningAddress, quint16 listeningPort);
    // A plain proxy request as the origin server should get it: origin-form target, hop-by-hop proxy headers
    // (Proxy-Connection, Proxy-Authorization) left out and Connection: close, so that the client sends its next
    // request, which may name another server, on a new connection.
    static QByteArray originRequest(const HttpHead &head);
    // The length of the head at the start of bytes (through CRLF CRLF), or -1 while it is incomplete.
    static qsizetype headLength(const QByteArray &bytes);
    // Plausibly an HTTP request line start (a method token and a space): what is not passes a tunnel untouched.
    static bool looksLikeHttp(const QByteArray &bytes);

private:
    Kind m_kind = Kind::Invalid;
    QString m_host;
    quint16 m_port = 0;
    QString m_scheme;
    RecordedText m_problem;
};

} // namespace wsi
