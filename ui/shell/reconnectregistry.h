// The auto-reconnect controllers of the endpoints the user connected to, one per connection group.
#pragma once

#include <QHash>
#include <QObject>

namespace wsi {

class Connection;
class ReconnectController;
class Workspace;

class ReconnectRegistry : public QObject
{
    Q_OBJECT
public:
    explicit ReconnectRegistry(Workspace *workspace, QObject *parent = nullptr);

    // Starts reconnecting this (first) connection of an endpoint when it drops.
    ReconnectController *start(Connection *connection);
    // Null when the connection belongs to no group with auto-reconnect.
    ReconnectController *controllerFor(const Connection *connection) const;

private:
    Workspace *m_workspace = nullptr;
    QHash<int, ReconnectController *> m_controllers; // by group id (the endpoint's first connection)
};

} // namespace wsi
