// ReverseProxy: the listening socket of the reverse proxy; each client becomes a proxied Connection.
#include "proxy/reverseproxy.h"

#include "connection/connection.h"
#include "connection/workspace.h"
#include "proxy/proxiedclient.h"
#include "proxy/upstreamrequest.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace wsi {

ReverseProxy::ReverseProxy(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &ReverseProxy::onNewConnection);
}

ReverseProxy::~ReverseProxy()
{
    stop();
}

bool ReverseProxy::start(const ReverseProxyOptions &options, QString *error)
{
    const QString problem = options.validate();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_options = options;
    if (m_options.sendVia && m_options.viaToken.isEmpty())
        m_options.viaToken = UpstreamRequest::newViaToken(); // this run's own: a loop through another proxy shows
    if (!m_server->listen(options.address, options.port)) {
        if (error)
            *error = tr("The proxy could not listen on %1 port %2: %3")
                         .arg(options.address.toString())
                         .arg(options.port)
                         .arg(m_server->errorString());
        return false;
    }
    return true;
}

void ReverseProxy::stop()
{
    m_server->close();
    const QSet<ProxiedClient *> clients = m_clients;
    for (ProxiedClient *client : clients)
        client->shutdown();
}

bool ReverseProxy::isListening() const
{
    return m_server->isListening();
}

QUrl ReverseProxy::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    const QHostAddress address = m_server->serverAddress();
    url.setHost(address == QHostAddress::AnyIPv4 || address == QHostAddress::Any ? QStringLiteral("127.0.0.1")
                                                                                 : address.toString());
    url.setPort(m_server->serverPort());
    url.setPath(QStringLiteral("/"));
    return url;
}

void ReverseProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *client = new ProxiedClient(socket, m_options, m_server->serverAddress(), m_server->serverPort(), this);
        auto *connection = new Connection(Connection::Kind::Proxied, m_options.upstream, client->peer());
        m_workspace->addConnection(connection);
        m_clients.insert(client);
        connect(client, &ProxiedClient::finished, this, [this, client] {
            m_clients.remove(client);
            client->deleteLater();
            Q_EMIT clientCountChanged(clientCount());
        });
        client->start(connection, m_hook);
        Q_EMIT clientCountChanged(clientCount());
    }
}

} // namespace wsi
