// FrontRelay: the local test server's listening socket; hands each client to a RelayedClient.
#include "server/frontrelay.h"

#include "capture/peername.h"
#include "server/serverbehaviour.h"
#include "server/transportendpoints.h"
#include "store/diskbacklog.h"
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
// What a client recorded goes to the GUI thread at most once per frame (issue 12: batched model updates).
constexpr int kBatchIntervalMs = 16;
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
    m_batchTick.setSingleShot(true);
    m_batchTick.setInterval(kBatchIntervalMs);
    connect(&m_batchTick, &QTimer::timeout, this, &FrontRelay::sendDueBatches);
    // A spill file's disk that was behind caught up: the clients it held back read on (queued to this thread; the
    // check is cheap for the clients it did not hold, 10,000 idle ones included).
    connect(&DiskBacklog::instance(), &DiskBacklog::caughtUp, this, [this] {
        const QList<RelayedClient *> clients = m_clients.values();
        for (RelayedClient *client : clients) {
            if (m_clients.contains(client))
                client->readOnIfReleased();
        }
    });
}

FrontRelay::~FrontRelay()
{
    const QList<RelayedClient *> clients = m_clients.values();
    for (RelayedClient *client : clients)
        client->endWithRelay();
}

void FrontRelay::setBehaviour(std::unique_ptr<ServerBehaviour> behaviour)
{
    m_behaviour = std::move(behaviour);
}

void FrontRelay::stopServing(int code, const QString &reason)
{
    const QList<RelayedClient *> clients = m_clients.values();
    for (RelayedClient *client : clients) {
        if (!m_clients.contains(client))
            continue;
        if (!client->closeByServer(code, reason))
            client->abort(); // not open, or its Close already sent: it does not wait for the client
        if (m_clients.contains(client))
            client->stopServing();
    }
    m_behaviour.reset(); // nobody new is admitted, nothing more is answered
    m_stopped = true;
    // A wss client still in its TLS handshake is no client yet: finished after the stop, it was served a 101 by a
    // server that had stopped (for the 2 s the relay takes to retire).
    const QList<QSslSocket *> handshaking = findChildren<QSslSocket *>(Qt::FindDirectChildrenOnly);
    for (QSslSocket *socket : handshaking) {
        if (!socket->isEncrypted())
            socket->abort();
    }
    if (m_sideDoor)
        m_sideDoor->reset(); // held long polls, streams and WebSockets are closed too
}

void FrontRelay::openSideDoor(std::shared_ptr<TransportTallies> tallies)
{
    if (!m_sideDoor)
        m_sideDoor = new TransportEndpoints(std::move(tallies), this);
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
    const QString peer = peerName(socket);
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
    if (m_stopped) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    const quint64 id = m_nextId++;
    auto *client = new RelayedClient(socket, id, m_settings, &m_gauge, this);
    m_clients.insert(client);
    m_byId.insert(id, client);
    connect(client, &QObject::destroyed, this, [this, client, id] {
        m_clients.remove(client);
        m_byId.remove(id);
        m_watched.remove(client);
        m_due.remove(client);
    });
    connect(client, &RelayedClient::deadlineArmed, this, [this, client] { watchDeadlines(client); });
    connect(client, &RelayedClient::recorded, this, [this, client](bool urgent) { onRecorded(client, urgent); });
    if (m_sideDoor) // the socket stays on this thread: the GUI thread never reads it (issue 12)
        connect(client, &RelayedClient::sideDoorTaken, m_sideDoor, &TransportEndpoints::take);
    connect(client, &RelayedClient::finished, this, [this, client] {
        // Its last batch has left (finish() records the end urgently); acknowledgements find no client any more.
        m_clients.remove(client);
        m_byId.remove(client->id());
        client->deleteLater();
    });
    client->setSideDoorOpen(m_sideDoor != nullptr);
    watchDeadlines(client);
    client->serve(
        [this](const HttpHead &request) {
            return m_behaviour ? m_behaviour->gate(request, admittedCount()) : QByteArray();
        },
        [this](RelayedClient *from, bool isText, QByteArrayView payload) {
            if (m_behaviour)
                m_behaviour->onMessage(from, isText, payload, m_clients);
        });
}

int FrontRelay::admittedCount() const
{
    int admitted = 0;
    for (const RelayedClient *client : m_clients)
        admitted += client->isAdmitted() ? 1 : 0;
    return admitted;
}

void FrontRelay::onRecorded(RelayedClient *client, bool urgent)
{
    if (urgent) {
        m_due.remove(client);
        sendBatch(client);
        return;
    }
    m_due.insert(client);
    if (!m_batchTick.isActive())
        m_batchTick.start();
}

void FrontRelay::sendBatch(RelayedClient *client)
{
    if (client->hasNews())
        Q_EMIT batchReady(client->takeBatch());
}

void FrontRelay::sendDueBatches()
{
    const QSet<RelayedClient *> due = std::exchange(m_due, {});
    for (RelayedClient *client : due)
        sendBatch(client);
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
