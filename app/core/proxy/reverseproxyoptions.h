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
    // Loops through other proxies (A --to B, B --to A): every upgrade sent upstream carries Via "1.1 <viaToken>"
    // (RFC 9110 section 7.6.3), a name unique to this proxy instance (ReverseProxy::start and ForwardProxy make
    // one), and a request that arrives already naming it came back round a loop: refused 508. Empty: no Via is
    // sent or checked. sendVia false keeps it empty (the Qt engine's in-process relay cannot loop, and its server
    // gets the client's request as sent).
    bool sendVia = true;
    QByteArray viaToken;

    // Empty when usable; else what is wrong, in words (not ws/wss, no host, a bad port).
    QString validate() const;
    // Listening beyond loopback: other machines can use the proxy, which deserves a warning.
    bool isExposed() const { return !address.isLoopback(); }
    // The upstream's port, defaulted from its scheme.
    quint16 upstreamPort() const;
    bool upstreamIsTls() const;
};

} // namespace wsi
