// ForwardProxyOptions: where the forward HTTP proxy listens, how it verifies the real servers, and its limits.
#pragma once

#include "endpoints/connectionoptions.h"
#include "proxy/reverseproxyoptions.h"

#include <QHostAddress>
#include <QString>

namespace wsi {

// What the user chose for the forward proxy (browsers and apps configured with an explicit HTTP proxy). There is
// no upstream here: each client names its own, per CONNECT or absolute URL; the proxy refuses only itself.
struct ForwardProxyOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost); // loopback unless the user asks
    quint16 port = 0; // 0: a free one
    // How the real servers' certificates are verified (caFile, insecure, minimumTlsVersion, client certificate),
    // read as an outgoing connection reads them; the url is ignored.
    ConnectionOptions upstreamTls;
    int maxRequestHeadBytes = 16 * 1024; // a larger proxy or upgrade request head is refused with 431
    qint64 maxFrameBytes = qint64(64) * 1024 * 1024; // a larger frame ends the connection (memory bound)

    // Empty when usable; else what is wrong, in words.
    QString validate() const;
    // Listening beyond loopback: other machines can use the proxy to reach anything, which deserves a warning.
    bool isExposed() const { return !address.isLoopback(); }
    // The options of one relay to upstream (a ws:// or wss:// URL naming host and port), as ProxiedClient and
    // UpstreamDialer take them: the TLS choices above, the client's Host header kept.
    ReverseProxyOptions relayTo(const QUrl &upstream) const;
};

} // namespace wsi
