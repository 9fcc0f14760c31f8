// Workspace: every connection of this window, outgoing and incoming, in order.
#include "connection/workspace.h"

#include "connection/connection.h"

namespace wsi {

Workspace::Workspace(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<wsi::Connection *>();
}

Workspace::~Workspace()
{
    qDeleteAll(m_connections);
}

Connection *Workspace::openConnection(const ConnectionOptions &options)
{
    auto *connection = new Connection(options, this);
    addConnection(connection);
    connection->open();
    return connection;
}

void Workspace::addConnection(Connection *connection)
{
    connection->setParent(this);
    connect(connection, &Connection::stateChanged, this, [this, connection] { Q_EMIT connectionChanged(connection); });
    connect(
        connection, &Connection::countersChanged, this, [this, connection] { Q_EMIT connectionChanged(connection); });
    connect(
        connection, &Connection::handshakeUpdated, this, [this, connection] { Q_EMIT connectionChanged(connection); });
    m_connections.append(connection);
    Q_EMIT connectionAdded(connection);
}

void Workspace::removeConnection(Connection *connection)
{
    if (!m_connections.contains(connection))
        return;
    Q_EMIT connectionAboutToBeRemoved(connection);
    m_connections.removeOne(connection);
    Q_EMIT connectionRemoved(connection);
    connection->abort();
    connection->disconnect(this);
    connection->deleteLater();
}

} // namespace wsi
