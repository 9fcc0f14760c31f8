// ProxiedClientHost: the ProxiedClients a proxy runs on the ProxyThread, by number, and the hand-over of their batches.
#include "proxy/proxiedclienthost.h"

#include "proxy/clientrules.h"
#include "proxy/proxiedclient.h"
#include "proxy/proxiedrecording.h"
#include "store/diskbacklog.h"
#include "store/wallclock.h"

#include <QCoreApplication>

#include <memory>
#include <vector>

namespace wsi {

namespace {

// One frame of the window: rows that are not urgent reach the GUI thread at most this much later (the tap's figure).
constexpr int kTickMs = 16;

} // namespace

ProxiedClientHost::ProxiedClientHost()
{
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &ProxiedClientHost::handOverPending);
    // Queued to this thread: the spill writer's thread emits it.
    connect(&DiskBacklog::instance(), &DiskBacklog::caughtUp, this, &ProxiedClientHost::readOnAll);
}

ProxiedClientHost::~ProxiedClientHost()
{
    shutdownAll(); // each finishes at once (aborted sockets), handing over its last batch
    const std::map<quint64, ProxiedClient *> left = std::exchange(m_clients, {});
    for (const auto &[number, client] : left)
        delete client;
}

void ProxiedClientHost::setRules(std::shared_ptr<SharedRules> rules, Post post)
{
    m_rules = std::move(rules);
    m_post = std::move(post);
}

quint64 ProxiedClientHost::adopt(ProxiedClient *client)
{
    const quint64 number = m_nextClient++;
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
                post([number, call](ProxiedClientHost *host) { host->callRules(number, call); });
            });
    }
    client->start(std::move(recording), std::move(rules));
    return number;
}

void ProxiedClientHost::handOver(quint64 number, bool last)
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

void ProxiedClientHost::handOverPending()
{
    for (const auto &[number, client] : m_clients) {
        if (client->recording() && client->recording()->hasSteps())
            handOver(number);
    }
}

void ProxiedClientHost::readOn(quint64 number)
{
    const auto found = m_clients.find(number);
    if (found != m_clients.end() && found->second->recording())
        found->second->readOn();
}

void ProxiedClientHost::readOnAll()
{
    if (DiskBacklog::instance().isBehind())
        return; // a stale wake: the next caughtUp() comes
    for (const auto &[number, client] : std::map<quint64, ProxiedClient *>(m_clients))
        client->readOn();
}

void ProxiedClientHost::shutdown(quint64 number)
{
    const auto found = m_clients.find(number);
    if (found != m_clients.end())
        found->second->shutdown();
}

void ProxiedClientHost::shutdownAll()
{
    // A copy: each shutdown finishes its client, which leaves the map.
    for (const auto &[number, client] : std::map<quint64, ProxiedClient *>(m_clients))
        client->shutdown();
}

void ProxiedClientHost::callRules(quint64 number, const std::function<void(ProxyRuleLink &)> &call)
{
    const auto found = m_clients.find(number);
    ProxiedClient *client = found == m_clients.end() ? nullptr : found->second;
    ProxyRuleLink *link = client && client->rules() ? client->rules()->link() : nullptr;
    if (!link)
        return;
    call(*link); // the client may finish in it (it is deleted later, from the event loop)
    client->recording()->handOverNow();
}

ProxiedClient *ProxiedClientHost::clientForTests(quint64 number) const
{
    const auto found = m_clients.find(number);
    return found == m_clients.end() ? nullptr : found->second;
}

void ProxiedClientHost::retire(
    ProxiedClientHost *host, QObject *receiver, const std::function<void(const ProxiedBatch &)> &apply)
{
    // What the host sent and this thread has not applied yet goes first; then the host goes on its thread, its
    // clients still relaying shut down there (each notes why), and those last batches are applied here.
    QCoreApplication::sendPostedEvents(receiver, QEvent::MetaCall);
    std::vector<ProxiedBatch> last;
    QMetaObject::invokeMethod(
        host,
        [host, &last] {
            host->setSink([&last](ProxiedBatch &&batch) { last.push_back(std::move(batch)); });
            delete host;
        },
        Qt::BlockingQueuedConnection);
    QCoreApplication::sendPostedEvents(receiver, QEvent::MetaCall); // posted before the host's last words
    for (const ProxiedBatch &batch : last)
        apply(batch);
}

} // namespace wsi
