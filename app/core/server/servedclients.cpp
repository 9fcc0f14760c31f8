// ServedClients: the GUI thread's side of the relay's clients: a Connection each, fed by the relay's batches.
#include "server/servedclients.h"

#include "connection/connection.h"
#include "server/frontrelay.h"
#include "server/servedclientlink.h"
#include "store/slowturnlog.h"

#include <QElapsedTimer>
#include <QMetaMethod>

namespace wsi {

ServedClients::ServedClients(FrontRelay *relay, QObject *parent)
    : QObject(parent)
    , m_relay(relay)
    , m_relayObject(relay)
{
    m_applyTurn.setSingleShot(true);
    m_applyTurn.setInterval(0);
    connect(&m_applyTurn, &QTimer::timeout, this, &ServedClients::applySome);
    // A relay on this thread (tests) is applied as it sends: it bounds its own turns.
    if (relay->thread() == thread())
        connect(relay, &FrontRelay::batchReady, this, &ServedClients::apply);
    else
        connect(relay, &FrontRelay::batchReady, this, &ServedClients::enqueue);
}

ServedClients::~ServedClients() = default;

void ServedClients::enqueue(const ServedBatch &batch)
{
    m_queue.push_back(batch);
    if (!m_applyTurn.isActive())
        m_applyTurn.start();
}

void ServedClients::applySome()
{
    QElapsedTimer spent;
    spent.start();
    while (!m_queue.empty() && spent.elapsed() < kApplyBudgetMs) {
        const ServedBatch batch = std::move(m_queue.front());
        m_queue.pop_front();
        apply(batch);
    }
    if (!m_queue.empty())
        m_applyTurn.start();
}

void ServedClients::applyQueued()
{
    while (!m_queue.empty()) {
        const ServedBatch batch = std::move(m_queue.front());
        m_queue.pop_front();
        apply(batch);
    }
}

void ServedClients::apply(const ServedBatch &batch)
{
    // Named, so that the slow-turn log tells applying a client's batch apart from Qt's own work (issue 12).
    const SlowTurnLog::Section section("server.batch");
    std::shared_ptr<ServedClientLink> link = m_links.value(batch.client);
    if (!link && !isSignalConnected(QMetaMethod::fromSignal(&ServedClients::clientArrived))) {
        // Nobody takes clients any more: the LocalServer is gone and its relay retires (a client that came in as it
        // was destroyed). A Connection made now would belong to no one; the client is let go instead.
        post([id = batch.client](FrontRelay *relay) {
            if (RelayedClient *client = relay->client(id))
                client->forget();
        });
        return;
    }
    if (!link) {
        ConnectionOptions described;
        described.url = m_url;
        auto *connection = new Connection(Connection::Kind::Incoming, described, batch.peer);
        link = std::make_shared<ServedClientLink>(this, batch.client, connection);
        m_links.insert(batch.client, link);
        connection->attachEndpoint(link.get()); // the link learns the Connection's ServedClient here
        link->startedAt(batch.acceptedUs);
        // Removed from the workspace while connected: the relay stops serving it (its last batch still comes).
        connect(connection, &QObject::destroyed, this, [this, id = batch.client] {
            post([id](FrontRelay *relay) {
                if (RelayedClient *client = relay->client(id))
                    client->forget();
            });
        });
        Q_EMIT clientArrived(connection, batch.client);
    }
    link->apply(batch);
    if (batch.diverted && link->connection())
        Q_EMIT clientDiverted(link->connection());
    if (batch.finished)
        m_links.remove(batch.client);
    // Taken: the client may be read on. Sent after the batch was applied, so a slow GUI holds the relay back.
    if (batch.wireBytes > 0 && !batch.finished)
        post([id = batch.client, bytes = batch.wireBytes](FrontRelay *relay) {
            if (RelayedClient *client = relay->client(id))
                client->batchTaken(bytes);
        });
}

} // namespace wsi
