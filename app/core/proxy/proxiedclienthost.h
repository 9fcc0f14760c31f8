// ProxiedClientHost: the ProxiedClients a proxy runs on the ProxyThread, by number, and the hand-over of their batches.
#pragma once

#include "proxy/proxiedbatch.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace wsi {

class ProxiedClient;
class ProxyRuleLink;
class SharedRules;

// Issue 12: what the reverse proxy's listener (ProxyListener) and the forward proxy's (ForwardListener) share. Lives on
// the ProxyThread with every ProxiedClient it adopts; each client records into a batched ProxiedRecording, whose
// batches leave through the sink (at once for the opening, errors and the end, else on a 16 ms tick for every client).
// The GUI thread acknowledges batches (AcknowledgedBytes, posting a wake-up to a client held back) and posts the user's
// aborts, decisions and injections (callRules) by client number; a client is read on once what held it back (its
// unacknowledged bytes, the spill disk) let go.
class ProxiedClientHost : public QObject
{
    Q_OBJECT
public:
    using Sink = std::function<void(ProxiedBatch &&batch)>;
    // Runs a function with this host on its thread (queued from the GUI thread).
    using Post = std::function<void(std::function<void(ProxiedClientHost *)>)>;

    ProxiedClientHost();
    // Every client still relaying is shut down (both sockets closed) and hands over its last batch.
    ~ProxiedClientHost() override;

    // Where the batches go (called on this thread); set before the first client, changed by the GUI thread's
    // retirement.
    void setSink(Sink sink) { m_sink = std::move(sink); }
    // With rules (issue 12): each client gets its ClientRules, which reads rules; post is the way back of decisions and
    // injections. Before the first client.
    void setRules(std::shared_ptr<SharedRules> rules, Post post);

    // The GUI thread applied batches of a client that was held back (AcknowledgedBytes): it reads on.
    void readOn(quint64 client);
    // Connection::abort() of that client, or the proxy stops (every client).
    void shutdown(quint64 client);
    void shutdownAll();
    // A decision or an injection for a client's rules: nothing when the client (or its WebSocket) is gone.
    void callRules(quint64 client, const std::function<void(ProxyRuleLink &)> &call);
    // Tests: where a client's sockets are (its ProxiedClient, whose children they are).
    ProxiedClient *clientForTests(quint64 client) const;

    // From the GUI thread: deletes host on its thread (blocking; its clients shut down there, each noting why) and
    // hands every batch it sent, the last ones included, to apply, in order. What was posted to receiver (the GUI
    // side that applies them) before goes first.
    static void retire(
        ProxiedClientHost *host, QObject *receiver, const std::function<void(const ProxiedBatch &)> &apply);

Q_SIGNALS:
    // A client's batch went to the sink (on this thread; tests look at its sockets then).
    void batchHandedOver(quint64 client);

protected:
    // Takes client (a child of this host, not started yet), numbers it and starts it recording in batches, with the
    // rules when there are rules. Returns its number.
    quint64 adopt(ProxiedClient *client);
    // The number the next adopt() gives.
    quint64 nextClient() const { return m_nextClient; }

private:
    void handOver(quint64 client, bool last = false);
    void handOverPending();
    void readOnAll();

    Sink m_sink;
    std::shared_ptr<SharedRules> m_rules;
    Post m_post;
    std::map<quint64, ProxiedClient *> m_clients;
    quint64 m_nextClient = 1;
    QTimer m_tick; // the 16 ms hand-over of every client's rows that were not urgent
};

} // namespace wsi
