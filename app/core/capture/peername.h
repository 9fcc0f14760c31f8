// peerName: how a socket's remote end is named in the log, the sidebar and notices ("127.0.0.1:53122").
#pragma once

#include <QString>

class QAbstractSocket;

namespace wsi {

// "127.0.0.1:53122" for IPv4 (also when a dual-stack listener sees it as ::ffff:127.0.0.1), "[::1]:53122" for
// IPv6: the brackets keep the port apart from the address. Every listener names its peers this one way.
QString peerName(const QAbstractSocket *socket);

} // namespace wsi
