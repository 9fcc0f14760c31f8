// ServedClientLink: one served client's Connection and the relay on the server thread, seen from the GUI thread.
#include "server/servedclientlink.h"

#include "connection/connection.h"
#include "connection/servedclient.h"
#include "server/frontrelay.h"
#include "server/servedclients.h"

namespace wsi {

ServedClientLink::ServedClientLink(ServedClients *clients, quint64 id, Connection *connection)
    : m_clients(clients)
    , m_id(id)
    , m_connection(connection)
{ }

void ServedClientLink::startedAt(qint64 timeUs)
{
    if (m_served)
        m_served->startedAt(timeUs);
}

void ServedClientLink::apply(const ServedBatch &batch)
{
    if (!m_connection || !m_served)
        return; // removed from the workspace: the relay has been told to forget the client
    if (batch.decoded)
        m_served->apply(*batch.decoded);
    if (batch.openedUs >= 0)
        m_served->openedAt(batch.openedUs);
    if (batch.closing)
        m_served->closingByServer();
    if (batch.finished) {
        m_connection->attachEndpoint(nullptr);
        m_connection->wireClosed();
    }
}

bool ServedClientLink::sendMessage(bool isText, QByteArrayView payload)
{
    m_clients->post([id = m_id, isText, bytes = payload.toByteArray()](FrontRelay *relay) {
        if (RelayedClient *client = relay->client(id))
            client->sendMessage(isText, bytes);
    });
    return true;
}

bool ServedClientLink::sendPing(QByteArrayView payload)
{
    m_clients->post([id = m_id, bytes = payload.toByteArray()](FrontRelay *relay) {
        if (RelayedClient *client = relay->client(id))
            client->sendPing(bytes);
    });
    return true;
}

bool ServedClientLink::sendClose(int code, const QString &reason)
{
    m_clients->post([id = m_id, code, reason](FrontRelay *relay) {
        if (RelayedClient *client = relay->client(id))
            client->sendClose(code, reason);
    });
    return true;
}

void ServedClientLink::abort()
{
    m_clients->post([id = m_id](FrontRelay *relay) {
        if (RelayedClient *client = relay->client(id))
            client->abort();
    });
}

} // namespace wsi
