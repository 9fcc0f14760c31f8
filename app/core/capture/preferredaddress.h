// preferredAddress: which of a host lookup's addresses the tap and the reverse proxy connect to.
#pragma once

#include <QHostAddress>
#include <QHostInfo>

namespace wsi {

// IPv4 first, as most clients do on a dual-stack loopback; whatever resolved first otherwise. The lookup must have
// found at least one address.
inline QHostAddress preferredAddress(const QHostInfo &info)
{
    const QList<QHostAddress> addresses = info.addresses();
    for (const QHostAddress &address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            return address;
    }
    return addresses.constFirst();
}

} // namespace wsi
