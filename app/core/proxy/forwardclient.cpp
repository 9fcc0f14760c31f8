// ForwardClient: reads a forward proxy client's request, opens CONNECT tunnels (TLS intercepted), hands it on.
#include "proxy/forwardclient.h"

#include "capture/peername.h"
#include "language/qterrortext.h"
#include "protocol/handshakeparser.h"
#include "proxy/forwardrequest.h"
#include "server/upgradeanswers.h"
#include "tls/certificateauthority.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QUrl>

namespace wsi {

namespace {

constexpr char kTlsHandshakeRecord = 0x16; // the first byte of a TLS ClientHello record
// From accepting the socket to knowing what it wants (request head, TLS handshake, first request in the tunnel).
constexpr int kDeadlineSeconds = 30;

// Refusals go on the wire in English (the client's body) and to the user in the window's language.
RecordedText said(const char *source)
{
    return RecordedText("wsi::ForwardClient", source);
}

} // namespace

ForwardClient::ForwardClient(QSslSocket *socket, const ForwardProxyOptions &options, CertificateAuthority *authority,
    const QHostAddress &listeningAddress, quint16 listeningPort, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_options(options)
    , m_authority(authority)
    , m_listeningAddress(listeningAddress)
    , m_listeningPort(listeningPort)
{
    socket->setParent(this);
    m_peer = peerName(socket);
}

ForwardClient::~ForwardClient() = default;

void ForwardClient::start()
{
    connect(m_socket, &QSslSocket::readyRead, this, &ForwardClient::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &ForwardClient::end);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ForwardClient::onDeadline);
    m_deadline.start(kDeadlineSeconds * 1000);
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void ForwardClient::shutdown()
{
    if (m_socket && m_socket->parent() == this)
        m_socket->abort();
    end();
}

void ForwardClient::onReadyRead()
{
    switch (m_stage) {
    case Stage::ProxyHead:
        readProxyHead();
        break;
    case Stage::TunnelStart:
        readTunnelStart();
        break;
    case Stage::TunnelHead:
        readTunnelHead();
        break;
    case Stage::TlsHandshake:
    case Stage::Done:
        break;
    }
}

bool ForwardClient::peekHead(HttpHead *head, qsizetype *length)
{
    const int limit = m_options.maxRequestHeadBytes;
    const QByteArray bytes = m_socket->peek(limit + 1);
    *length = ForwardRequest::headLength(bytes);
    if (*length < 0 || *length > limit) {
        if (bytes.size() > limit)
            refuse(431, "Request Header Fields Too Large",
                said(QT_TRANSLATE_NOOP(
                         "wsi::ForwardClient", "The request head is larger than %1 bytes (the proxy's limit)."))
                    .arg(limit));
        return false;
    }
    HandshakeParser parser(HandshakeParser::Kind::Request, limit);
    parser.feed(QByteArrayView(bytes).first(*length));
    if (parser.state() == HandshakeParser::State::Failed || !parser.headComplete()) {
        refuse(400, "Bad Request",
            said(QT_TRANSLATE_NOOP("wsi::ForwardClient", "The request could not be parsed: %1"))
                .arg(parser.errorText()));
        return false;
    }
    *head = parser.head();
    return true;
}

void ForwardClient::readProxyHead()
{
    HttpHead head;
    qsizetype length = 0;
    if (!peekHead(&head, &length))
        return;
    const ForwardRequest request(head);
    switch (request.kind()) {
    case ForwardRequest::Kind::Invalid:
        refuse(400, "Bad Request", request.problem());
        return;
    case ForwardRequest::Kind::NotProxy:
        refuse(403, "Forbidden", request.problem());
        return;
    case ForwardRequest::Kind::Connect:
    case ForwardRequest::Kind::Absolute:
        break;
    }
    if (ForwardRequest::namesProxy(request.host(), request.port(), m_listeningAddress, m_listeningPort)) {
        refuse(508, "Loop Detected",
            said(QT_TRANSLATE_NOOP(
                     "wsi::ForwardClient", "%1 port %2 is this forward proxy itself: relaying there would loop."))
                .arg(request.host())
                .arg(request.port()));
        return;
    }
    m_host = request.host();
    m_port = request.port();
    if (request.kind() == ForwardRequest::Kind::Connect) {
        m_socket->read(length); // the CONNECT head is the proxy's; the tunnel starts after it
        m_socket->write("HTTP/1.1 200 Connection Established\r\n\r\n");
        m_stage = Stage::TunnelStart;
        if (m_socket->bytesAvailable() > 0)
            readTunnelStart();
        return;
    }
    // A plain proxy request: the upstream is the URL's own host and port.
    const bool secure = request.scheme() == QLatin1String("https") || request.scheme() == QLatin1String("wss");
    QUrl upstream;
    upstream.setScheme(secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    upstream.setHost(m_host);
    upstream.setPort(m_port);
    upstream.setPath(QStringLiteral("/"));
    m_stage = Stage::Done;
    m_socket->disconnect(this);
    QSslSocket *socket = m_socket;
    if (ForwardRequest::isWebSocketUpgrade(head)) {
        Q_EMIT webSocket(socket, upstream);
    } else {
        m_socket->read(length); // goes on rewritten to origin-form
        Q_EMIT passThrough(socket, upstream, ForwardRequest::originRequest(head));
    }
    end();
}

void ForwardClient::readTunnelStart()
{
    const QByteArray first = m_socket->peek(1);
    if (first.isEmpty())
        return;
    if (first.at(0) == kTlsHandshakeRecord) {
        startTls();
        return;
    }
    m_stage = Stage::TunnelHead;
    readTunnelHead();
}

void ForwardClient::startTls()
{
    const IssuedCertificate leaf = m_authority ? m_authority->issue({ m_host }) : IssuedCertificate();
    if (leaf.isNull()) {
        m_stage = Stage::Done;
        Q_EMIT refused(m_peer,
            said(QT_TRANSLATE_NOOP("wsi::ForwardClient",
                     "The inspector's certificate authority could not issue a certificate for %1: %2"))
                .arg(m_host)
                .arg(m_authority ? m_authority->lastErrorText() : RecordedText()));
        m_socket->abort();
        return;
    }
    m_stage = Stage::TlsHandshake;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(leaf.chain); // the CA too: Chromium matches its SPKI in the chain
    config.setPrivateKey(leaf.key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    // HTTP/2 inside the tunnel would hide the upgrade; a browser falls back to HTTP/1.1 when offered only that.
    config.setAllowedNextProtocols({ QByteArrayLiteral("http/1.1") });
    m_socket->setSslConfiguration(config);
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_intercepted = true;
        m_stage = Stage::TunnelHead;
        if (m_socket->bytesAvailable() > 0)
            readTunnelHead();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this] {
        if (m_stage != Stage::TlsHandshake)
            return;
        m_stage = Stage::Done;
        Q_EMIT refused(m_peer,
            said(QT_TRANSLATE_NOOP("wsi::ForwardClient",
                     "The client ended the TLS handshake for %1 (does it trust WS Inspector's CA?): %2"))
                .arg(m_host)
                .arg(QtErrorText::recorded(m_socket->errorString())));
        m_socket->abort();
    });
    m_socket->startServerEncryption();
}

void ForwardClient::readTunnelHead()
{
    const QByteArray start = m_socket->peek(20);
    if (start.isEmpty())
        return;
    bool upgrade = false;
    if (ForwardRequest::looksLikeHttp(start)) {
        if (start.size() < 20 && !start.contains(' '))
            return; // the method is not whole yet
        HttpHead head;
        qsizetype length = 0;
        if (!peekHead(&head, &length))
            return;
        upgrade = ForwardRequest::isWebSocketUpgrade(head);
    }
    m_stage = Stage::Done;
    m_socket->disconnect(this);
    if (upgrade)
        Q_EMIT webSocket(m_socket, tunnelUpstream());
    else
        Q_EMIT passThrough(m_socket, tunnelUpstream(), {});
    end();
}

QUrl ForwardClient::tunnelUpstream() const
{
    QUrl upstream;
    upstream.setScheme(m_intercepted ? QStringLiteral("wss") : QStringLiteral("ws"));
    upstream.setHost(m_host);
    upstream.setPort(m_port);
    upstream.setPath(QStringLiteral("/"));
    return upstream;
}

void ForwardClient::refuse(int status, const QByteArray &reason, const RecordedText &why)
{
    m_stage = Stage::Done;
    Q_EMIT refused(m_peer, why);
    m_socket->write(UpgradeAnswers::plain(status, reason, {}, why.english().toUtf8() + '\n')); // English on the wire
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        end();
}

void ForwardClient::onDeadline()
{
    const RecordedText why = said(QT_TRANSLATE_NOOP("wsi::ForwardClient",
                                      "No whole request arrived within %1 seconds: the proxy closed the connection."))
                                 .arg(kDeadlineSeconds);
    if (m_stage == Stage::ProxyHead || m_stage == Stage::TunnelHead) {
        refuse(408, "Request Timeout", why);
        return;
    }
    if (m_stage == Stage::Done)
        return;
    m_stage = Stage::Done; // a silent tunnel or a stalled TLS handshake: nothing readable to answer in
    Q_EMIT refused(m_peer, why);
    m_socket->abort();
}

void ForwardClient::end()
{
    m_deadline.stop();
    m_stage = Stage::Done;
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT finished();
}

} // namespace wsi
