// TapServer: the tap's listening socket, which accepts every client as a QSslSocket.
#include "capture/tapserver.h"

#include <QSslSocket>

namespace wsi {

TapServer::TapServer(QObject *parent)
    : QTcpServer(parent)
{ }

void TapServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (socket->setSocketDescriptor(descriptor))
        addPendingConnection(socket);
    else
        delete socket;
}

} // namespace wsi
