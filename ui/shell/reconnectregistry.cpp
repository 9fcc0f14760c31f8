// The auto-reconnect controllers of the endpoints the user connected to, one per connection group.
#include "shell/reconnectregistry.h"

#include "connection/connection.h"
#include "connection/reconnectcontroller.h"

namespace wsi {

ReconnectRegistry::ReconnectRegistry(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{ }

ReconnectController *ReconnectRegistry::start(Connection *connection)
{
    auto *controller = new ReconnectController(m_workspace, connection, {}, {}, parent());
    m_controllers.insert(controller->groupId(), controller);
    return controller;
}

ReconnectController *ReconnectRegistry::controllerFor(const Connection *connection) const
{
    return connection && connection->inGroup() ? m_controllers.value(connection->groupId()) : nullptr;
}

} // namespace wsi
