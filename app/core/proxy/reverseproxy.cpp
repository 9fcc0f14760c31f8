// ReverseProxy: the listening socket of the reverse proxy; each client becomes a proxied Connection.
#include "proxy/reverseproxy.h"

#include "connection/connection.h"
#include "connection/workspace.h"
#include "proxy/proxiedclient.h"
#include "proxy/proxiedclients.h"
#include "proxy/proxylistener.h"
#include "proxy/proxythread.h"
#include "proxy/upstreamrequest.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <utility>

namespace wsi {

ReverseProxy::ReverseProxy(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &ReverseProxy::onNewConnection);
}

ReverseProxy::~ReverseProxy()
{
    stop();
}

bool ReverseProxy::start(const ReverseProxyOptions &options, QString *error)
{
    const QString problem = options.validate();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_options = options;
    if (m_options.sendVia && m_options.viaToken.isEmpty())
        m_options.viaToken = UpstreamRequest::newViaToken(); // this run's own: a loop through another proxy shows
    retireListener(); // the clients of an earlier run were stopped
    QString reason;
    const bool here = m_hook && !m_hook->rulesForRelayThread(); // a test's own hook: relayed on this thread
    const bool listening = here ? m_server->listen(options.address, options.port) : startOnProxyThread(&reason);
    if (!listening) {
        if (error)
            *error = tr("The proxy could not listen on %1 port %2: %3")
                         .arg(options.address.toString())
                         .arg(options.port)
                         .arg(here ? m_server->errorString() : reason);
        return false;
    }
    return true;
}

bool ReverseProxy::startOnProxyThread(QString *error)
{
    m_thread = ProxyThread::acquire();
    auto post = [self = QPointer<ReverseProxy>(this)](std::function<void(ProxiedClientHost *)> call) {
        if (ProxyListener *listener = self ? self->m_listener : nullptr)
            QMetaObject::invokeMethod(
                listener, [listener, call] { call(listener); }, Qt::QueuedConnection);
    };
    m_proxied = new ProxiedClients(m_workspace, m_options.upstream, post, this);
    connect(m_proxied, &ProxiedClients::countChanged, this, [this] { Q_EMIT clientCountChanged(clientCount()); });
    // Made on the proxy thread, so that its timer and every socket it accepts belong there; this thread waits for
    // the answer, so that start() can say at once why it cannot listen.
    ProxiedClients *proxied = m_proxied;
    const std::shared_ptr<SharedRules> rules = m_hook ? m_hook->rulesForRelayThread() : nullptr;
    QMetaObject::invokeMethod(
        m_thread->context(),
        [&] {
            m_listener = new ProxyListener(m_options);
            if (rules)
                m_listener->setRules(rules, post);
            m_listener->setSink(proxied->sink());
            m_listeningOnThread = m_listener->listen(error);
            m_listeningAddress = m_listener->serverAddress();
            m_listeningPort = m_listener->serverPort();
        },
        Qt::BlockingQueuedConnection);
    if (!m_listeningOnThread)
        retireListener();
    return m_listeningOnThread;
}

void ReverseProxy::retireListener()
{
    if (!m_listener) {
        m_thread.reset();
        return;
    }
    m_proxied->retire(std::exchange(m_listener, nullptr));
    m_listeningOnThread = false;
    m_proxied->deleteLater();
    m_proxied = nullptr;
    m_thread.reset(); // the last holder stops and joins it
}

void ReverseProxy::stop()
{
    m_server->close();
    const QSet<ProxiedClient *> clients = m_clients;
    for (ProxiedClient *client : clients)
        client->shutdown();
    // Its clients are aborted there as these are here (each finishes at once), and the thread goes with it.
    retireListener();
}

bool ReverseProxy::isListening() const
{
    return m_server->isListening() || m_listeningOnThread;
}

int ReverseProxy::clientCount() const
{
    return int(m_clients.size()) + (m_proxied ? m_proxied->count() : 0);
}

QUrl ReverseProxy::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    const QHostAddress address = m_listener ? m_listeningAddress : m_server->serverAddress();
    url.setHost(address == QHostAddress::AnyIPv4 || address == QHostAddress::Any ? QStringLiteral("127.0.0.1")
                                                                                 : address.toString());
    url.setPort(m_listener ? m_listeningPort : m_server->serverPort());
    url.setPath(QStringLiteral("/"));
    return url;
}

void ReverseProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *client = new ProxiedClient(socket, m_options, m_server->serverAddress(), m_server->serverPort(), this);
        auto *connection = new Connection(Connection::Kind::Proxied, m_options.upstream, client->peer());
        m_workspace->addConnection(connection);
        m_clients.insert(client);
        connect(client, &ProxiedClient::finished, this, [this, client] {
            m_clients.remove(client);
            client->deleteLater();
            Q_EMIT clientCountChanged(clientCount());
        });
        client->start(connection, m_hook);
        Q_EMIT clientCountChanged(clientCount());
    }
}

} // namespace wsi
