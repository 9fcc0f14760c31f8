// QtEchoListener: the Qt engine's QWebSocketServer and its clients, on the server thread.
#include "server/qtecholistener.h"

#include "server/qtechoserver.h"

#include <QWebSocket>
#include <QWebSocketServer>

namespace wsi {

QtEchoListener::QtEchoListener()
    : m_server(new QWebSocketServer(QtEchoServer::serverName(), QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &QtEchoListener::onNewConnection);
}

QtEchoListener::~QtEchoListener()
{
    stop();
}

bool QtEchoListener::listen(ServerMode mode, qint64 maxMessageSize, QString *error)
{
    m_mode = mode;
    m_maxMessageSize = maxMessageSize;
    // Loopback only, always: the relay in front is what the user exposes (or not).
    if (m_server->listen(QHostAddress::LocalHost, 0))
        return true;
    *error = m_server->errorString();
    return false;
}

quint16 QtEchoListener::port() const
{
    return m_server->serverPort();
}

void QtEchoListener::stop()
{
    m_server->close();
    const QSet<QWebSocket *> clients = m_clients;
    for (QWebSocket *client : clients)
        client->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server stopped"));
}

void QtEchoListener::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        if (m_maxMessageSize > 0)
            socket->setMaxAllowedIncomingMessageSize(quint64(m_maxMessageSize));
        m_clients.insert(socket);
        if (m_mode == ServerMode::Echo) {
            connect(socket, &QWebSocket::textMessageReceived, socket, &QWebSocket::sendTextMessage);
            connect(socket, &QWebSocket::binaryMessageReceived, socket, &QWebSocket::sendBinaryMessage);
        }
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_clients.remove(socket);
            socket->deleteLater();
        });
    }
}

} // namespace wsi
