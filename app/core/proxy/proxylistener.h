// ProxyListener: the reverse proxy's listening socket and its clients, on the ProxyThread.
#pragma once

#include "proxy/proxiedbatch.h"
#include "proxy/reverseproxyoptions.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

class QTcpServer;

namespace wsi {

class ProxiedClient;
class ProxyRuleLink;
class SharedRules;

// Issue 12: the GUI thread never reads a socket of the reverse proxy (with rules or without). This object
// lives on the ProxyThread with every socket it accepts and every ProxiedClient it makes; each client records into a
// batched ProxiedRecording, whose batches leave through the sink (at once for the opening, errors and the end, else
// on a 16 ms tick for every client). The GUI thread acknowledges batches (AcknowledgedBytes, posting a wake-up to a
// client held back) and posts the user's aborts, decisions and injections (callRules) by client number; a client is
// read on once what held it back (its unacknowledged bytes, the spill disk) let go.
class ProxyListener : public QObject
{
    Q_OBJECT
public:
    using Sink = std::function<void(ProxiedBatch &&batch)>;

    explicit ProxyListener(const ReverseProxyOptions &options);
    // Every client still relaying is shut down (both sockets closed) and hands over its last batch.
    ~ProxyListener() override;

    // Where the batches go (called on this thread); set before listen(), changed by the GUI thread's retirement.
    void setSink(Sink sink) { m_sink = std::move(sink); }
    // With rules (issue 12): each client gets its ClientRules, which reads rules; post runs a function with this
    // listener on its thread (queued from the GUI thread: the way back of decisions and injections). Before listen().
    void setRules(std::shared_ptr<SharedRules> rules, std::function<void(std::function<void(ProxyListener *)>)> post);
    // False with the reason in error (the port taken).
    bool listen(QString *error);
    void close();
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

    // The GUI thread applied batches of a client that was held back (AcknowledgedBytes): it reads on.
    void readOn(quint64 client);
    // Connection::abort() of that client, or the proxy stops (every client).
    void shutdown(quint64 client);
    void shutdownAll();
    // A decision or an injection for a client's rules: nothing when the client (or its WebSocket) is gone.
    void callRules(quint64 client, const std::function<void(ProxyRuleLink &)> &call);
    // Tests: where a client's sockets are (its ProxiedClient, whose children they are).
    ProxiedClient *clientForTests(quint64 client) const;

Q_SIGNALS:
    // A client's batch went to the sink (on this thread; tests look at its sockets then).
    void batchHandedOver(quint64 client);

private:
    void onNewConnection();
    void handOver(quint64 client, bool last = false);
    void handOverPending();
    void readOnAll();

    ReverseProxyOptions m_options;
    QTcpServer *m_server;
    Sink m_sink;
    std::shared_ptr<SharedRules> m_rules;
    std::function<void(std::function<void(ProxyListener *)>)> m_post;
    std::map<quint64, ProxiedClient *> m_clients;
    quint64 m_nextClient = 1;
    QTimer m_tick; // the 16 ms hand-over of every client's rows that were not urgent
};

} // namespace wsi
