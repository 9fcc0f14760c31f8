#include "frontrelay.h"

#include <QSslSocket>

namespace wsi {

namespace {
// Qt's default backlog of 50 drops SYNs in a burst of clients, and each drop costs a 1 s retry (DESIGN.md).
constexpr int kListenBacklog = 4096;
} // namespace

FrontRelay::FrontRelay(QObject *parent)
    : QTcpServer(parent)
{
    setListenBacklogSize(kListenBacklog);
    connect(this, &QTcpServer::newConnection, this, &FrontRelay::onPendingConnection);
}

void FrontRelay::incomingConnection(qintptr descriptor)
{
    if (m_tls.isNull()) {
        QTcpServer::incomingConnection(descriptor);
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        socket->deleteLater();
        return;
    }
    socket->setSslConfiguration(m_tls);
    const QString peer = QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort());
    connect(socket, &QSslSocket::sslErrors, socket, [this, socket, peer](const QList<QSslError> &errors) {
        if (!errors.isEmpty())
            Q_EMIT tlsFailed(peer, errors.first().errorString());
        socket->abort();
    });
    connect(socket, &QSslSocket::errorOccurred, socket, [this, socket, peer](QAbstractSocket::SocketError error) {
        if (!socket->isEncrypted() && error != QAbstractSocket::RemoteHostClosedError)
            Q_EMIT tlsFailed(peer, socket->errorString());
    });
    // The client is handed on only once TLS is up: the relay records plaintext.
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        socket->disconnect(this);
        accept(socket);
    });
    connect(socket, &QSslSocket::disconnected, socket, [socket] {
        if (!socket->isEncrypted())
            socket->deleteLater();
    });
    socket->startServerEncryption();
}

void FrontRelay::onPendingConnection()
{
    while (QTcpSocket *socket = nextPendingConnection())
        accept(socket);
}

void FrontRelay::accept(QTcpSocket *socket)
{
    auto *client = new RelayedClient(socket, m_backendPort, m_gate, this);
    Q_EMIT clientAccepted(client);
}

} // namespace wsi
