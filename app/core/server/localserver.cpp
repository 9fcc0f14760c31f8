// LocalServer: the local test server: options, modes, clients as Connections, broadcast and kick.
#include "server/localserver.h"

#include "connection/connection.h"
#include "connection/workspace.h"
#include "protocol/closecodes.h"
#include "protocol/httphead.h"
#include "server/frontrelay.h"
#include "server/transportendpoints.h"
#include "tls/certificateauthority.h"
#include "tls/certificatefactory.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>

#include <algorithm>

namespace wsi {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray httpResponse(int status, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    bool hasType = false;
    for (const auto &h : headers) {
        out += h.first + ": " + h.second + "\r\n";
        hasType = hasType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!hasType && !body.isEmpty())
        out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    return out;
}

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
    , m_transports(new TransportEndpoints(this))
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
    return m_relay ? m_relay->serverPort() : 0;
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
    compileAutoReplies();

    QSslConfiguration tls;
    if (options.tls) {
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
                tls.setLocalCertificateChain(chain);
        } else {
            QString why;
            if (!m_certificateProvider)
                return fail(tr("No certificate: pick a certificate and key file for wss."));
            if (!m_certificateProvider(
                    { QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1") }, &certificate,
                    &key, &why))
                return fail(tr("Could not create a certificate for localhost: %1").arg(why));
        }
        tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificate);
        tls.setPrivateKey(key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    }

    m_relay = new FrontRelay(this);
    RelayedClient::Settings settings;
    settings.subprotocols = options.subprotocols;
    settings.maxMessageSize = quint64(options.maxMessageSize);
    settings.deflate = options.deflate;
    settings.handshakeTimeoutMs = options.handshakeTimeoutMs;
    settings.idleTimeoutMs = options.idleTimeoutMs;
    m_relay->setClientSettings(settings);
    m_relay->setTlsConfiguration(tls);
    connect(m_relay, &FrontRelay::clientAccepted, this, &LocalServer::onClientAccepted);
    connect(m_relay, &FrontRelay::tlsFailed, this, [this](const QString &peer, const QString &reason) {
        Q_EMIT notice(tr("TLS handshake with %1 failed: %2").arg(peer, reason));
    });
    if (!m_relay->listen(options.address, options.port)) {
        const QString why = m_relay->errorString();
        const bool inUse = m_relay->serverError() == QAbstractSocket::AddressInUseError;
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
    if (m_relay)
        m_relay->close(); // no new clients
    // A copy: an abort finishes the client, which leaves m_clients.
    for (Connection *client : clients()) {
        if (m_clients.contains(client) && !client->close(1001, tr("Test server stopping")))
            client->abort();
    }
    // The handler and gate point here, and this server may be deleted before the relay.
    for (RelayedClient *relayed : std::as_const(m_served))
        relayed->stopServing();
    m_served.clear();
    m_transports->reset();
    // The relay goes once its clients have said goodbye (or had the time to).
    if (m_relay) {
        // Owned by the application meanwhile, so that it is still deleted if the program ends first.
        m_relay->setParent(QCoreApplication::instance());
        QTimer::singleShot(2000, m_relay, &QObject::deleteLater);
        m_relay = nullptr;
    }
    Q_EMIT stopped();
}

void LocalServer::setMode(ServerMode mode)
{
    m_options.mode = mode;
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
    compileAutoReplies();
    return true;
}

void LocalServer::compileAutoReplies()
{
    m_ruleExpressions.clear();
    for (const AutoReplyRule &rule : std::as_const(m_options.autoReplies)) {
        m_ruleExpressions << (rule.isRegex ? QRegularExpression(rule.pattern) : QRegularExpression());
        if (rule.isRegex)
            m_ruleExpressions.last().optimize(); // compiled now, not on the first message
    }
}

QList<Connection *> LocalServer::clients() const
{
    QList<Connection *> out(m_clients.cbegin(), m_clients.cend());
    std::sort(out.begin(), out.end(), [](const Connection *a, const Connection *b) { return a->id() < b->id(); });
    return out;
}

QByteArray LocalServer::gate(const HttpHead &request)
{
    if (m_options.mode == ServerMode::Reject)
        return httpResponse(m_options.rejectStatus, m_options.rejectHeaders, m_options.rejectBody);
    if (!m_options.allowedOrigins.isEmpty()) {
        const QString origin = QString::fromUtf8(request.value("Origin"));
        if (!m_options.allowedOrigins.contains(origin, Qt::CaseInsensitive)) {
            const QByteArray body = origin.isEmpty()
                ? QByteArray("Forbidden: the request has no Origin header, and this test server only allows: ")
                    + m_options.allowedOrigins.join(QStringLiteral(", ")).toUtf8() + '\n'
                : "Forbidden: origin " + origin.toUtf8() + " is not allowed by this test server; allowed: "
                    + m_options.allowedOrigins.join(QStringLiteral(", ")).toUtf8() + '\n';
            return httpResponse(403, {}, body);
        }
    }
    if (m_options.maxClients <= 0)
        return {};
    // Admitted clients: open or closing; the asking client is still connecting.
    int admitted = 0;
    for (const Connection *c : std::as_const(m_clients)) {
        if (c->state() == Connection::State::Open || c->state() == Connection::State::Closing)
            ++admitted;
    }
    if (admitted >= m_options.maxClients)
        return httpResponse(503, { { "Retry-After", "1" } },
            "Service Unavailable: this test server allows " + QByteArray::number(m_options.maxClients)
                + " client(s) at once.\n");
    return {};
}

void LocalServer::onClientAccepted(RelayedClient *relayed)
{
    ConnectionOptions described;
    described.url = url();
    auto *client = new Connection(Connection::Kind::Incoming, described, relayed->peer());
    m_workspace->addConnection(client);
    m_clients.insert(client);
    m_served.insert(relayed);
    m_stats.clients++;
    connect(relayed, &RelayedClient::finished, this, [this, relayed] {
        m_served.remove(relayed);
        relayed->deleteLater();
    });
    connect(relayed, &QObject::destroyed, this, [this, relayed] { m_served.remove(relayed); });
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
    relayed->setSideDoor(m_transports);
    // An HTTP client of the transport endpoints is no WebSocket client: it leaves the workspace once finished.
    connect(relayed, &RelayedClient::diverted, this, [this, gone = QPointer<Connection>(client)] {
        QTimer::singleShot(0, this, [this, gone] {
            if (gone)
                m_workspace->removeConnection(gone);
        });
    });
    relayed->serve(
        client, [this](const HttpHead &request) { return gate(request); },
        [this](RelayedClient *from, bool isText, QByteArrayView payload) { onClientMessage(from, isText, payload); });
}

void LocalServer::onClientMessage(RelayedClient *client, bool isText, QByteArrayView payload)
{
    m_stats.messagesIn++;
    if (m_options.mode == ServerMode::Silent)
        return;
    if (isText && !m_options.autoReplies.isEmpty() && applyAutoReplies(client, payload))
        return;
    switch (m_options.mode) {
    case ServerMode::Echo:
        // The decoded bytes go straight back: no QString round trip, no copy but the one into the frame.
        if (client->sendMessage(isText, payload))
            m_stats.messagesOut++;
        break;
    case ServerMode::Broadcast:
        for (RelayedClient *other : std::as_const(m_served)) {
            if ((other != client || m_options.broadcastToSender) && other->sendMessage(isText, payload))
                m_stats.messagesOut++;
        }
        break;
    default:
        break;
    }
}

bool LocalServer::applyAutoReplies(RelayedClient *client, QByteArrayView text)
{
    const QString decoded = QString::fromUtf8(text);
    for (qsizetype i = 0; i < m_options.autoReplies.size(); ++i) {
        const AutoReplyRule &rule = m_options.autoReplies.at(i);
        const bool match
            = rule.isRegex ? m_ruleExpressions.at(i).match(decoded).hasMatch() : decoded.contains(rule.pattern);
        if (match) {
            if (client->sendMessage(true, m_template.resolve(rule.replyTemplate).toUtf8()))
                m_stats.messagesOut++;
            return true;
        }
    }
    return false;
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
    m_stats.inPerSecond = double(m_stats.messagesIn - m_lastIn) / seconds;
    m_stats.outPerSecond = double(m_stats.messagesOut - m_lastOut) / seconds;
    m_lastIn = m_stats.messagesIn;
    m_lastOut = m_stats.messagesOut;
    Q_EMIT statsChanged();
}

} // namespace wsi
