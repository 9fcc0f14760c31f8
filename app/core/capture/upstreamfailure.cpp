// UpstreamFailure: what the tap tells the user when it cannot reach its target, and at which layer.
#include "capture/upstreamfailure.h"

#include "language/qterrortext.h"

#include <QCoreApplication>

namespace wsi {

namespace {

RecordedText said(const char *source)
{
    return RecordedText("wsi::WireTap", source);
}

} // namespace

UpstreamFailure UpstreamFailure::lookupFailed(const QString &host, const QHostInfo &info)
{
    const RecordedText why = info.error() == QHostInfo::NoError
        ? said(QT_TRANSLATE_NOOP("wsi::WireTap", "no addresses"))
        : QtErrorText::recorded(info.errorString());
    return { ErrorLayer::Dns,
        said(QT_TRANSLATE_NOOP("wsi::WireTap", "DNS lookup failed for \"%1\": %2. Check the host name in the URL."))
            .arg(host)
            .arg(why) };
}

UpstreamFailure::UpstreamFailure(QAbstractSocket::SocketError error, bool droppedAfterTls, const QString &where,
    const QHostAddress &address, const QString &errorString)
{
    // Qt's own words are in the window's language: recorded as their English source.
    const RecordedText qtWords = QtErrorText::recorded(errorString);
    switch (droppedAfterTls ? QAbstractSocket::SslHandshakeFailedError : error) {
    case QAbstractSocket::ConnectionRefusedError:
        m_message = said(QT_TRANSLATE_NOOP("wsi::WireTap",
                             "Connection refused by %1 (%2): nothing accepts connections on that port. "
                             "Is the server running, and is the port right?"))
                        .arg(where)
                        .arg(address.toString());
        break;
    case QAbstractSocket::HostNotFoundError:
        m_message
            = said(QT_TRANSLATE_NOOP("wsi::WireTap", "Host %1 not found. Check the host name in the URL.")).arg(where);
        break;
    case QAbstractSocket::NetworkError:
        m_message = said(QT_TRANSLATE_NOOP("wsi::WireTap", "Network unreachable for %1 (%2): %3."))
                        .arg(where)
                        .arg(address.toString())
                        .arg(qtWords);
        break;
    case QAbstractSocket::SocketTimeoutError:
        m_message
            = said(QT_TRANSLATE_NOOP("wsi::WireTap", "TCP connect to %1 timed out. Is a firewall dropping packets?"))
                  .arg(where);
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        m_message = droppedAfterTls
            ? said(QT_TRANSLATE_NOOP("wsi::WireTap",
                       "%1 closed the connection right after the TLS handshake. Servers do that when they require a "
                       "client certificate: set one in the connection's TLS options."))
                  .arg(where)
            : said(QT_TRANSLATE_NOOP("wsi::WireTap",
                       "TLS handshake with %1 failed: %2. If the server requires a client certificate, set one in "
                       "the connection's TLS options."))
                  .arg(where)
                  .arg(qtWords);
        break;
    default:
        m_message = said(QT_TRANSLATE_NOOP("wsi::WireTap", "TCP connection to %1 failed: %2.")).arg(where).arg(qtWords);
        break;
    }
    const bool tls = droppedAfterTls || error == QAbstractSocket::SslHandshakeFailedError
        || error == QAbstractSocket::SslInternalError || error == QAbstractSocket::SslInvalidUserDataError;
    m_layer = error == QAbstractSocket::HostNotFoundError ? ErrorLayer::Dns : tls ? ErrorLayer::Tls : ErrorLayer::Tcp;
}

} // namespace wsi
