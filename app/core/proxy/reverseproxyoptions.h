// ReverseProxyOptions: where the reverse proxy listens, the one upstream it relays to, and its limits.
#pragma once

#include "endpoints/connectionoptions.h"

#include <QHostAddress>
#include <QString>
#include <QUrl>

namespace wsi {

// What the user chose for a reverse proxy. The upstream is fixed here and nowhere else: the proxy never
// relays to a target a client names (it is not an open relay).
struct ReverseProxyOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost); // loopback unless the user asks
    quint16 port = 0; // 0: a free one
    // The upstream ws:// or wss:// URL, with the TLS choices for it (caFile, insecure, minimumTlsVersion,
    // client certificate) read as an outgoing connection reads them.
    ConnectionOptions upstream;
    bool keepHost = false; // forward the client's Host header instead of the upstream's
    int maxRequestHeadBytes = 16 * 1024; // a larger upgrade request head is refused with 431
    qint64 maxFrameBytes = qint64(64) * 1024 * 1024; // a larger frame ends the connection (memory bound)
    // The forward proxy's relays: the upstream came from the client's own CONNECT or absolute URL, so a request
    // target in absolute-form naming that same upstream is the client's to send (it goes on in origin-form).
    bool acceptAbsoluteTarget = false;

    // Empty when usable; else what is wrong, in words (not ws/wss, no host, a bad port).
    QString validate() const;
    // Listening beyond loopback: other machines can use the proxy, which deserves a warning.
    bool isExposed() const { return !address.isLoopback(); }
    // The upstream's port, defaulted from its scheme.
    quint16 upstreamPort() const;
    bool upstreamIsTls() const;
};

} // namespace wsi
