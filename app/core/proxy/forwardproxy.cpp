// ForwardProxy: the forward proxy's listening socket; hands clients to tunnels, WebSocket relays or pass-through.
#include "proxy/forwardproxy.h"

#include "capture/peername.h"
#include "capture/tapserver.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "proxy/forwardclient.h"
#include "proxy/passthroughrelay.h"
#include "proxy/proxiedclient.h"
#include "proxy/upstreamrequest.h"
#include "tls/certificateauthority.h"
#include "tls/spkihash.h"

#include <QSslSocket>

namespace wsi {

ForwardProxy::ForwardProxy(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_server(new TapServer(this)) // every client a QSslSocket: a tunnel may turn TLS
{
    connect(m_server, &QTcpServer::newConnection, this, &ForwardProxy::onNewConnection);
}

ForwardProxy::~ForwardProxy()
{
    stop();
}

bool ForwardProxy::start(const ForwardProxyOptions &options, QString *error)
{
    QString problem = options.validate();
    if (problem.isEmpty() && !m_authority) {
        QString warning;
        m_authority = Connection::defaultCertificateAuthority(&warning);
        if (!m_authority || m_authority->certificate().isNull())
            problem = tr("The inspector's certificate authority could not be loaded: %1").arg(warning);
    }
    if (problem.isEmpty() && !m_server->listen(options.address, options.port))
        problem = tr("The proxy could not listen on %1 port %2: %3")
                      .arg(options.address.toString())
                      .arg(options.port)
                      .arg(m_server->errorString());
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_options = options;
    m_options.port = m_server->serverPort();
    m_viaToken = UpstreamRequest::newViaToken();
    m_passThroughCount = 0;
    m_passThroughBytes = 0;
    m_refusedCount = 0;
    return true;
}

void ForwardProxy::stop()
{
    m_server->close();
    for (ForwardClient *client : QSet<ForwardClient *>(m_pending))
        client->shutdown();
    for (ProxiedClient *client : QSet<ProxiedClient *>(m_webSockets))
        client->shutdown();
    for (PassThroughRelay *relay : QSet<PassThroughRelay *>(m_passThroughs))
        relay->shutdown();
}

bool ForwardProxy::isListening() const
{
    return m_server->isListening();
}

QUrl ForwardProxy::proxyUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    const QHostAddress address = m_server->serverAddress();
    url.setHost(address == QHostAddress::AnyIPv4 || address == QHostAddress::Any ? QStringLiteral("127.0.0.1")
                                                                                 : address.toString());
    url.setPort(m_server->serverPort());
    return url;
}

QString ForwardProxy::caSpkiSha256() const
{
    return m_authority ? SpkiHash::sha256Base64(m_authority->certificate()) : QString();
}

void ForwardProxy::onNewConnection()
{
    while (QTcpSocket *accepted = m_server->nextPendingConnection()) {
        auto *socket = static_cast<QSslSocket *>(accepted); // TapServer makes only QSslSockets
        auto *client = new ForwardClient(
            socket, m_options, m_authority, m_server->serverAddress(), m_server->serverPort(), this);
        m_pending.insert(client);
        connect(client, &ForwardClient::webSocket, this, &ForwardProxy::onWebSocket);
        connect(client, &ForwardClient::passThrough, this, &ForwardProxy::onPassThrough);
        connect(client, &ForwardClient::refused, this, &ForwardProxy::onRefused);
        connect(client, &ForwardClient::finished, this, [this, client] {
            m_pending.remove(client);
            client->deleteLater();
        });
        client->start();
    }
}

void ForwardProxy::onWebSocket(QSslSocket *socket, const QUrl &upstream)
{
    ReverseProxyOptions relay = m_options.relayTo(upstream);
    relay.viaToken = m_viaToken;
    auto *client = new ProxiedClient(socket, relay, m_server->serverAddress(), m_server->serverPort(), this);
    auto *connection = new Connection(Connection::Kind::Proxied, relay.upstream, client->peer());
    m_workspace->addConnection(connection);
    m_webSockets.insert(client);
    connect(client, &ProxiedClient::finished, this, [this, client] {
        m_webSockets.remove(client);
        client->deleteLater();
        Q_EMIT countsChanged();
    });
    client->start(connection, m_hook);
    Q_EMIT countsChanged();
}

void ForwardProxy::onPassThrough(QSslSocket *socket, const QUrl &upstream, const QByteArray &firstBytes)
{
    auto *relay = new PassThroughRelay(
        socket, m_options.relayTo(upstream), firstBytes, m_server->serverAddress(), m_server->serverPort(), this);
    m_passThroughs.insert(relay);
    ++m_passThroughCount;
    connect(relay, &PassThroughRelay::counted, this, [this](qint64 bytes) {
        m_passThroughBytes += bytes;
        Q_EMIT countsChanged();
    });
    const QString peer = peerName(socket);
    connect(relay, &PassThroughRelay::refused, this, [this, peer](const RecordedText &why) { onRefused(peer, why); });
    connect(relay, &PassThroughRelay::finished, this, [this, relay] {
        m_passThroughs.remove(relay);
        relay->deleteLater();
    });
    relay->start();
    Q_EMIT countsChanged();
}

void ForwardProxy::onRefused(const QString &peer, const RecordedText &why)
{
    ++m_refusedCount;
    Q_EMIT refused(peer, why.translated()); // for the user only (stderr, the panel); the client got why.english()
    Q_EMIT countsChanged();
}

} // namespace wsi
