// QtEchoServer: an in-process QWebSocketServer on loopback that echoes (or stays silent): the Qt engine's server.
#include "server/qtechoserver.h"

#include <QWebSocket>
#include <QWebSocketServer>

namespace wsi {

QString QtEchoServer::serverName()
{
    return QStringLiteral("WS Inspector Qt engine");
}

QtEchoServer::QtEchoServer(QObject *parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(serverName(), QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &QtEchoServer::onNewConnection);
}

QtEchoServer::~QtEchoServer()
{
    stop();
}

bool QtEchoServer::start(ServerMode mode, qint64 maxMessageSize, QString *error)
{
    if (!qtEngineSupportsMode(mode)) {
        if (error)
            *error = tr("The Qt engine has the echo and silent modes only.");
        return false;
    }
    m_mode = mode;
    m_maxMessageSize = maxMessageSize;
    // Loopback only, always: the relay in front is what the user exposes (or not).
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = tr("The Qt WebSocket server could not listen on 127.0.0.1: %1").arg(m_server->errorString());
        return false;
    }
    return true;
}

void QtEchoServer::stop()
{
    m_server->close();
    const QSet<QWebSocket *> clients = m_clients;
    for (QWebSocket *client : clients)
        client->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server stopped"));
}

bool QtEchoServer::isListening() const
{
    return m_server->isListening();
}

QUrl QtEchoServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    url.setPath(QStringLiteral("/"));
    return url;
}

void QtEchoServer::onNewConnection()
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
