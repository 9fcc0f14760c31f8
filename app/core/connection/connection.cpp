#include "connection/connection.h"

#include "capture/wiretap.h"
#include "connection/framedsender.h"
#include "connection/keepalive.h"
#include "connection/serversideendpoint.h"
#include "connection/wirerecorder.h"
#include "explain/closeexplainer.h"
#include "explain/secretmasker.h"
#include "protocol/closecodes.h"
#include "store/wallclock.h"
#include "tls/certificateauthority.h"
#include "tls/tlsreport.h"
#include "tls/trustedcertificates.h"

#include <QDir>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslKey>
#include <QStandardPaths>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace wsi {

int Connection::s_nextId = 1;

Connection::Connection(const ConnectionOptions &options, QObject *parent)
    : QObject(parent)
    , m_id(s_nextId++)
    , m_options(options)
    , m_recorder(std::make_unique<WireRecorder>(this))
{
    if (m_options.keepalive.enabled())
        m_keepalive = new Keepalive(this, m_options.keepalive, this);
}

Connection::Connection(Kind kind, const ConnectionOptions &options, const QString &peer, QObject *parent)
    : QObject(parent)
    , m_id(s_nextId++)
    , m_kind(kind)
    , m_peer(peer)
    , m_options(options)
    , m_recorder(std::make_unique<WireRecorder>(
          this, kind == Kind::Outgoing ? WireRecorder::Perspective::Client : WireRecorder::Perspective::Server))
{
    if (kind == Kind::Incoming) {
        m_startedUs = wallClockUs();
        m_state = State::Connecting;
    }
}

QString Connection::title() const
{
    if (m_kind == Kind::Outgoing)
        return m_options.url.toString();
    const QByteArray target = m_handshake.request.target;
    return target.isEmpty() ? tr("client %1").arg(m_peer) : tr("client %1 %2").arg(m_peer, QString::fromUtf8(target));
}

QString Connection::shownTitle(bool revealSecrets) const
{
    const QString text = title();
    return revealSecrets ? text : SecretMasker::maskUrl(text);
}

void Connection::recordWire(Direction direction, qint64 timeUs, const QByteArray &bytes)
{
    m_recorder->record(direction, timeUs, bytes);
    Q_EMIT eventsAppended();
    Q_EMIT countersChanged();
}

void Connection::attachEndpoint(ServerSideEndpoint *endpoint)
{
    m_endpoint = endpoint;
    m_recorder->setEndpoint(endpoint);
}

void Connection::endpointOpened()
{
    m_timings.totalUs = wallClockUs() - m_startedUs;
    setState(State::Open);
    Q_EMIT handshakeUpdated();
}

void Connection::wireClosed()
{
    m_recorder->upstreamEnded(wallClockUs());
    Q_EMIT eventsAppended();
    m_tapDone = true;
    m_socketDone = true; // the relay's socket is the only one
    if (m_state == State::Connecting) {
        // Never opened: refused by the relay (reject mode, origin, limits), a bad handshake or a timeout.
        if (m_statusText.isEmpty())
            setStatusText(tr("The client left before the WebSocket opened."));
        setState(State::Failed);
    } else if (m_state == State::Open) {
        setState(State::Closing);
    }
    maybeFinish();
}

Connection::~Connection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    if (m_tap)
        m_tap->disconnect(this);
}

CertificateAuthority *Connection::defaultCertificateAuthority(QString *warning)
{
    static std::unique_ptr<CertificateAuthority> authority;
    if (!authority) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        authority = std::make_unique<CertificateAuthority>(QDir(dir).filePath(QStringLiteral("ca")));
        if (!authority->load(warning)) {
            if (warning)
                *warning = authority->lastError();
        }
    }
    return authority.get();
}

void Connection::proceedTls(bool alwaysTrust)
{
    if (!m_awaitingTlsDecision || !m_tap)
        return;
    m_awaitingTlsDecision = false;
    if (alwaysTrust && !m_handshake.tls.fingerprint().isEmpty())
        TrustedCertificates::add(m_options.url.host(), m_handshake.tls.fingerprint());
    appendInfo(alwaysTrust ? tr("The user chose to always trust this certificate for %1 (SHA-256 %2).")
                                 .arg(m_options.url.host(), m_handshake.tls.fingerprint())
                           : tr("The user chose to proceed once despite the certificate errors."));
    setStatusText({});
    if (m_deadline)
        m_deadline->start(m_options.timeoutMs);
    m_tap->proceedDespiteTlsErrors();
}

void Connection::cancelTls()
{
    if (!m_awaitingTlsDecision || !m_tap)
        return;
    m_awaitingTlsDecision = false;
    m_tap->cancelTls();
}

QString Connection::stateText(State state)
{
    switch (state) {
    case State::Idle:
        return tr("idle");
    case State::Connecting:
        return tr("connecting");
    case State::Open:
        return tr("open");
    case State::Closing:
        return tr("closing");
    case State::Closed:
        return tr("closed");
    case State::Failed:
        return tr("failed");
    }
    return {};
}

QString Connection::negotiatedSubprotocol() const
{
    if (m_handshake.responseComplete)
        return QString::fromUtf8(m_handshake.response.value("Sec-WebSocket-Protocol"));
    return m_socket ? m_socket->subprotocol() : QString();
}

void Connection::setStatusText(const QString &text)
{
    if (m_statusText == text)
        return;
    m_statusText = text;
    Q_EMIT statusTextChanged(text);
}

void Connection::setState(State state)
{
    if ((state == State::Failed || state == State::Open) && m_timings.totalUs < 0 && m_startedUs > 0)
        m_timings.totalUs = wallClockUs() - m_startedUs;
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Connection::appendEvent(const EventRecord &record, QByteArrayView payload)
{
    m_events.append(record, payload);
    Q_EMIT eventsAppended();
}

void Connection::restoreImported(
    const HandshakeRecord &handshake, const ConnectionTimings &timings, State finalState, const QString &statusText)
{
    m_imported = true;
    m_handshake = handshake;
    m_timings = timings;
    setStatusText(statusText);
    // Nothing is left to wait for: open(), close() and the send functions refuse a finished connection.
    m_tapDone = m_socketDone = m_finished = true;
    m_counters = {};
    bool framesSeen[3] = { false, false, false };
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        const EventRecord &r = m_events.at(i);
        if (i == 0)
            m_startedUs = r.timeUs;
        if (r.type == EventType::Frame)
            framesSeen[int(r.dir)] = true;
    }
    // Wire bytes: handshake heads plus frame headers and payloads; a file without frame rows (frames were
    // not recorded, or the wire was TLS) counts what it has: the message, control and close payloads.
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        const EventRecord &r = m_events.at(i);
        quint64 bytes = 0;
        switch (r.type) {
        case EventType::HandshakeRequest:
        case EventType::HandshakeResponse:
            bytes = r.payloadSize;
            break;
        case EventType::Frame:
            bytes = r.payloadSize + r.value;
            break;
        case EventType::Message:
        case EventType::Ping:
        case EventType::Pong:
        case EventType::Close:
            bytes = framesSeen[int(r.dir)] ? 0 : r.payloadSize;
            break;
        case EventType::Error:
            m_counters.errors++;
            break;
        default:
            break;
        }
        if (r.dir == Direction::Outgoing) {
            m_counters.bytesOut += bytes;
            if (r.type == EventType::Message)
                m_counters.messagesOut++;
        } else if (r.dir == Direction::Incoming) {
            m_counters.bytesIn += bytes;
            if (r.type == EventType::Message)
                m_counters.messagesIn++;
        }
    }
    setState(finalState);
    Q_EMIT handshakeUpdated();
    Q_EMIT countersChanged();
}

void Connection::appendError(ErrorLayer layer, const QString &message)
{
    EventRecord r;
    r.timeUs = wallClockUs();
    r.type = EventType::Error;
    r.sub = quint8(layer);
    m_counters.errors++;
    setStatusText(message);
    appendEvent(r, message.toUtf8());
    Q_EMIT countersChanged();
}

void Connection::appendSocketMessage(Direction dir, bool isText, const QByteArray &bytes)
{
    // Encrypted wire without interception: the socket's view is the only plaintext there is.
    EventRecord r;
    r.timeUs = wallClockUs();
    r.type = EventType::Message;
    r.dir = dir;
    r.flags = FlagFromSocket | (isText ? FlagText : 0);
    r.value = quint64(bytes.size());
    if (dir == Direction::Outgoing)
        m_counters.messagesOut++;
    else
        m_counters.messagesIn++;
    appendEvent(r, bytes);
}

void Connection::appendInfo(const QString &message)
{
    EventRecord r;
    r.timeUs = wallClockUs();
    r.type = EventType::Info;
    appendEvent(r, message.toUtf8());
}

void Connection::open()
{
    if (m_state != State::Idle || m_kind != Kind::Outgoing)
        return;
    m_startedUs = wallClockUs();
    setState(State::Connecting);

    const QString problem = m_options.validate();
    if (!problem.isEmpty()) {
        appendError(ErrorLayer::App, problem);
        setState(State::Failed);
        m_tapDone = m_socketDone = true;
        maybeFinish();
        return;
    }

    const QUrl &url = m_options.url;
    const bool secure = url.scheme() == QLatin1String("wss");
    const bool intercept = secure && m_options.interceptTls;
    m_handshake.encrypted = secure && !intercept;
    m_handshake.intercepted = intercept;
    const quint16 port = quint16(url.port(secure ? 443 : 80));

    m_tap = std::make_unique<WireTap>(url.host(), port);
    m_tap->setCloseGraceMs(m_options.closeGraceMs);
    CertificateAuthority *authority = nullptr;
    if (intercept) {
        QString warning;
        authority = m_authority ? m_authority : defaultCertificateAuthority(&warning);
        if (!warning.isEmpty())
            appendInfo(warning);
        TapTlsSettings tls;
        tls.intercept = true;
        tls.leaf = authority ? authority->issue({ url.host() }) : IssuedCertificate();
        if (tls.leaf.isNull()) {
            appendError(ErrorLayer::App,
                tr("The inspector's certificate authority could not issue a certificate for %1: %2")
                    .arg(url.host(), authority ? authority->lastError() : tr("no CA")));
            setState(State::Failed);
            m_tapDone = m_socketDone = true;
            maybeFinish();
            return;
        }
        if (!m_options.caFile.isEmpty())
            tls.extraCaCertificates = QSslCertificate::fromPath(m_options.caFile, QSsl::Pem);
        if (!m_options.clientCertificateFile.isEmpty()) {
            QString error;
            m_options.loadClientCertificate(&tls.clientCertificate, &tls.clientKey, &tls.clientChain, &error);
        }
        tls.protocol = m_options.minimumTlsVersion == 13 ? QSsl::TlsV1_3OrLater : QSsl::TlsV1_2OrLater;
        tls.insecure = m_options.insecure;
        tls.trustedFingerprints = TrustedCertificates::fingerprintsFor(url.host());
        m_tap->setTls(tls);
    }
    QString tapError;
    if (!m_tap->listen(&tapError)) {
        appendError(ErrorLayer::App, tapError);
        setState(State::Failed);
        m_tapDone = m_socketDone = true;
        maybeFinish();
        return;
    }
    connect(m_tap.get(), &WireTap::bytesRecorded, this, [this](Direction dir, qint64 timeUs, const QByteArray &bytes) {
        if (m_injecting)
            m_recorder->recordInjected(timeUs, bytes);
        else
            m_recorder->record(dir, timeUs, bytes);
        if (dir == Direction::Outgoing && !m_pendingInjections.isEmpty() && m_recorder->clientStreamAtBoundary()) {
            injectNow(m_pendingInjections.takeFirst()); // re-enters here; one frame per boundary keeps the order
        }
        Q_EMIT eventsAppended();
        Q_EMIT countersChanged();
    });
    connect(m_tap.get(), &WireTap::pingHeldBack, this, [this] {
        appendInfo(tr("Auto-pong is off: this ping was held back from the WebSocket, so no pong goes back."));
    });
    m_tap->setHoldBackPings(!m_autoPong);
    connect(m_tap.get(), &WireTap::upstreamConnected, this, [this](qint64 dnsUs, qint64 tcpUs) {
        m_timings.dnsUs = dnsUs;
        m_timings.tcpUs = tcpUs;
        Q_EMIT handshakeUpdated();
    });
    connect(m_tap.get(), &WireTap::failed, this, &Connection::onTapFailed);
    connect(m_tap.get(), &WireTap::tlsEstablished, this, [this](const TlsReport &report, qint64 tlsUs) {
        m_handshake.tls = report;
        m_handshake.tlsKnown = true;
        m_timings.tlsUs = tlsUs;
        QString summary = tr("%1 with %2, %3, %4")
                              .arg(report.host, report.protocol, report.cipher,
                                  report.verified ? tr("certificate verified") : tr("certificate NOT verified"));
        if (report.proceededDespiteErrors)
            summary += tr(" (proceeding despite: %1)").arg(report.errorTexts.join(QLatin1Char(' ')));
        EventRecord r;
        r.timeUs = wallClockUs();
        r.type = EventType::Tls;
        r.dir = Direction::None;
        appendEvent(r, summary.toUtf8());
        Q_EMIT handshakeUpdated();
    });
    connect(m_tap.get(), &WireTap::tlsVerificationFailed, this, [this](const TlsReport &report) {
        m_handshake.tls = report;
        m_handshake.tlsKnown = true;
        m_awaitingTlsDecision = true;
        if (m_deadline)
            m_deadline->stop(); // the user is deciding; that is not the server being slow
        appendError(ErrorLayer::Tls,
            tr("The certificate of %1 failed verification: %2")
                .arg(report.host, report.errorTexts.join(QLatin1Char(' '))));
        Q_EMIT handshakeUpdated();
        Q_EMIT tlsDecisionNeeded(report);
    });
    connect(m_tap.get(), &WireTap::upstreamClosed, this, &Connection::onTapFinished);

    m_socket = std::make_unique<QWebSocket>(m_options.origin);
    m_socket->setProxy(m_tap->proxy());
    if (intercept) {
        // This socket talks TLS only with the tap, and trusts nothing but the inspector's own CA.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({ authority->certificate() });
        m_socket->setSslConfiguration(tls);
    } else if (secure) {
        // Interception off: the socket's own TLS is the real one, so the TLS options apply to it.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_options.caFile.isEmpty())
            tls.addCaCertificates(m_options.caFile, QSsl::Pem);
        tls.setProtocol(m_options.minimumTlsVersion == 13 ? QSsl::TlsV1_3OrLater : QSsl::TlsV1_2OrLater);
        if (!m_options.clientCertificateFile.isEmpty()) {
            QSslCertificate certificate;
            QSslKey key;
            QList<QSslCertificate> chain;
            QString error;
            if (m_options.loadClientCertificate(&certificate, &key, &chain, &error)) {
                tls.setLocalCertificate(certificate);
                tls.setPrivateKey(key);
                if (!chain.isEmpty())
                    tls.setLocalCertificateChain(QList<QSslCertificate> { certificate } + chain);
            } else {
                appendError(ErrorLayer::Tls, error);
            }
        }
        m_socket->setSslConfiguration(tls);
    }
    connect(m_socket.get(), &QWebSocket::connected, this, &Connection::onSocketConnected);
    connect(m_socket.get(), &QWebSocket::bytesWritten, this, &Connection::bytesWritten);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &Connection::onSocketDisconnected);
    connect(m_socket.get(), QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
        &Connection::onSocketError);
    connect(m_socket.get(), &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &e : errors)
            reasons << TlsReport::explain(e, m_options.url.host());
        if (m_options.insecure) {
            m_socket->ignoreSslErrors(errors);
            appendInfo(tr("Proceeding despite certificate errors (insecure): %1").arg(reasons.join(QLatin1Char(' '))));
            return;
        }
        appendError(ErrorLayer::Tls,
            tr("TLS certificate verification failed for %1: %2. The connection was not "
               "trusted; check the server's certificate.")
                .arg(m_options.url.host(), reasons.join(QStringLiteral("; "))));
    });
    if (m_handshake.encrypted) {
        // The wire is TLS: QWebSocket's view is the only plaintext, so messages come from its signals.
        connect(m_socket.get(), &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { appendSocketMessage(Direction::Incoming, true, text.toUtf8()); });
        connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { appendSocketMessage(Direction::Incoming, false, bytes); });
        connect(m_socket.get(), &QWebSocket::pong, this, [this](quint64 elapsedMs, const QByteArray &payload) {
            EventRecord r;
            r.timeUs = wallClockUs();
            r.type = EventType::Pong;
            r.dir = Direction::Incoming;
            r.flags = FlagFromSocket;
            r.value = elapsedMs * 1000;
            appendEvent(r, payload);
        });
    }

    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &Connection::onDeadline);
    m_deadline->start(m_options.timeoutMs);

    QNetworkRequest request(url);
    for (const auto &header : m_options.headers)
        request.setRawHeader(header.first, header.second);
    QWebSocketHandshakeOptions handshakeOptions;
    handshakeOptions.setSubprotocols(m_options.subprotocols);
    if (m_handshake.encrypted) {
        for (const QByteArray &name : request.rawHeaderList())
            m_handshake.socketRequestHeaders.append({ name, request.rawHeader(name) });
    }
    m_socket->open(request, handshakeOptions);
}

void Connection::onSocketConnected()
{
    if (m_deadline)
        m_deadline->stop();
    m_timings.totalUs = wallClockUs() - m_startedUs;
    if (m_handshake.encrypted) {
        EventRecord r;
        r.timeUs = wallClockUs();
        r.type = EventType::Open;
        r.flags = FlagFromSocket;
        appendEvent(r, m_socket->subprotocol().toUtf8());
    }
    setState(State::Open);
    Q_EMIT handshakeUpdated();
}

void Connection::onSocketDisconnected()
{
    if (m_deadline)
        m_deadline->stop();
    m_socketDone = true;
    if (m_state == State::Open || m_state == State::Closing) {
        setState(State::Closing); // until the tap has recorded the last bytes
    } else if (m_state == State::Connecting) {
        // Qt may report the reason (error()) just after disconnected(): give it one turn of the loop.
        QTimer::singleShot(0, this, [this] {
            if (m_state == State::Connecting) {
                if (m_statusText.isEmpty())
                    appendError(ErrorLayer::Tcp, tr("The connection closed before the WebSocket opened."));
                setState(State::Failed);
            }
            if (m_kind == Kind::Outgoing && (m_handshake.encrypted || !m_tap || !m_tap->tunnelEstablished()))
                m_tapDone = true;
            maybeFinish();
        });
        return;
    }
    if (m_kind == Kind::Outgoing && (m_handshake.encrypted || !m_tap || !m_tap->tunnelEstablished()))
        m_tapDone = true; // nothing more to wait for on the wire
    maybeFinish();
}

void Connection::onSocketError(QAbstractSocket::SocketError error)
{
    // The tap and the recorder explain most failures better than Qt can (Qt reports a refused target as a
    // proxy error and a 403 as "Unhandled http status code"); only say what nobody said yet.
    if (m_tapFailed || m_recorder->upgradeFailed() || m_recorder->violationSeen())
        return;
    if (m_closeRequested && error == QAbstractSocket::RemoteHostClosedError)
        return;
    const QString qtText = m_socket->errorString();
    ErrorLayer layer = ErrorLayer::WebSocket;
    QString message;
    switch (error) {
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        layer = ErrorLayer::Tls;
        message = tr("TLS handshake with %1 failed: %2").arg(m_options.url.host(), qtText);
        break;
    case QAbstractSocket::RemoteHostClosedError:
        layer = ErrorLayer::Tcp;
        if (m_recorder->openSeen() || m_state == State::Open) {
            message = tr("The server dropped the TCP connection without a Close frame (1006 abnormal closure).");
        } else if (m_handshake.intercepted && m_handshake.tlsKnown && !m_handshake.responseComplete) {
            // TLS 1.3 servers reject a missing client certificate only after the handshake looks done.
            layer = ErrorLayer::Tls;
            message = tr("The server closed the connection right after the TLS handshake, before answering the "
                         "upgrade. Servers do that when they require a client certificate: set one in the "
                         "connection's TLS options.");
        } else {
            message = tr("The server closed the TCP connection before answering the upgrade.");
        }
        break;
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        layer = ErrorLayer::Proxy;
        message = tr("The capture tap failed: %1").arg(qtText);
        break;
    case QAbstractSocket::HostNotFoundError:
        layer = ErrorLayer::Dns;
        message = tr("DNS lookup failed for \"%1\": the name does not resolve. Check the host name in the URL.")
                      .arg(m_options.url.host());
        break;
    case QAbstractSocket::SocketTimeoutError:
        layer = ErrorLayer::Tcp;
        message = tr("The connection timed out: %1").arg(qtText);
        break;
    default:
        message = tr("WebSocket error: %1").arg(qtText);
        break;
    }
    appendError(layer, message);
    if (m_state == State::Connecting)
        setState(State::Failed);
}

void Connection::onTapFailed(ErrorLayer layer, const QString &message)
{
    m_tapFailed = true;
    if (m_deadline)
        m_deadline->stop();
    appendError(layer, message);
    setState(State::Failed);
    // The socket may never report an end of its own (it was still in its TLS or HTTP handshake with the tap).
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    m_socketDone = true;
    maybeFinish();
}

void Connection::onTapFinished()
{
    m_recorder->upstreamEnded(wallClockUs());
    Q_EMIT eventsAppended();
    m_tapDone = true;
    if (!m_socketDone && m_socket && m_state == State::Open) {
        // The server went away; the socket will notice right after the tap relays the end.
        setState(State::Closing);
    }
    maybeFinish();
}

void Connection::onDeadline()
{
    if (m_state != State::Connecting)
        return;
    QString message;
    if (m_tap && !m_tap->tunnelEstablished())
        message = tr("Timed out after %1 ms connecting to %2: no TCP connection. Is a firewall dropping packets?")
                      .arg(m_options.timeoutMs)
                      .arg(m_options.url.authority());
    else if (!m_handshake.responseComplete && !m_handshake.encrypted)
        message = tr("Timed out after %1 ms waiting for the server to answer the upgrade request (HTTP).")
                      .arg(m_options.timeoutMs);
    else
        message = tr("Timed out after %1 ms: the WebSocket did not open.").arg(m_options.timeoutMs);
    appendError(m_tap && !m_tap->tunnelEstablished() ? ErrorLayer::Tcp : ErrorLayer::Http, message);
    m_tapFailed = true; // the explanation is given; Qt's follow-up error adds nothing
    setState(State::Failed);
    if (m_socket)
        m_socket->abort();
    if (m_tap)
        m_tap->shutdown();
    m_tapDone = m_socketDone = true;
    maybeFinish();
}

CloseExplanation Connection::closeExplanation() const
{
    const bool ended = m_state == State::Closed || m_state == State::Failed;
    return CloseExplainer::explain({ m_events, m_handshake, m_kind == Kind::Outgoing, ended });
}

void Connection::explainEnding()
{
    // Why it dropped, in one line: who closed, the codes and their meanings, the time between the Close
    // frames, clean or abnormal, and what to try. A TLS or HTTP failure keeps the words that named it.
    const CloseExplanation why = closeExplanation();
    if (m_handshake.encrypted && why.closer == CloseExplanation::Closer::Neither)
        return; // an opaque TLS wire has no Close frames to read: the socket's close code said it already
    QString text
        = why.closer == CloseExplanation::Closer::NotOpened && !m_statusText.isEmpty() ? m_statusText : why.summary;
    if (text.isEmpty())
        return;
    if (why.closer != CloseExplanation::Closer::NotOpened && why.closer != CloseExplanation::Closer::StillOpen
        && why.effectiveCode >= 0 && !text.contains(QString::number(why.effectiveCode)))
        text += tr(" (%1 %2)").arg(why.effectiveCode).arg(closeCodeName(why.effectiveCode));
    if (!why.hint.isEmpty() && !text.contains(why.hint))
        text += tr(" What to try: %1").arg(why.hint);
    setStatusText(text);
}

void Connection::maybeFinish()
{
    if (m_finished || !m_tapDone || !m_socketDone)
        return;
    m_finished = true;
    if (m_state != State::Failed) {
        const int first = m_recorder->firstCloseDirection();
        // The last Close events tell who closed and how; the status line says it in words.
        QString text;
        int code = -1;
        QString reason;
        for (qsizetype i = m_events.size() - 1; i >= 0; --i) {
            const EventRecord &r = m_events.at(i);
            if (r.type == EventType::Close && int(r.dir) == first) {
                code = r.value == kNoCloseCode ? -1 : int(r.value);
                reason = m_events.payloadText(i);
                break;
            }
        }
        if (first < 0) {
            if (m_statusText.isEmpty() || m_handshake.encrypted) {
                const int socketCode = m_socket ? int(m_socket->closeCode()) : -1;
                text = m_handshake.encrypted
                    ? tr("Closed (%1 %2)").arg(socketCode).arg(closeCodeName(socketCode))
                    : tr("Closed without a Close frame: the TCP connection dropped (1006 abnormal closure).");
            } else {
                text = m_statusText;
            }
        } else {
            const bool byUs = first == int(Direction::Outgoing);
            const QString who = m_kind == Kind::Outgoing ? (byUs ? tr("this client") : tr("the server"))
                                                         : (byUs ? tr("this server") : tr("the client"));
            text = code < 0 ? tr("Closed by %1 without a status code").arg(who)
                            : tr("Closed by %1 with %2 %3").arg(who).arg(code).arg(closeCodeName(code));
            if (!reason.isEmpty())
                text += QStringLiteral(": \"%1\"").arg(reason);
        }
        setStatusText(text);
        setState(State::Closed);
    }
    explainEnding();
    Q_EMIT countersChanged();
    Q_EMIT finished();
}

bool Connection::sendText(const QString &text)
{
    if (m_endpoint)
        return m_state == State::Open && m_endpoint->sendMessage(true, text.toUtf8());
    if (m_state != State::Open || !m_socket)
        return false;
    if (canSendFramed() && (isSendingFramed() || text.size() * 3 >= kFramedSendBytes)) {
        const QByteArray utf8 = text.toUtf8();
        if (isSendingFramed() || utf8.size() >= kFramedSendBytes)
            return sendFramed(utf8, true, m_socket->outgoingFrameSize());
    }
    if (m_handshake.encrypted)
        appendSocketMessage(Direction::Outgoing, true, text.toUtf8());
    ++m_socketMessagesSent;
    m_socket->sendTextMessage(text);
    return true;
}

bool Connection::sendBinary(const QByteArray &data)
{
    if (m_endpoint)
        return m_state == State::Open && m_endpoint->sendMessage(false, data);
    if (m_state != State::Open || !m_socket)
        return false;
    if (canSendFramed() && (isSendingFramed() || data.size() >= kFramedSendBytes))
        return sendFramed(data, false, m_socket->outgoingFrameSize());
    if (m_handshake.encrypted)
        appendSocketMessage(Direction::Outgoing, false, data);
    ++m_socketMessagesSent;
    m_socket->sendBinaryMessage(data);
    return true;
}

bool Connection::canSendFramed() const
{
    return m_kind == Kind::Outgoing && m_state == State::Open && m_tap && m_socket && !m_handshake.encrypted;
}

bool Connection::isSendingFramed() const
{
    return m_framedSender && m_framedSender->isBusy();
}

bool Connection::sendFramed(const QByteArray &payload, bool isText, qint64 frameSize, QString *error)
{
    if (!canSendFramed()) {
        if (error) {
            *error = m_state != State::Open
                ? tr("The connection is not open.")
                : tr("Frames can be injected only into connections this app opened through a "
                     "tap that sees plaintext (for wss, turn TLS interception on).");
        }
        return false;
    }
    if (!m_framedSender) {
        FramedSender::Hooks hooks;
        hooks.readiness = [this] {
            if (m_state != State::Open || !m_tap || !m_socket)
                return FramedSender::Readiness::Gone;
            // QWebSocket writes through its proxy socket, whose buffer bytesToWrite() does not show, so wait until
            // the tap has decoded every message QWebSocket was given.
            const bool quiet = m_recorder->clientStreamMessages() >= m_socketMessagesSent && m_tap->clientDrained()
                && m_pendingInjections.isEmpty() && m_recorder->clientStreamAtBoundary();
            return quiet ? FramedSender::Readiness::Ready : FramedSender::Readiness::Wait;
        };
        hooks.upstreamBacklog = [this] { return m_tap ? m_tap->upstreamBacklog() : 0; };
        hooks.inject = [this](const QByteArray &frame) { injectNow(frame); };
        m_framedSender = new FramedSender(std::move(hooks), this);
        connect(m_framedSender, &FramedSender::frameWritten, this, &Connection::bytesWritten);
    }
    m_framedSender->enqueue(payload, isText, frameSize > 0 ? frameSize : payload.size());
    return true;
}

void Connection::cancelFramedSend(const QString &why)
{
    if (!m_framedSender)
        return;
    const qint64 dropped = m_framedSender->cancel();
    if (dropped > 0)
        appendInfo(tr("%n byte(s) of queued messages were not sent: %1", nullptr, int(qMin<qint64>(dropped, INT_MAX)))
                       .arg(why));
}

bool Connection::sendRawFrame(const RawFrameSpec &spec, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_kind != Kind::Outgoing)
        return fail(tr("Raw frames can be injected only into connections this app opened."));
    if (m_state != State::Open || !m_tap)
        return fail(tr("The connection is not open."));
    if (m_handshake.encrypted)
        return fail(
            tr("The tap cannot inject into an encrypted stream: turn TLS interception on for this connection."));
    const QByteArray bytes = encodeFrame(spec);
    appendInfo(tr("Injected raw frame (for testing servers): %1").arg(spec.describe()));
    if (m_recorder->clientStreamAtBoundary() && m_pendingInjections.isEmpty())
        injectNow(bytes);
    else
        m_pendingInjections << bytes;
    return true;
}

void Connection::injectNow(const QByteArray &frame)
{
    // The tap records the injected bytes synchronously; the flag routes them to the recorder's injection path.
    m_injecting = true;
    m_tap->injectUpstream(frame);
    m_injecting = false;
}

void Connection::setAutoPong(bool enabled)
{
    m_autoPong = enabled;
    if (m_tap)
        m_tap->setHoldBackPings(!enabled);
}

bool Connection::ping(const QByteArray &payload)
{
    if (m_endpoint)
        return m_state == State::Open && payload.size() <= 125 && m_endpoint->sendPing(payload);
    if (m_state != State::Open || !m_socket || payload.size() > 125)
        return false;
    m_socket->ping(payload);
    return true;
}

bool Connection::close(int code, const QString &reason, bool byUser)
{
    if (m_endpoint) {
        if (m_state != State::Open || !isValidWireCloseCode(code) || reason.toUtf8().size() > 123)
            return false;
        if (!m_endpoint->sendClose(code, reason))
            return false;
        m_closeRequested = true;
        setState(State::Closing);
        return true;
    }
    if (!m_socket || (m_state != State::Open && m_state != State::Connecting))
        return false;
    if (!isValidWireCloseCode(code) || reason.toUtf8().size() > 123)
        return false;
    m_closeRequested = true;
    m_closedByUser = m_closedByUser || byUser;
    if (m_state == State::Connecting) {
        abort();
        return true;
    }
    cancelFramedSend(tr("the connection was closed"));
    setState(State::Closing);
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    return true;
}

void Connection::abort(bool byUser)
{
    if (m_endpoint) {
        if (m_state != State::Closed && m_state != State::Failed) {
            m_closeRequested = true;
            m_endpoint->abort(); // the relay reports the end through wireClosed()
        }
        return;
    }
    if (!m_socket || m_state == State::Closed || m_state == State::Failed)
        return;
    m_closeRequested = true;
    m_closedByUser = m_closedByUser || byUser;
    if (m_state == State::Connecting) {
        appendInfo(tr("Connection attempt cancelled by the user."));
        m_tapFailed = true;
        setState(State::Failed);
        setStatusText(tr("Cancelled by the user before the WebSocket opened."));
        m_socket->abort();
        if (m_tap)
            m_tap->shutdown();
        m_tapDone = m_socketDone = true;
        maybeFinish();
        return;
    }
    m_socket->abort();
}

} // namespace wsi
