// LocalServer: the local test server: options, modes, clients as Connections, broadcast and kick.
#include "server/localserver.h"

#include "connection/connection.h"
#include "connection/workspace.h"
#include "server/relayhandle.h"
#include "server/servedclients.h"
#include "server/transportendpointshandle.h"
#include "tls/certificateauthority.h"
#include "tls/certificatefactory.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>

#include <algorithm>

namespace wsi {

namespace {

bool loadKey(const QByteArray &pem, QSslKey *key)
{
    for (QSsl::KeyAlgorithm algorithm : { QSsl::Ec, QSsl::Rsa, QSsl::Dsa }) {
        QSslKey candidate(pem, algorithm, QSsl::Pem);
        if (!candidate.isNull()) {
            *key = candidate;
            return true;
        }
    }
    return false;
}

} // namespace

LocalServer::LocalServer(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_transports(new TransportEndpointsHandle(this))
    , m_counts(std::make_shared<ServerBehaviour::Counts>())
{
    qRegisterMetaType<wsi::Connection *>();
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &LocalServer::onRateTick);
    m_statsCoalesce.setSingleShot(true);
    m_statsCoalesce.setInterval(50);
    connect(&m_statsCoalesce, &QTimer::timeout, this, &LocalServer::statsChanged);
}

LocalServer::~LocalServer()
{
    stop();
}

void LocalServer::useCertificateAuthority(CertificateAuthority *authority)
{
    setCertificateProvider(
        [authority](const QStringList &hostNames, QSslCertificate *certificate, QSslKey *key, QString *error) {
            const IssuedCertificate issued = authority->issue(hostNames);
            if (issued.isNull()) {
                *error = authority->lastErrorText().translated(); // start() says it in the language of the moment
                return false;
            }
            *certificate = issued.certificate;
            *key = issued.key;
            return true;
        });
}

bool LocalServer::isRunning() const
{
    return m_relay && m_relay->isListening();
}

quint16 LocalServer::port() const
{
    return m_relay ? m_relay->port() : 0;
}

LocalServer::Stats LocalServer::stats() const
{
    Stats stats = m_stats;
    stats.messagesIn = m_counts->messagesIn.load(std::memory_order_relaxed);
    stats.messagesOut = m_counts->messagesOut.load(std::memory_order_relaxed);
    return stats;
}

QUrl LocalServer::url() const
{
    if (!isRunning())
        return {};
    QHostAddress host = m_options.address;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    QUrl url;
    url.setScheme(m_options.tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(host.toString());
    url.setPort(port());
    url.setPath(QStringLiteral("/"));
    return url;
}

bool LocalServer::tlsConfiguration(const ServerOptions &options, QSslConfiguration *tls, QString *error)
{
    auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };
    QSslCertificate certificate;
    QSslKey key;
    if (!options.certificateFile.isEmpty()) {
        QFile certFile(options.certificateFile);
        QFile keyFile(options.keyFile);
        if (!certFile.open(QIODevice::ReadOnly))
            return fail(tr("The certificate file \"%1\" cannot be read: %2.")
                            .arg(options.certificateFile, certFile.errorString()));
        if (!keyFile.open(QIODevice::ReadOnly))
            return fail(tr("The key file \"%1\" cannot be read: %2.").arg(options.keyFile, keyFile.errorString()));
        const QByteArray certificatePem = certFile.readAll();
        const QByteArray keyPem = keyFile.readAll();
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
        if (chain.isEmpty())
            return fail(tr("The certificate file \"%1\" holds no PEM certificate.").arg(options.certificateFile));
        certificate = chain.first();
        if (!loadKey(keyPem, &key))
            return fail(tr("The key file \"%1\" holds no PEM private key (an encrypted key is not supported).")
                            .arg(options.keyFile));
        if (!certificatefactory::keyMatchesCertificate(certificatePem, keyPem))
            return fail(tr("The key in \"%1\" does not belong to the certificate in \"%2\": every TLS handshake "
                           "would fail. Pick the key that was made together with this certificate.")
                            .arg(options.keyFile, options.certificateFile));
        if (chain.size() > 1)
            tls->setLocalCertificateChain(chain);
    } else {
        QString why;
        if (!m_certificateProvider)
            return fail(tr("No certificate: pick a certificate and key file for wss."));
        if (!m_certificateProvider({ QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1") },
                &certificate, &key, &why))
            return fail(tr("Could not create a certificate for localhost: %1").arg(why));
    }
    *tls = QSslConfiguration::defaultConfiguration();
    tls->setLocalCertificate(certificate);
    tls->setPrivateKey(key);
    tls->setPeerVerifyMode(QSslSocket::VerifyNone);
    return true;
}

bool LocalServer::start(const ServerOptions &options, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (isRunning())
        return fail(tr("The server is already running."));
    const QString problem = options.validate();
    if (!problem.isEmpty())
        return fail(problem);
    m_options = options;

    RelayHandle::Setup setup;
    QString tlsProblem;
    if (options.tls && !tlsConfiguration(options, &setup.tls, &tlsProblem))
        return fail(tlsProblem);
    setup.address = options.address;
    setup.port = options.port;
    setup.settings.subprotocols = options.subprotocols;
    setup.settings.maxMessageSize = quint64(options.maxMessageSize);
    setup.settings.deflate = options.deflate;
    setup.settings.handshakeTimeoutMs = options.handshakeTimeoutMs;
    setup.settings.idleTimeoutMs = options.idleTimeoutMs;
    setup.options = options;
    m_counts = std::make_shared<ServerBehaviour::Counts>();
    setup.counts = m_counts;
    setup.sideDoor = m_transports->talliesForNewServer();

    m_relay = new RelayHandle(this);
    QString why;
    bool inUse = false;
    if (!m_relay->listen(setup, &why, &inUse)) {
        delete m_relay;
        m_relay = nullptr;
        // The layer first, as every error the window shows names its layer; a port in use is the common case
        // (another server, or a second window started with the same --serve), so it says what to do.
        const QString message
            = tr("TCP: could not listen on %1 port %2: %3.").arg(options.address.toString()).arg(options.port).arg(why);
        return fail(inUse ? message + QLatin1Char(' ')
                    + tr("Another program is listening there: stop it, or pick another port (0 for a free one).")
                          : message);
    }
    m_relay->clients()->setUrl(url());
    connect(m_relay->clients(), &ServedClients::clientArrived, this, &LocalServer::onClientArrived);
    // An HTTP client of the transport endpoints is no WebSocket client: it leaves the workspace once finished.
    connect(m_relay->clients(), &ServedClients::clientDiverted, this, [this](Connection *client) {
        QTimer::singleShot(0, this, [this, gone = QPointer<Connection>(client)] {
            if (gone)
                m_workspace->removeConnection(gone);
        });
    });
    m_transports->attach(m_relay->sideDoorOnServerThread());
    connect(m_relay, &RelayHandle::tlsFailed, this, [this](const QString &peer, const QString &reason) {
        Q_EMIT notice(tr("TLS handshake with %1 failed: %2").arg(peer, reason));
    });
    m_stats = {};
    m_lastIn = m_lastOut = 0;
    m_rateClock.start();
    m_rateTimer.start();
    Q_EMIT started(url());
    Q_EMIT statsChanged();
    return true;
}

void LocalServer::stop()
{
    if (!m_relay)
        return;
    m_rateTimer.stop();
    // No new clients; every client gets 1001 (an abort before its 101) and no more answers, on the server thread.
    // The side door's connections are closed there too (FrontRelay::stopServing); nothing is posted to it after this.
    m_relay->stop(1001, tr("Test server stopping"));
    m_transports->detach();
    // The relay goes once its clients have said goodbye (or had the time to).
    m_relay->retireAfter(2000);
    m_relay = nullptr;
    Q_EMIT stopped();
}

void LocalServer::setMode(ServerMode mode)
{
    m_options.mode = mode;
    if (m_relay)
        m_relay->setMode(mode);
}

bool LocalServer::setAutoReplies(const QList<AutoReplyRule> &rules, QString *error)
{
    const QString problem = ServerOptions::autoRepliesProblem(rules);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_options.autoReplies = rules;
    if (m_relay)
        m_relay->setAutoReplies(rules);
    return true;
}

QList<Connection *> LocalServer::clients() const
{
    QList<Connection *> out(m_clients.cbegin(), m_clients.cend());
    std::sort(out.begin(), out.end(), [](const Connection *a, const Connection *b) { return a->id() < b->id(); });
    return out;
}

void LocalServer::onClientArrived(Connection *client)
{
    m_workspace->addConnection(client);
    m_clients.insert(client);
    m_stats.clients++;
    connect(client, &Connection::finished, this, [this, client] {
        if (!m_clients.remove(client))
            return;
        m_stats.clients = int(m_clients.size());
        Q_EMIT clientDisconnected(client);
        if (!m_statsCoalesce.isActive())
            m_statsCoalesce.start();
    });
    // Deleted without finishing first: the set must not keep a dangling pointer (nobody is told about a
    // client that is already gone).
    connect(client, &QObject::destroyed, this, [this, client] {
        if (m_clients.remove(client))
            m_stats.clients = int(m_clients.size());
    });
    Q_EMIT clientConnected(client);
    if (!m_statsCoalesce.isActive())
        m_statsCoalesce.start();
}

int LocalServer::broadcast(const QString &text, Connection *except)
{
    int sent = 0;
    for (Connection *client : clients()) {
        if (client != except && client->sendText(text))
            ++sent;
    }
    return sent;
}

bool LocalServer::kick(Connection *client, int code, const QString &reason)
{
    if (!hasClient(client))
        return false;
    return client->close(code, reason);
}

void LocalServer::onRateTick()
{
    const double seconds = double(m_rateClock.restart()) / 1000.0;
    if (seconds <= 0)
        return;
    const Stats now = stats();
    m_stats.inPerSecond = double(now.messagesIn - m_lastIn) / seconds;
    m_stats.outPerSecond = double(now.messagesOut - m_lastOut) / seconds;
    m_lastIn = now.messagesIn;
    m_lastOut = now.messagesOut;
    Q_EMIT statsChanged();
}

} // namespace wsi
