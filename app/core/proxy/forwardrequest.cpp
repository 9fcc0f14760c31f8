// ForwardRequest: reads a forward proxy request head: CONNECT authority, absolute URL, upgrade, loops to itself.
#include "proxy/forwardrequest.h"

#include "protocol/httphead.h"

#include <QCoreApplication>
#include <QNetworkInterface>
#include <QUrl>

namespace wsi {

namespace {

bool hasToken(const HttpHead &head, QByteArrayView name, QByteArrayView token)
{
    for (const QByteArray &value : head.values(name)) {
        for (const QByteArray &part : value.split(',')) {
            if (trimmedOws(part).compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

ForwardRequest::ForwardRequest(const HttpHead &head)
{
    const QByteArray &target = head.target;
    if (head.method == "CONNECT") {
        // authority-form only (RFC 9112 section 3.2.3): host:port, an IPv6 host in brackets.
        const qsizetype colon = target.lastIndexOf(':');
        QByteArray host = colon > 0 ? target.left(colon) : QByteArray();
        if (host.startsWith('[') && host.endsWith(']'))
            host = host.mid(1, host.size() - 2);
        bool ok = false;
        const uint port = colon > 0 ? target.mid(colon + 1).toUInt(&ok) : 0;
        if (host.isEmpty() || !ok || port == 0 || port > 65535 || host.contains('/') || host.contains('@')) {
            m_problem = RecordedText(
                "wsi::ForwardProxy", QT_TRANSLATE_NOOP("wsi::ForwardProxy", "CONNECT needs host:port, not \"%1\"."))
                            .arg(printableExcerpt(target));
            return;
        }
        m_kind = Kind::Connect;
        m_host = QString::fromLatin1(host);
        m_port = quint16(port);
        return;
    }
    if (target.startsWith('/')) {
        m_kind = Kind::NotProxy;
        m_problem = RecordedText("wsi::ForwardProxy",
            QT_TRANSLATE_NOOP("wsi::ForwardProxy",
                "This is WS Inspector's forward proxy: it relays proxy requests (CONNECT host:port or an "
                "absolute URL) and serves nothing itself; \"%1\" names no other server."))
                        .arg(printableExcerpt(target));
        return;
    }
    const QUrl url(QString::fromLatin1(target), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool secure = scheme == QLatin1String("https") || scheme == QLatin1String("wss");
    if (!url.isValid() || url.host().isEmpty()
        || !(secure || scheme == QLatin1String("http") || scheme == QLatin1String("ws"))) {
        m_problem = RecordedText("wsi::ForwardProxy",
            QT_TRANSLATE_NOOP("wsi::ForwardProxy", "The request target \"%1\" is not an http:// or ws:// URL."))
                        .arg(printableExcerpt(target));
        return;
    }
    m_kind = Kind::Absolute;
    m_scheme = scheme;
    m_host = url.host();
    m_port = quint16(url.port(secure ? 443 : 80));
}

bool ForwardRequest::isWebSocketUpgrade(const HttpHead &head)
{
    return hasToken(head, "Upgrade", "websocket") && hasToken(head, "Connection", "upgrade");
}

bool ForwardRequest::namesProxy(
    const QString &host, quint16 port, const QHostAddress &listeningAddress, quint16 listeningPort)
{
    if (port != listeningPort)
        return false;
    QHostAddress address;
    const QString name = host.toLower();
    const bool loopbackName = name == QLatin1String("localhost") || name.endsWith(QLatin1String(".localhost"));
    if (!address.setAddress(host) && !loopbackName)
        return false; // a name: the dialer refuses it once it resolves to the proxy
    const bool loopback = loopbackName || address.isLoopback();
    if (listeningAddress == QHostAddress::Any || listeningAddress == QHostAddress::AnyIPv4
        || listeningAddress == QHostAddress::AnyIPv6) {
        if (loopback || address.isEqual(QHostAddress::AnyIPv4, QHostAddress::TolerantConversion)
            || address.isEqual(QHostAddress::AnyIPv6))
            return true;
        const QList<QHostAddress> own = QNetworkInterface::allAddresses();
        for (const QHostAddress &mine : own) {
            if (mine.isEqual(address, QHostAddress::TolerantConversion))
                return true;
        }
        return false;
    }
    if (listeningAddress.isLoopback())
        return loopback;
    return address.isEqual(listeningAddress, QHostAddress::TolerantConversion);
}

QByteArray ForwardRequest::originRequest(const HttpHead &head)
{
    const QUrl url(QString::fromLatin1(head.target));
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    if (url.hasQuery())
        path += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray out = head.method + ' ' + path + ' ' + head.version + "\r\n";
    for (const HttpHeader &header : head.headers) {
        if (header.name.compare("Proxy-Connection", Qt::CaseInsensitive) == 0
            || header.name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0
            || header.name.compare("Connection", Qt::CaseInsensitive) == 0)
            continue;
        out += header.name + ": " + header.value + "\r\n";
    }
    out += "Connection: close\r\n\r\n";
    return out;
}

qsizetype ForwardRequest::headLength(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    return end < 0 ? -1 : end + 4;
}

bool ForwardRequest::looksLikeHttp(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size() && i < 20; ++i) {
        const char c = bytes.at(i);
        if (c == ' ')
            return i > 0;
        if (c < 'A' || c > 'Z')
            return false;
    }
    return bytes.size() < 20; // still reading the method
}

} // namespace wsi
