// ForwardProxyOptions: the forward proxy's listening address, TLS choices and limits, validated.
#include "proxy/forwardproxyoptions.h"

#include <QCoreApplication>

namespace wsi {

QString ForwardProxyOptions::validate() const
{
    if (address.isNull())
        return QCoreApplication::translate("wsi::ForwardProxy", "The proxy needs an IP address to listen on.");
    if (maxRequestHeadBytes < 1024)
        return QCoreApplication::translate("wsi::ForwardProxy", "The request head limit must be at least 1024 bytes.");
    return {};
}

ReverseProxyOptions ForwardProxyOptions::relayTo(const QUrl &upstream) const
{
    ReverseProxyOptions relay;
    relay.address = address;
    relay.port = port;
    relay.upstream = upstreamTls;
    relay.upstream.url = upstream;
    relay.keepHost = true; // the client addressed the real server itself: its Host is already right
    relay.maxRequestHeadBytes = maxRequestHeadBytes;
    relay.maxFrameBytes = maxFrameBytes;
    relay.acceptAbsoluteTarget = true;
    return relay;
}

} // namespace wsi
