#include "capture/wiretap.h"

#include "store/wallclock.h"

#include <sys/ioctl.h>

#include <QHostInfo>
#include <QRandomGenerator>
#include <QSslCipher>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace wsi {

namespace {

constexpr int kMaxConnectHead = 16 * 1024;
constexpr int kMaxAttempts = 8;

QString randomToken()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}

QByteArray headerValue(const QList<QByteArray> &lines, QByteArrayView name)
{
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QString authorityOf(const QString &host, quint16 port)
{
    const QString h = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1:%2").arg(h).arg(port);
}

// Accepts every client as a QSslSocket: it speaks plain HTTP CONNECT first and, when intercepting wss,
// switches the same socket to TLS with the leaf the app's CA issued.
class TapServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (socket->setSocketDescriptor(descriptor))
            addPendingConnection(socket);
        else
            delete socket;
    }
};

bool sameErrors(const QList<QSslError> &a, const QList<QSslError> &b)
{
    if (a.size() != b.size())
        return false;
    for (const QSslError &e : a) {
        if (!b.contains(e))
            return false;
    }
    return true;
}

} // namespace

WireTap::WireTap(const QString &targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetHost(targetHost)
    , m_targetPort(targetPort)
    , m_user(randomToken())
    , m_password(randomToken())
    , m_server(new TapServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &WireTap::onNewConnection);
}

WireTap::~WireTap()
{
    shutdown();
}

bool WireTap::listen(QString *error)
{
    if (m_server->listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = tr("The capture tap could not listen on 127.0.0.1: %1").arg(m_server->errorString());
    return false;
}

quint16 WireTap::port() const
{
    return m_server->serverPort();
}

QNetworkProxy WireTap::proxy() const
{
    QNetworkProxy proxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), port(), m_user, m_password);
    // Tunnel only: the tap must see the raw stream, never act as a caching HTTP proxy.
    proxy.setCapabilities(QNetworkProxy::TunnelingCapability);
    return proxy;
}

void WireTap::shutdown()
{
    m_server->close();
    if (m_upstream) {
        m_upstream->disconnect(this);
        m_upstream->abort();
    }
    if (m_client) {
        m_client->disconnect(this);
        m_client->abort();
    }
    // Silent on purpose: shutdown() runs from destructors, where nobody should be called back.
    m_upstreamDone = true;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
}

void WireTap::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (m_client || ++m_attempts > kMaxAttempts) {
            // One tunnel per tap: whoever else connects learns why and is dropped.
            Q_EMIT refused(tr("a second connection to a tap whose tunnel is in use"));
            reply(socket, "HTTP/1.1 403 Forbidden", {}, "This capture tap carries one tunnel only.\n", true);
            continue;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onClientReadyRead(socket); });
        connect(socket, &QObject::destroyed, this, [this, socket] { m_headBuffers.remove(socket); });
    }
}

void WireTap::onClientReadyRead(QTcpSocket *client)
{
    if (client == m_client && m_tunnelUp) {
        const QByteArray data = client->readAll();
        if (data.isEmpty())
            return;
        if (m_upstream)
            m_upstream->write(data);
        Q_EMIT bytesRecorded(Direction::Outgoing, wallClockUs(), data);
        return;
    }
    if (client == m_client) {
        // Bytes before the tunnel is up: keep them for upstream (a client should wait for the 200).
        m_pendingToUpstream += client->readAll();
        return;
    }

    QByteArray &buffer = m_headBuffers[client];
    buffer += client->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > kMaxConnectHead) {
            Q_EMIT refused(tr("an oversized proxy request"));
            reply(client, "HTTP/1.1 431 Request Header Fields Too Large", {}, {}, true);
        }
        return;
    }
    const QByteArray head = buffer.first(end);
    const QByteArray rest = buffer.mid(end + 4);
    m_headBuffers.remove(client);
    m_pendingToUpstream = rest;
    handleConnectRequest(client, head);
}

void WireTap::handleConnectRequest(QTcpSocket *client, const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[0] != "CONNECT") {
        Q_EMIT refused(tr("a request that is not CONNECT"));
        reply(client, "HTTP/1.1 405 Method Not Allowed", "Allow: CONNECT\r\n", {}, true);
        return;
    }

    const QByteArray auth = headerValue(lines, "Proxy-Authorization");
    const QByteArray expected = "Basic " + (m_user + QLatin1Char(':') + m_password).toUtf8().toBase64();
    if (auth.isEmpty()) {
        // Qt sends credentials only after this challenge, re-sending CONNECT on the same socket.
        reply(client, "HTTP/1.1 407 Proxy Authentication Required",
            "Proxy-Authenticate: Basic realm=\"wsinspector-tap\"\r\nProxy-Connection: keep-alive\r\n", {}, false);
        return;
    }
    if (auth != expected) {
        Q_EMIT refused(tr("wrong proxy credentials"));
        reply(client, "HTTP/1.1 407 Proxy Authentication Required",
            "Proxy-Authenticate: Basic realm=\"wsinspector-tap\"\r\n", {}, true);
        return;
    }

    const QString target = QString::fromLatin1(requestLine[1]);
    if (target.compare(authorityOf(m_targetHost, m_targetPort), Qt::CaseInsensitive) != 0) {
        Q_EMIT refused(tr("a CONNECT to %1, which is not this tap's target").arg(target));
        reply(client, "HTTP/1.1 403 Forbidden", {}, "This capture tap relays only to its own target.\n", true);
        return;
    }

    m_client = client;
    connect(client, &QTcpSocket::disconnected, this, &WireTap::onClientDisconnected);
    m_server->close(); // the one tunnel is taken; nothing else may connect
    startUpstream();
}

void WireTap::startUpstream()
{
    m_clock.start();
    QHostAddress literal;
    if (literal.setAddress(m_targetHost)) {
        m_dnsUs = 0;
        m_upstreamAddress = literal;
        onLookedUp(QHostInfo());
        return;
    }
    m_lookupId = QHostInfo::lookupHost(m_targetHost, this, &WireTap::onLookedUp);
}

void WireTap::onLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    if (m_dnsUs < 0) {
        m_dnsUs = m_clock.nsecsElapsed() / 1000;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            const QString why = info.error() == QHostInfo::NoError ? tr("no addresses") : info.errorString();
            const QString message
                = tr("DNS lookup failed for \"%1\": %2. Check the host name in the URL.").arg(m_targetHost, why);
            reply(m_client, "HTTP/1.1 502 Bad Gateway", {}, message.toUtf8() + '\n', true);
            Q_EMIT failed(ErrorLayer::Dns, message);
            finishUpstream(false);
            return;
        }
        // Prefer IPv4 like most clients do on a dual-stack loopback; fall back to whatever resolved.
        m_upstreamAddress = info.addresses().constFirst();
        for (const QHostAddress &address : info.addresses()) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol) {
                m_upstreamAddress = address;
                break;
            }
        }
    }
    connectUpstream();
}

void WireTap::connectUpstream()
{
    m_clock.restart();
    if (m_tls.intercept) {
        auto *upstream = new QSslSocket(this);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        QList<QSslCertificate> cas = config.caCertificates();
        cas += m_tls.extraCaCertificates;
        config.setCaCertificates(cas);
        config.setProtocol(m_tls.protocol);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        config.setAllowedNextProtocols({ QByteArrayLiteral("http/1.1") });
        if (!m_tls.clientCertificate.isNull()) {
            config.setLocalCertificate(m_tls.clientCertificate);
            config.setPrivateKey(m_tls.clientKey);
            if (!m_tls.clientChain.isEmpty())
                config.setLocalCertificateChain(QList<QSslCertificate> { m_tls.clientCertificate } + m_tls.clientChain);
        }
        upstream->setSslConfiguration(config);
        connect(upstream, &QSslSocket::sslErrors, this, &WireTap::onUpstreamSslErrors);
        connect(upstream, &QSslSocket::encrypted, this, &WireTap::onUpstreamEncrypted);
        m_upstream = upstream;
    } else {
        m_upstream = new QTcpSocket(this);
    }
    m_upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_upstream->setProxy(QNetworkProxy::NoProxy);
    connect(m_upstream, &QTcpSocket::connected, this, &WireTap::onUpstreamConnected);
    connect(m_upstream, &QTcpSocket::readyRead, this, &WireTap::onUpstreamReadyRead);
    connect(m_upstream, &QTcpSocket::disconnected, this, &WireTap::onUpstreamDisconnected);
    connect(m_upstream, &QTcpSocket::errorOccurred, this, &WireTap::onUpstreamError);
    if (m_tls.intercept)
        static_cast<QSslSocket *>(m_upstream)
            ->connectToHostEncrypted(m_upstreamAddress.toString(), m_targetPort, m_targetHost);
    else
        m_upstream->connectToHost(m_upstreamAddress, m_targetPort);
}

void WireTap::onUpstreamConnected()
{
    m_tcpUs = m_clock.nsecsElapsed() / 1000;
    m_clock.restart();
    if (!m_client) {
        finishUpstream(false);
        return;
    }
    Q_EMIT upstreamConnected(m_dnsUs, m_tcpUs);
    if (!m_tls.intercept)
        openTunnel(); // with interception, the tunnel opens once the real server's TLS is up
}

void WireTap::onUpstreamSslErrors(const QList<QSslError> &errors)
{
    auto *upstream = static_cast<QSslSocket *>(m_upstream);
    const TlsReport report = TlsReport::from(*upstream, m_targetHost, errors);
    if (m_tls.insecure || sameErrors(errors, m_acceptedTlsErrors)
        || (!report.fingerprint().isEmpty() && m_tls.trustedFingerprints.contains(report.fingerprint()))) {
        upstream->ignoreSslErrors(errors);
        m_acceptedTlsErrors = errors;
        return;
    }
    // Not ignored: this handshake fails. The client still waits for its 200, so if the user proceeds the tap
    // simply connects again, accepting exactly these errors.
    m_lastTlsErrors = errors;
    m_awaitingTlsDecision = true;
    Q_EMIT tlsVerificationFailed(report);
}

void WireTap::onUpstreamEncrypted()
{
    const qint64 tlsUs = m_clock.nsecsElapsed() / 1000;
    auto *upstream = static_cast<QSslSocket *>(m_upstream);
    m_upstreamTlsUp = true;
    TlsReport report = TlsReport::from(*upstream, m_targetHost, m_acceptedTlsErrors);
    report.proceededDespiteErrors = !m_acceptedTlsErrors.isEmpty();
    Q_EMIT tlsEstablished(report, tlsUs);
    openTunnel();
}

void WireTap::proceedDespiteTlsErrors()
{
    if (!m_awaitingTlsDecision)
        return;
    m_awaitingTlsDecision = false;
    m_acceptedTlsErrors = m_lastTlsErrors;
    if (m_upstream) {
        m_upstream->disconnect(this);
        m_upstream->abort();
        m_upstream->deleteLater();
        m_upstream = nullptr;
    }
    connectUpstream();
}

void WireTap::cancelTls()
{
    if (!m_awaitingTlsDecision)
        return;
    m_awaitingTlsDecision = false;
    QStringList reasons;
    for (const QSslError &e : std::as_const(m_lastTlsErrors))
        reasons << TlsReport::explain(e, m_targetHost);
    const QString message = tr("TLS verification of %1 failed and the connection was cancelled: %2")
                                .arg(m_targetHost, reasons.join(QLatin1Char(' ')));
    reply(m_client, "HTTP/1.1 502 Bad Gateway", {}, message.toUtf8() + '\n', true);
    Q_EMIT failed(ErrorLayer::Tls, message);
    finishUpstream(false);
}

void WireTap::openTunnel()
{
    m_client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_client->write("HTTP/1.1 200 Connection established\r\n\r\n");
    auto startRelaying = [this] {
        m_tunnelUp = true;
        if (!m_pendingToUpstream.isEmpty()) {
            const QByteArray data = std::exchange(m_pendingToUpstream, {});
            m_upstream->write(data);
            Q_EMIT bytesRecorded(Direction::Outgoing, wallClockUs(), data);
        }
    };
    if (!m_tls.intercept) {
        startRelaying();
        return;
    }
    // The same socket now speaks TLS with the app's QWebSocket, which trusts only the app's CA.
    auto *client = qobject_cast<QSslSocket *>(m_client.data());
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(m_tls.leaf.certificate);
    config.setPrivateKey(m_tls.leaf.key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    client->setSslConfiguration(config);
    connect(client, &QSslSocket::encrypted, this, startRelaying);
    connect(client, &QSslSocket::errorOccurred, this, [this, client](QAbstractSocket::SocketError) {
        if (!client->isEncrypted() && !m_tunnelUp)
            Q_EMIT failed(ErrorLayer::Tls,
                tr("TLS between the inspector's tap and its own WebSocket failed: %1").arg(client->errorString()));
    });
    client->startServerEncryption();
}

void WireTap::onUpstreamReadyRead()
{
    const QByteArray data = m_upstream->readAll();
    if (data.isEmpty())
        return;
    Q_EMIT bytesRecorded(Direction::Incoming, wallClockUs(), data);
    forwardToClient(data);
}

void WireTap::forwardToClient(const QByteArray &data)
{
    if (!m_client || m_client->state() != QAbstractSocket::ConnectedState)
        return;
    if (!m_holdBackPings && m_splitBuffer.isEmpty()) {
        m_client->write(data);
        return;
    }
    m_splitBuffer += data;
    if (!m_incomingHeadDone) {
        const qsizetype end = m_splitBuffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_client->write(m_splitBuffer.first(end + 4));
        m_splitBuffer.remove(0, end + 4);
        m_incomingHeadDone = true;
    }
    // Cut whole frames off the front; pass on all but pings. A partial frame waits for its rest.
    while (m_splitBuffer.size() >= 2) {
        const auto *b = reinterpret_cast<const uchar *>(m_splitBuffer.constData());
        quint64 length = b[1] & 0x7F;
        qsizetype header = 2;
        if (length == 126) {
            if (m_splitBuffer.size() < 4)
                break;
            length = (quint64(b[2]) << 8) | b[3];
            header = 4;
        } else if (length == 127) {
            if (m_splitBuffer.size() < 10)
                break;
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | b[i];
            header = 10;
        }
        if (b[1] & 0x80)
            header += 4;
        if (quint64(m_splitBuffer.size()) < quint64(header) + length)
            break;
        const qsizetype total = header + qsizetype(length);
        if (m_holdBackPings && (b[0] & 0x0F) == 0x9)
            Q_EMIT pingHeldBack();
        else
            m_client->write(m_splitBuffer.constData(), total);
        m_splitBuffer.remove(0, total);
    }
}

bool WireTap::injectUpstream(const QByteArray &bytes)
{
    if (!m_tunnelUp || !m_upstream || m_upstream->state() != QAbstractSocket::ConnectedState)
        return false;
    m_upstream->write(bytes);
    Q_EMIT bytesRecorded(Direction::Outgoing, wallClockUs(), bytes);
    return true;
}

qint64 WireTap::upstreamBacklog() const
{
    return m_upstream ? m_upstream->bytesToWrite() : 0;
}

bool WireTap::clientDrained() const
{
    if (!m_client)
        return true;
    if (m_client->bytesAvailable() > 0)
        return false;
    int pending = 0;
    const qintptr fd = m_client->socketDescriptor();
    return fd < 0 || ::ioctl(int(fd), FIONREAD, &pending) != 0 || pending == 0;
}

void WireTap::setHoldBackPings(bool hold)
{
    m_holdBackPings = hold;
    if (!hold && m_incomingHeadDone && !m_splitBuffer.isEmpty() && m_client) {
        // Whatever waited for its frame to complete goes on as it is.
        m_client->write(std::exchange(m_splitBuffer, {}));
    }
}

void WireTap::onUpstreamDisconnected()
{
    if (m_awaitingTlsDecision)
        return; // the failed handshake's socket; the user's decision decides what comes next
    onUpstreamReadyRead();
    if (m_client)
        m_client->disconnectFromHost(); // flushes what was relayed, then closes
    finishUpstream(true);
}

void WireTap::onUpstreamError()
{
    if (m_awaitingTlsDecision)
        return;
    if (m_tunnelUp) {
        // RemoteHostClosed and friends after the tunnel was up: disconnected() reports the end.
        return;
    }
    const QAbstractSocket::SocketError error = m_upstream->error();
    const QString where = authorityOf(m_targetHost, m_targetPort);
    QString message;
    const bool droppedAfterTls = m_upstreamTlsUp && error == QAbstractSocket::RemoteHostClosedError;
    switch (droppedAfterTls ? QAbstractSocket::SslHandshakeFailedError : error) {
    case QAbstractSocket::ConnectionRefusedError:
        message = tr("Connection refused by %1 (%2): nothing accepts connections on that port. "
                     "Is the server running, and is the port right?")
                      .arg(where, m_upstreamAddress.toString());
        break;
    case QAbstractSocket::HostNotFoundError:
        message = tr("Host %1 not found. Check the host name in the URL.").arg(where);
        break;
    case QAbstractSocket::NetworkError:
        message = tr("Network unreachable for %1 (%2): %3.")
                      .arg(where, m_upstreamAddress.toString(), m_upstream->errorString());
        break;
    case QAbstractSocket::SocketTimeoutError:
        message = tr("TCP connect to %1 timed out. Is a firewall dropping packets?").arg(where);
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        message = droppedAfterTls
            ? tr("%1 closed the connection right after the TLS handshake. Servers do that when they require a "
                 "client certificate: set one in the connection's TLS options.")
                  .arg(where)
            : tr("TLS handshake with %1 failed: %2. If the server requires a client certificate, set one in "
                 "the connection's TLS options.")
                  .arg(where, m_upstream->errorString());
        break;
    default:
        message = tr("TCP connection to %1 failed: %2.").arg(where, m_upstream->errorString());
        break;
    }
    reply(m_client, "HTTP/1.1 502 Bad Gateway", {}, message.toUtf8() + '\n', true);
    const bool tls = droppedAfterTls || error == QAbstractSocket::SslHandshakeFailedError
        || error == QAbstractSocket::SslInternalError || error == QAbstractSocket::SslInvalidUserDataError;
    Q_EMIT failed(error == QAbstractSocket::HostNotFoundError ? ErrorLayer::Dns
            : tls                                             ? ErrorLayer::Tls
                                                              : ErrorLayer::Tcp,
        message);
    finishUpstream(false);
}

void WireTap::onClientDisconnected()
{
    if (!m_upstream || m_upstreamDone)
        return;
    if (m_upstream->state() != QAbstractSocket::ConnectedState) {
        m_upstream->abort();
        finishUpstream(false);
        return;
    }
    // QWebSocket drops TCP right after its Close frame; keep listening briefly so the peer's Close
    // reply, or the rest of an error body, is still recorded.
    QTimer::singleShot(m_closeGraceMs, this, [this] {
        if (m_upstreamDone)
            return;
        if (m_upstream) {
            m_upstream->disconnect(this);
            m_upstream->abort();
        }
        finishUpstream(false);
    });
}

void WireTap::reply(QTcpSocket *client, const QByteArray &statusLine, const QByteArray &extraHeaders,
    const QByteArray &body, bool closeAfter)
{
    if (!client || client->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray response = statusLine + "\r\n" + extraHeaders;
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!body.isEmpty())
        response += "Content-Type: text/plain; charset=utf-8\r\n";
    if (closeAfter)
        response += "Connection: close\r\n";
    response += "\r\n" + body;
    client->write(response);
    if (closeAfter)
        client->disconnectFromHost();
}

void WireTap::finishUpstream(bool byPeer)
{
    if (m_upstreamDone)
        return;
    m_upstreamDone = true;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    Q_EMIT upstreamClosed(byPeer);
}

} // namespace wsi
