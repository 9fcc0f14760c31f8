// FrontRelay: the local test server's listening socket; hands each client to a RelayedClient.
#include "server/frontrelay.h"

#include "store/slowturnlog.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSslSocket>

namespace wsi {

namespace {
// Qt's default backlog of 50 drops SYNs in a burst of clients, and each drop costs a 1 s retry (DESIGN.md).
constexpr int kListenBacklog = 4096;
// Deadlines are seconds long; a tenth of a second late is fine.
constexpr int kSweepIntervalMs = 100;
// A burst of clients is handed on in batches, one per event-loop turn, so that timers and painting run in
// between: QTcpServer accepts everything the kernel holds in one pass (hundreds of clients, each a Connection,
// a journal file and a list row), which froze the window for a quarter second at a time.
constexpr int kMaxAcceptsPerTurn = 64;
// ... and a batch stops early once it took this long (a slow disk makes each journal file expensive).
constexpr qint64 kAcceptBudgetMs = 10;
} // namespace

FrontRelay::FrontRelay(QObject *parent)
    : QTcpServer(parent)
{
    setListenBacklogSize(kListenBacklog);
    setMaxAcceptsPerTurn(kMaxAcceptsPerTurn);
    connect(this, &QTcpServer::newConnection, this, &FrontRelay::onPendingConnection);
    m_acceptTurn.setSingleShot(true);
    m_acceptTurn.setInterval(0);
    connect(&m_acceptTurn, &QTimer::timeout, this, &FrontRelay::acceptPending);
    m_sweep.setInterval(kSweepIntervalMs);
    connect(&m_sweep, &QTimer::timeout, this, &FrontRelay::sweepDeadlines);
}

void FrontRelay::setMaxAcceptsPerTurn(int count)
{
    m_maxAcceptsPerTurn = qMax(1, count);
    // QTcpServer stops accepting (and leaves the rest in the kernel's backlog) once this many wait for us;
    // nextPendingConnection() lets it go on.
    setMaxPendingConnections(m_maxAcceptsPerTurn);
}

void FrontRelay::incomingConnection(qintptr descriptor)
{
    if (m_tls.isNull()) {
        QTcpServer::incomingConnection(descriptor);
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        socket->deleteLater();
        return;
    }
    socket->setSslConfiguration(m_tls);
    const QString peer = QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort());
    connect(socket, &QSslSocket::sslErrors, socket, [this, socket, peer](const QList<QSslError> &errors) {
        if (!errors.isEmpty())
            Q_EMIT tlsFailed(peer, errors.first().errorString());
        socket->abort();
    });
    connect(socket, &QSslSocket::errorOccurred, socket, [this, socket, peer](QAbstractSocket::SocketError error) {
        if (!socket->isEncrypted() && error != QAbstractSocket::RemoteHostClosedError)
            Q_EMIT tlsFailed(peer, socket->errorString());
    });
    // The client is handed on only once TLS is up: the relay records plaintext.
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        socket->disconnect(this);
        accept(socket);
    });
    connect(socket, &QSslSocket::disconnected, socket, [socket] {
        if (!socket->isEncrypted())
            socket->deleteLater();
    });
    socket->startServerEncryption();
}

void FrontRelay::onPendingConnection()
{
    // Called once per accepted socket while QTcpServer accepts: the batch runs after this pass.
    if (!m_acceptTurn.isActive())
        m_acceptTurn.start();
}

void FrontRelay::acceptPending()
{
    const SlowTurnLog::Section section("server.accept");
    QElapsedTimer spent;
    spent.start();
    for (int taken = 0; taken < m_maxAcceptsPerTurn && spent.elapsed() < kAcceptBudgetMs; ++taken) {
        // What waits in the kernel is taken now, not one turn later when QTcpServer's notifier has fired.
        if (!hasPendingConnections() && !waitForNewConnection(0))
            break;
        QTcpSocket *socket = nextPendingConnection();
        if (!socket)
            break;
        accept(socket);
    }
    if (hasPendingConnections())
        m_acceptTurn.start();
}

void FrontRelay::accept(QTcpSocket *socket)
{
    auto *client = new RelayedClient(socket, m_settings, &m_gauge, this);
    m_clients.insert(client);
    connect(client, &QObject::destroyed, this, [this, client] {
        m_clients.remove(client);
        m_watched.remove(client);
    });
    connect(client, &RelayedClient::deadlineArmed, this, [this, client] { watchDeadlines(client); });
    watchDeadlines(client);
    Q_EMIT clientAccepted(client);
}

void FrontRelay::watchDeadlines(RelayedClient *client)
{
    m_watched.insert(client);
    if (!m_sweep.isActive())
        m_sweep.start();
}

void FrontRelay::sweepDeadlines()
{
    const qint64 now = QDeadlineTimer::current().deadline();
    // A copy: a deadline may finish a client, and its owner may delete it.
    const QList<RelayedClient *> watched = m_watched.values();
    for (RelayedClient *client : watched) {
        if (!m_watched.contains(client))
            continue;
        client->checkDeadlines(now);
        if (m_watched.contains(client) && !client->hasDeadline())
            m_watched.remove(client); // until deadlineArmed()
    }
    if (m_watched.isEmpty())
        m_sweep.stop();
}

} // namespace wsi
