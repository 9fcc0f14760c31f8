// ConnectGate: what the tap answers a proxy request head (the tunnel, the 407 challenge, or a refusal).
#pragma once

#include <QByteArray>
#include <QString>

namespace wsi {

// The tap is never an open proxy: it demands its own random credentials (answering the first CONNECT with a
// 407 challenge, as Qt sends credentials only after one) and tunnels to nothing but its target. This is that
// decision, apart from the sockets.
class ConnectGate
{
public:
    // The answer to one request head. Without openTunnel, the tap replies with the response parts.
    struct Answer
    {
        bool openTunnel = false; // an authenticated CONNECT to the target: the tap connects upstream
        QByteArray statusLine;
        QByteArray extraHeaders;
        QByteArray body;
        bool closeAfter = false;
        QString refusal; // why the request was refused; empty for the challenge that asks for credentials
    };

    // A request head longer than this is refused (431) rather than buffered on.
    static constexpr qsizetype kMaxHeadSize = 16 * 1024;
    // Connections one tap accepts in all: a client that keeps failing cannot keep it busy.
    static constexpr int kMaxAttempts = 8;

    // Draws random per-tap credentials.
    ConnectGate(const QString &targetHost, quint16 targetPort);

    QString user() const { return m_user; }
    QString password() const { return m_password; }

    // head: the request line and headers, without the blank line that ends them.
    Answer answer(const QByteArray &head) const;

    // "host:port", with an IPv6 host in brackets, as a CONNECT request names it.
    static QString authority(const QString &host, quint16 port);
    // A response from the tap itself (a challenge, a refusal, a 502), with its Content-Length.
    static QByteArray response(
        const QByteArray &statusLine, const QByteArray &extraHeaders, const QByteArray &body, bool closeAfter);

private:
    QString m_targetAuthority;
    QString m_user;
    QString m_password;
};

} // namespace wsi
