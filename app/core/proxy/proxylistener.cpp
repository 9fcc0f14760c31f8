// ProxyListener: the reverse proxy's listening socket and its clients, on the ProxyThread.
#include "proxy/proxylistener.h"

#include "proxy/proxiedclient.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace wsi {

ProxyListener::ProxyListener(const ReverseProxyOptions &options)
    : m_options(options)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &ProxyListener::onNewConnection);
}

ProxyListener::~ProxyListener()
{
    m_server->close(); // no client comes while the host shuts the others down
}

bool ProxyListener::listen(QString *error)
{
    if (m_server->listen(m_options.address, m_options.port))
        return true;
    *error = m_server->errorString();
    return false;
}

void ProxyListener::close()
{
    m_server->close();
}

QHostAddress ProxyListener::serverAddress() const
{
    return m_server->serverAddress();
}

quint16 ProxyListener::serverPort() const
{
    return m_server->serverPort();
}

void ProxyListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection())
        adopt(new ProxiedClient(socket, m_options, m_server->serverAddress(), m_server->serverPort(), this));
}

} // namespace wsi
