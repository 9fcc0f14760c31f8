// ReverseProxyOptions: the reverse proxy's listening address, upstream and limits, validated.
#include "proxy/reverseproxyoptions.h"

#include <QCoreApplication>

namespace wsi {

QString ReverseProxyOptions::validate() const
{
    const QUrl &url = upstream.url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
        return QCoreApplication::translate(
            "wsi::ReverseProxy", "The upstream must be a ws:// or wss:// URL, not \"%1\".")
            .arg(url.toString());
    if (url.host().isEmpty())
        return QCoreApplication::translate("wsi::ReverseProxy", "The upstream URL \"%1\" names no host.")
            .arg(url.toString());
    if (!url.fragment().isEmpty())
        return QCoreApplication::translate(
            "wsi::ReverseProxy", "The upstream URL \"%1\" has a fragment; WebSocket URLs cannot have one.")
            .arg(url.toString());
    if (maxRequestHeadBytes < 1024)
        return QCoreApplication::translate("wsi::ReverseProxy", "The request head limit must be at least 1024 bytes.");
    return {};
}

quint16 ReverseProxyOptions::upstreamPort() const
{
    return quint16(upstream.url.port(upstreamIsTls() ? 443 : 80));
}

bool ReverseProxyOptions::upstreamIsTls() const
{
    return upstream.url.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
}

} // namespace wsi
