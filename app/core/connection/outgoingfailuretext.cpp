// OutgoingFailureText: the words and layers for socket errors and the connect deadline.
#include "connection/outgoingfailuretext.h"

#include "language/qterrortext.h"

#include <QCoreApplication>

namespace wsi {

namespace {

// The texts keep the context their Korean entries were written under.
RecordedText said(const char *source)
{
    return RecordedText("OutgoingFailureText", source);
}

} // namespace

OutgoingFailureText::Text OutgoingFailureText::socketError(
    QAbstractSocket::SocketError error, const QString &qtWords, const QString &host, bool opened, bool silentAfterTls)
{
    // Qt's words are in the window's language: recorded as their English source.
    const RecordedText qtText = QtErrorText::recorded(qtWords);
    switch (error) {
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return { ErrorLayer::Tls,
            said(QT_TRANSLATE_NOOP("OutgoingFailureText", "TLS handshake with %1 failed: %2")).arg(host).arg(qtText) };
    case QAbstractSocket::RemoteHostClosedError:
        if (opened)
            return { ErrorLayer::Tcp,
                said(QT_TRANSLATE_NOOP("OutgoingFailureText",
                    "The server dropped the TCP connection without a Close frame (1006 abnormal closure).")) };
        if (silentAfterTls) {
            // TLS 1.3 servers reject a missing client certificate only after the handshake looks done.
            return { ErrorLayer::Tls,
                said(QT_TRANSLATE_NOOP("OutgoingFailureText",
                    "The server closed the connection right after the TLS handshake, before answering the "
                    "upgrade. Servers do that when they require a client certificate: set one in the "
                    "connection's TLS options.")) };
        }
        return { ErrorLayer::Tcp,
            said(QT_TRANSLATE_NOOP(
                "OutgoingFailureText", "The server closed the TCP connection before answering the upgrade.")) };
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return { ErrorLayer::Proxy,
            said(QT_TRANSLATE_NOOP("OutgoingFailureText", "The capture tap failed: %1")).arg(qtText) };
    case QAbstractSocket::HostNotFoundError:
        return { ErrorLayer::Dns,
            said(QT_TRANSLATE_NOOP("OutgoingFailureText",
                     "DNS lookup failed for \"%1\": the name does not resolve. Check the host name in the URL."))
                .arg(host) };
    case QAbstractSocket::SocketTimeoutError:
        return { ErrorLayer::Tcp,
            said(QT_TRANSLATE_NOOP("OutgoingFailureText", "The connection timed out: %1")).arg(qtText) };
    default:
        return { ErrorLayer::WebSocket,
            said(QT_TRANSLATE_NOOP("OutgoingFailureText", "WebSocket error: %1")).arg(qtText) };
    }
}

OutgoingFailureText::Text OutgoingFailureText::deadline(
    int timeoutMs, const QString &authority, bool tcpUp, bool awaitingUpgrade)
{
    if (!tcpUp)
        return { ErrorLayer::Tcp,
            said(QT_TRANSLATE_NOOP("OutgoingFailureText",
                     "Timed out after %1 ms connecting to %2: no TCP connection. Is a firewall dropping packets?"))
                .arg(timeoutMs)
                .arg(authority) };
    if (awaitingUpgrade)
        return { ErrorLayer::Http,
            said(QT_TRANSLATE_NOOP("OutgoingFailureText",
                     "Timed out after %1 ms waiting for the server to answer the upgrade request (HTTP)."))
                .arg(timeoutMs) };
    return { ErrorLayer::Http,
        said(QT_TRANSLATE_NOOP("OutgoingFailureText", "Timed out after %1 ms: the WebSocket did not open."))
            .arg(timeoutMs) };
}

} // namespace wsi
