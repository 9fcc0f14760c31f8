// ProxiedClients: the GUI thread's side of the reverse proxy's clients on the ProxyThread: their Connections.
#include "proxy/proxiedclients.h"

#include "connection/connection.h"
#include "connection/decodedbatch.h"
#include "connection/proxiedtransport.h"
#include "connection/workspace.h"
#include "proxy/proxiedclienthost.h"

namespace wsi {

ProxiedClients::ProxiedClients(Workspace *workspace, const ConnectionOptions &upstream, Post post, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_upstream(upstream)
    , m_post(std::move(post))
{ }

void ProxiedClients::receive(std::shared_ptr<const ProxiedBatch> batch)
{
    m_paced.heavy([this, batch = std::move(batch)] { apply(*batch); });
}

std::function<void(ProxiedBatch &&)> ProxiedClients::sink()
{
    return [this](ProxiedBatch &&batch) {
        QMetaObject::invokeMethod(
            this, [this, shared = std::make_shared<const ProxiedBatch>(std::move(batch))] { receive(shared); },
            Qt::QueuedConnection);
    };
}

void ProxiedClients::retire(ProxiedClientHost *host)
{
    ProxiedClientHost::retire(host, this, [this](const ProxiedBatch &batch) { applyNow(batch); });
    drain(); // what came in retire's last pass of posted events with no last words after it
}

void ProxiedClients::applyNow(const ProxiedBatch &batch)
{
    drain();
    apply(batch);
}

void ProxiedClients::apply(const ProxiedBatch &batch)
{
    const quint64 number = batch.client;
    const auto upstream = m_upstreams.find(number);
    if (batch.first && m_workspace) {
        const ConnectionOptions &options = upstream == m_upstreams.end() ? m_upstream : upstream->second;
        auto *connection = new Connection(Connection::Kind::Proxied, options, batch.peer);
        m_workspace->addConnection(connection);
        connection->proxied()->startedAt(batch.acceptedUs);
        connection->proxied()->setAbortHandler(
            [post = m_post, number] { post([number](ProxiedClientHost *host) { host->shutdown(number); }); });
        m_connections.emplace(number, connection);
        Q_EMIT countChanged(count());
    }
    if (upstream != m_upstreams.end())
        m_upstreams.erase(upstream);
    const auto found = m_connections.find(number);
    const QPointer<Connection> connection = found == m_connections.end() ? nullptr : found->second;
    const bool recording = connection && connection->proxied();
    if (recording) {
        connection->proxied()->beginBatch();
        connection->proxied()->setDecodedOnceElsewhere(batch.clientDecodedOnce, batch.serverDecodedOnce);
    }
    DecodedPart applied[2]; // how far the client leg's and the server leg's rows are applied
    for (const ProxiedStep &step : batch.steps) {
        if (step.kind == ProxiedStep::Kind::Rules) {
            step.rulesCall(connection.data()); // null: deleted (a hold is still answered)
        } else if (!connection) { // a step ended the connection and someone deleted it
        } else if (step.kind == ProxiedStep::Kind::Rows) {
            const bool client = step.facing == ConnectionLeg::Facing::Client;
            connection->proxied()->setStepTime(-1); // the rows carry their own times
            if (const DecodedBatch *rows = batch.rows(step.facing)) // a Rows step comes with its leg's batch
                connection->proxied()->applyDecoded(step.facing, *rows, applied[client ? 0 : 1], step.upTo);
        } else {
            connection->proxied()->setStepTime(step.timeUs);
            step.function(*connection->proxied());
        }
    }
    if (recording && connection) {
        connection->proxied()->setStepTime(-1);
        connection->proxied()->endBatch();
    }
    if (batch.wireBytes > 0 && !batch.last && batch.acknowledged) {
        batch.acknowledged->bytes.fetch_add(batch.wireBytes);
        if (batch.acknowledged->waiting.exchange(false)) // held back: its thread is woken for it only
            m_post([number](ProxiedClientHost *host) { host->readOn(number); });
    }
    if (batch.last && found != m_connections.end()) {
        m_connections.erase(found);
        Q_EMIT countChanged(count());
    }
}

} // namespace wsi
