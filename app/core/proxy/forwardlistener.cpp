// ForwardListener: the forward proxy's listening socket, its clients' CONNECT and TLS, its relays, on the ProxyThread.
#include "proxy/forwardlistener.h"

#include "capture/peername.h"
#include "capture/tapserver.h"
#include "proxy/forwardclient.h"
#include "proxy/passthroughrelay.h"
#include "proxy/proxiedclient.h"

#include <QSslSocket>

#include <utility>

namespace wsi {

namespace {

// Pass-through bytes reach the GUI thread's counts at most this much later (one frame of the window).
constexpr int kCountTickMs = 16;

} // namespace

ForwardListener::ForwardListener(
    const ForwardProxyOptions &options, CertificateAuthority *authority, const QByteArray &viaToken)
    : m_options(options)
    , m_authority(authority)
    , m_viaToken(viaToken)
    , m_server(new TapServer(this)) // every client a QSslSocket: a tunnel may turn TLS
{
    connect(m_server, &QTcpServer::newConnection, this, &ForwardListener::onNewConnection);
    m_countTick.setSingleShot(true);
    m_countTick.setInterval(kCountTickMs);
    connect(&m_countTick, &QTimer::timeout, this, &ForwardListener::emitCounted);
}

ForwardListener::~ForwardListener()
{
    m_server->close();
    for (ForwardClient *client : QSet<ForwardClient *>(m_pending))
        client->shutdown();
    for (PassThroughRelay *relay : QSet<PassThroughRelay *>(m_passThroughs))
        relay->shutdown();
    emitCounted(); // the last bytes, before the GUI thread applies what this listener sent last
    // The host shuts the WebSockets down.
}

bool ForwardListener::listen(QString *error)
{
    if (!m_server->listen(m_options.address, m_options.port)) {
        *error = m_server->errorString();
        return false;
    }
    m_options.port = m_server->serverPort(); // each relay refuses to loop back here
    return true;
}

QHostAddress ForwardListener::serverAddress() const
{
    return m_server->serverAddress();
}

quint16 ForwardListener::serverPort() const
{
    return m_server->serverPort();
}

void ForwardListener::onNewConnection()
{
    while (QTcpSocket *accepted = m_server->nextPendingConnection()) {
        auto *socket = static_cast<QSslSocket *>(accepted); // TapServer makes only QSslSockets
        auto *client = new ForwardClient(
            socket, m_options, m_authority, m_server->serverAddress(), m_server->serverPort(), this);
        m_pending.insert(client);
        connect(client, &ForwardClient::webSocket, this, &ForwardListener::onWebSocket);
        connect(client, &ForwardClient::passThrough, this, &ForwardListener::onPassThrough);
        connect(client, &ForwardClient::refused, this, &ForwardListener::refused);
        connect(client, &ForwardClient::finished, this, [this, client] {
            m_pending.remove(client);
            client->deleteLater();
        });
        client->start();
    }
}

void ForwardListener::onWebSocket(QSslSocket *socket, const QUrl &upstream)
{
    ReverseProxyOptions relay = m_options.relayTo(upstream);
    relay.viaToken = m_viaToken;
    auto *client = new ProxiedClient(socket, relay, m_server->serverAddress(), m_server->serverPort(), this);
    // The number adopt() will give it: announced first, so that its Connection is made for this upstream.
    if (m_announce)
        m_announce(nextClient(), relay.upstream);
    adopt(client);
}

void ForwardListener::onPassThrough(QSslSocket *socket, const QUrl &upstream, const QByteArray &firstBytes)
{
    auto *relay = new PassThroughRelay(
        socket, m_options.relayTo(upstream), firstBytes, m_server->serverAddress(), m_server->serverPort(), this);
    m_passThroughs.insert(relay);
    Q_EMIT passThroughStarted();
    connect(relay, &PassThroughRelay::counted, this, &ForwardListener::count);
    const QString peer = peerName(socket);
    connect(
        relay, &PassThroughRelay::refused, this, [this, peer](const RecordedText &why) { Q_EMIT refused(peer, why); });
    connect(relay, &PassThroughRelay::finished, this, [this, relay] {
        m_passThroughs.remove(relay);
        relay->deleteLater();
    });
    relay->start();
}

void ForwardListener::count(qint64 bytes)
{
    m_uncounted += bytes;
    if (!m_countTick.isActive())
        m_countTick.start();
}

void ForwardListener::emitCounted()
{
    m_countTick.stop();
    if (m_uncounted > 0)
        Q_EMIT passThroughCounted(std::exchange(m_uncounted, 0));
}

} // namespace wsi
