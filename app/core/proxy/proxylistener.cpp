// ProxyListener: the reverse proxy's listening socket and its clients, on the ProxyThread.
#include "proxy/proxylistener.h"

#include "proxy/clientrules.h"
#include "proxy/proxiedclient.h"
#include "proxy/proxiedrecording.h"
#include "store/diskbacklog.h"
#include "store/wallclock.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace wsi {

namespace {

// One frame of the window: rows that are not urgent reach the GUI thread at most this much later (the tap's figure).
constexpr int kTickMs = 16;

} // namespace

ProxyListener::ProxyListener(const ReverseProxyOptions &options)
    : m_options(options)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &ProxyListener::onNewConnection);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &ProxyListener::handOverPending);
    // Queued to this thread: the spill writer's thread emits it.
    connect(&DiskBacklog::instance(), &DiskBacklog::caughtUp, this, &ProxyListener::readOnAll);
}

ProxyListener::~ProxyListener()
{
    m_server->close();
    shutdownAll(); // each finishes at once (aborted sockets), handing over its last batch
    const std::map<quint64, ProxiedClient *> left = std::exchange(m_clients, {});
    for (const auto &[number, client] : left)
        delete client;
}

void ProxyListener::setRules(
    std::shared_ptr<SharedRules> rules, std::function<void(std::function<void(ProxyListener *)>)> post)
{
    m_rules = std::move(rules);
    m_post = std::move(post);
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
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        const quint64 number = m_nextClient++;
        auto *client = new ProxiedClient(socket, m_options, m_server->serverAddress(), m_server->serverPort(), this);
        m_clients.emplace(number, client);
        connect(client, &ProxiedClient::finished, this, [this, number, client] {
            handOver(number, true);
            m_clients.erase(number);
            client->deleteLater();
            if (m_clients.empty())
                m_tick.stop();
        });
        if (!m_tick.isActive())
            m_tick.start();
        auto recording = std::make_unique<ProxiedRecording>(
            number, client->peer(), wallClockUs(), [this, number] { handOver(number); });
        std::unique_ptr<ClientRules> rules;
        if (m_rules) {
            rules = std::make_unique<ClientRules>(
                m_rules, recording.get(), [post = m_post, number](std::function<void(ProxyRuleLink &)> call) {
                    post([number, call](ProxyListener *listener) { listener->callRules(number, call); });
                });
        }
        client->start(std::move(recording), std::move(rules));
    }
}

void ProxyListener::handOver(quint64 number, bool last)
{
    const auto found = m_clients.find(number);
    if (found == m_clients.end() || !m_sink)
        return;
    ProxiedRecording *recording = found->second->recording();
    if (recording && (last || recording->hasSteps())) {
        m_sink(recording->take(last));
        Q_EMIT batchHandedOver(number);
    }
}

void ProxyListener::handOverPending()
{
    for (const auto &[number, client] : m_clients) {
        if (client->recording() && client->recording()->hasSteps())
            handOver(number);
    }
}

void ProxyListener::readOn(quint64 number)
{
    const auto found = m_clients.find(number);
    if (found != m_clients.end() && found->second->recording())
        found->second->readOn();
}

void ProxyListener::readOnAll()
{
    if (DiskBacklog::instance().isBehind())
        return; // a stale wake: the next caughtUp() comes
    for (const auto &[number, client] : std::map<quint64, ProxiedClient *>(m_clients))
        client->readOn();
}

void ProxyListener::shutdown(quint64 number)
{
    const auto found = m_clients.find(number);
    if (found != m_clients.end())
        found->second->shutdown();
}

void ProxyListener::shutdownAll()
{
    // A copy: each shutdown finishes its client, which leaves the map.
    for (const auto &[number, client] : std::map<quint64, ProxiedClient *>(m_clients))
        client->shutdown();
}

void ProxyListener::callRules(quint64 number, const std::function<void(ProxyRuleLink &)> &call)
{
    const auto found = m_clients.find(number);
    ProxiedClient *client = found == m_clients.end() ? nullptr : found->second;
    ProxyRuleLink *link = client && client->rules() ? client->rules()->link() : nullptr;
    if (!link)
        return;
    call(*link); // the client may finish in it (it is deleted later, from the event loop)
    client->recording()->handOverNow();
}

ProxiedClient *ProxyListener::clientForTests(quint64 number) const
{
    const auto found = m_clients.find(number);
    return found == m_clients.end() ? nullptr : found->second;
}

} // namespace wsi
