// peerName: how a socket's remote end is named in the log, the sidebar and notices ("127.0.0.1:53122").
#include "capture/peername.h"

#include <QAbstractSocket>
#include <QHostAddress>

namespace wsi {

QString peerName(const QAbstractSocket *socket)
{
    const QHostAddress address = socket->peerAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol && !address.toIPv4Address()
        ? QStringLiteral("[%1]").arg(address.toString())
        : QHostAddress(address.toIPv4Address()).toString();
    return QStringLiteral("%1:%2").arg(host).arg(socket->peerPort());
}

} // namespace wsi
