// ProxiedClients: the GUI thread's side of the reverse proxy's clients on the ProxyThread: their Connections.
#pragma once

#include "endpoints/connectionoptions.h"
#include "proxy/proxiedbatch.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <map>

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
};

} // namespace wsi
