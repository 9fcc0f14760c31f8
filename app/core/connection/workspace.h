// Workspace: every connection of this window, outgoing and incoming, in order.
#pragma once

#include "endpoints/connectionoptions.h"

#include <QList>
#include <QObject>

namespace wsi {

class Connection;

// All connections of this run: outgoing ones and (later) clients of the local server.
class Workspace : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);
    ~Workspace() override;

    // Creates the connection, adds it and opens it.
    Connection *openConnection(const ConnectionOptions &options);
    // Adds a connection created elsewhere (a client of the local server); the workspace owns it.
    void addConnection(Connection *connection);
    // Closes (if open) and forgets a connection.
    void removeConnection(Connection *connection);

    const QList<Connection *> &connections() const { return m_connections; }
    int indexOf(const Connection *connection) const { return m_connections.indexOf(connection); }

Q_SIGNALS:
    void connectionAdded(wsi::Connection *connection);
    void connectionAboutToBeRemoved(wsi::Connection *connection);
    void connectionRemoved(wsi::Connection *connection); // no longer in connections(); deleted later
    void connectionChanged(wsi::Connection *connection); // state or counters changed

private:
    QList<Connection *> m_connections;
};

} // namespace wsi
