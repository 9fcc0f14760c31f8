// ProxiedClients: the GUI thread's side of the reverse proxy's clients on the ProxyThread: their Connections.
#pragma once

#include "endpoints/connectionoptions.h"
#include "proxy/proxiedbatch.h"
#include "store/passpacedqueue.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>

namespace wsi {

class Connection;
class ProxiedClientHost;
class Workspace;

// Makes each client's proxied Connection from its first batch (and adds it to the workspace), runs every batch's
// steps on its ProxiedTransport (one announcement per batch: ProxiedTransport::beginBatch), acknowledges each batch
// to the listener once applied (its back-pressure), and posts the Connection's abort to it. A Connection deleted
// meanwhile (the user removed it) records nothing more; its client relays on.
class ProxiedClients : public QObject
{
    Q_OBJECT
public:
    // post: runs a function with the host (the listener) on its thread (queued).
    using Post = std::function<void(std::function<void(ProxiedClientHost *)>)>;

    ProxiedClients(Workspace *workspace, const ConnectionOptions &upstream, Post post, QObject *parent = nullptr);

    // A batch from the listener's thread: applied now, or after those waiting and in a later pass of the event loop
    // than the last one applied (PassPacedQueue), so that a proxied flood's batches that queued up while this thread
    // was busy are not applied back to back before the window manager's ping is looked at (issue 12).
    void receive(std::shared_ptr<const ProxiedBatch> batch);
    // What a listener on another thread hands its batches to (ProxiedClientHost::setSink): each posted here to
    // receive(). This object must outlive the listener (retire() it first).
    std::function<void(ProxiedBatch &&)> sink();
    // Retires the listener whose batches come here (ProxiedClientHost::retire): what it sent and what waits is applied
    // in order, then its last words.
    void retire(ProxiedClientHost *host);
    // Applies what waits, then batch: the listener's last words as it retires.
    void applyNow(const ProxiedBatch &batch);
    // Applies what waits, now.
    void drain() { m_paced.runAll(); }
    // Applies a batch at once (the direct path of a test's own hook; see receive()).
    void apply(const ProxiedBatch &batch);
    // The forward proxy's clients each have their own upstream: client's Connection is made for this one (posted
    // before its first batch).
    void setUpstreamOf(quint64 client, const ConnectionOptions &upstream) { m_upstreams[client] = upstream; }
    int count() const { return int(m_connections.size()); }

Q_SIGNALS:
    // A client came or went.
    void countChanged(int count);

private:
    QPointer<Workspace> m_workspace; // the CLI deletes it before the proxy
    ConnectionOptions m_upstream;
    Post m_post;
    std::map<quint64, QPointer<Connection>> m_connections;
    std::map<quint64, ConnectionOptions> m_upstreams; // until their first batch
    PassPacedQueue m_paced { this }; // batches: one per pass of the event loop
};

} // namespace wsi
