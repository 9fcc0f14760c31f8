// OutgoingTransport: starts the tap and the QWebSocket, and follows both until the wire is done.
#include "connection/outgoingtransport.h"

#include "capture/taphandle.h"
#include "connection/automaticmarks.h"
#include "connection/connection.h"
#include "connection/connectionlegwriter.h"
#include "connection/decodedbatch.h"
#include "connection/interceptiontls.h"
#include "connection/outgoingfailuretext.h"
#include "connection/outgoingsender.h"
#include "connection/outgoingsockettls.h"
#include "connection/tapinjector.h"
#include "connection/taprecorder.h"
#include "endpoints/clienttlssettings.h"
#include "protocol/closecodes.h"
#include "store/slowturnlog.h"
#include "store/taptimeline.h"
#include "store/wallclock.h"

#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace wsi {

using State = Connection::State;

OutgoingTransport::OutgoingTransport(Connection *connection, QObject *parent)
    : QObject(parent)
    , ConnectionTransport(connection)
    , m_rows(std::make_unique<ConnectionLegWriter>(
          connection, &connection->m_leg, [connection](const RecordedText &text) { connection->setStatus(text); }))
{ }

OutgoingTransport::~OutgoingTransport()
{
    // Nothing reaches the connection any more: it is being destroyed or given another transport.
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->disconnect(m_connection);
        m_socket->abort();
    }
    m_sender.reset();
    m_injector.reset();
    m_interception.reset();
    if (m_tap)
        m_tap->disconnect(this); // the handle drops the tap on the capture thread
}

void OutgoingTransport::start()
{
    const ConnectionOptions &options = m_connection->options();
    const bool secure = options.url.scheme() == QLatin1String("wss");
    const bool intercept = secure && options.interceptTls;
    HandshakeRecord &handshake = m_connection->m_leg.handshake;
    handshake.encrypted = secure && !intercept;
    handshake.intercepted = intercept;

    const ClientTlsSettings tls(options);
    if (secure && !tls.clientCertificateError().isEmpty()) {
        // Whoever does the TLS (the tap or the socket) goes on without the certificate; the server decides.
        // Made again in English for the record (it names a file Qt could not read, in the window's language).
        m_connection->appendError(ErrorLayer::Tls, RecordedText::captured([&options] {
            QString error;
            options.loadClientCertificate(nullptr, nullptr, nullptr, &error);
            return error;
        }));
    }
    if (!startTap(tls, intercept))
        return;
    startSocket(tls, secure);
}

void OutgoingTransport::failAtStart(ErrorLayer layer, const RecordedText &message)
{
    m_connection->appendError(layer, message);
    m_connection->setState(State::Failed);
    m_ended = kBothEnded;
    m_connection->maybeFinish();
}

bool OutgoingTransport::startTap(const ClientTlsSettings &tls, bool intercept)
{
    const ConnectionOptions &options = m_connection->options();
    const QUrl &url = options.url;
    // A child of the connection (tests find it there), deleted here first.
    m_tap = std::make_unique<TapHandle>(
        url.host(), quint16(url.port(url.scheme() == QLatin1String("wss") ? 443 : 80)), m_connection);
    m_tap->setCloseGraceMs(options.closeGraceMs);
    if (intercept) {
        m_interception = std::make_unique<InterceptionTls>(m_connection, m_tap.get());
        connect(m_interception.get(), &InterceptionTls::decisionPending, this, [this] {
            if (m_deadline)
                m_deadline->stop();
        });
        connect(m_interception.get(), &InterceptionTls::decisionMade, this, [this] {
            if (m_deadline)
                m_deadline->start(m_connection->options().timeoutMs);
        });
        RecordedText failure;
        if (!m_interception->configure(tls, &failure)) {
            failAtStart(ErrorLayer::App, failure);
            return false;
        }
    }
    m_tap->setHoldBackPings(!autoPong());
    // Decode once: the recorder reads the server's frames off the wire, so the QWebSocket needs only what it acts
    // on. Not when the wire is TLS the tap cannot read: the socket's own messages are the record then.
    m_tap->setSkipMessages(!m_connection->m_leg.handshake.encrypted);
    const auto marks = std::make_shared<AutomaticMarks>();
    m_tap->setDecoder(std::make_unique<TapRecorder>(m_connection->m_leg.handshake.encrypted, marks));
    RecordedText tapError;
    if (!m_tap->listen(&tapError)) {
        failAtStart(ErrorLayer::App, tapError);
        return false;
    }
    m_injector = std::make_unique<TapInjector>(
        m_tap.get(), &m_wireState, marks, [this] { return m_connection->state() == State::Open && m_tap && m_socket; });
    connect(m_injector.get(), &TapInjector::frameWritten, m_connection, &Connection::bytesWritten);
    connect(m_tap.get(), &TapHandle::batchArrived, this, &OutgoingTransport::onTapBatch);
    connect(m_tap.get(), &TapHandle::pingHeldBack, this, [this] {
        m_connection->appendInfo(RecordedText("wsi::Connection",
            QT_TRANSLATE_NOOP("wsi::Connection",
                "Auto-pong is off: this ping was held back from the WebSocket, so no pong goes back.")));
    });
    connect(m_tap.get(), &TapHandle::upstreamConnected, this, [this](qint64 dnsUs, qint64 tcpUs) {
        m_connection->m_leg.timings.dnsUs = dnsUs;
        m_connection->m_leg.timings.tcpUs = tcpUs;
        Q_EMIT m_connection->handshakeUpdated();
    });
    connect(m_tap.get(), &TapHandle::failed, this, &OutgoingTransport::onTapFailed);
    connect(m_tap.get(), &TapHandle::upstreamClosed, this, &OutgoingTransport::onTapFinished);
    connect(m_tap.get(), &TapHandle::drained, this, [this] {
        m_ended |= kTapEnded;
        recordPendingSocketError();
        m_connection->maybeFinish();
    });
    return true;
}

void OutgoingTransport::startSocket(const ClientTlsSettings &tls, bool secure)
{
    const ConnectionOptions &options = m_connection->options();
    HandshakeRecord &handshake = m_connection->m_leg.handshake;
    m_socket = std::make_unique<QWebSocket>(options.origin);
    m_socket->setProxy(m_tap->proxy());
    m_sender = std::make_unique<OutgoingSender>(m_connection, m_socket.get(), m_injector.get());
    m_socketTls = std::make_unique<OutgoingSocketTls>(m_connection, m_socket.get(), tls, m_interception.get(), secure);
    connect(m_socket.get(), &QWebSocket::connected, this, &OutgoingTransport::onSocketConnected);
    connect(m_socket.get(), &QWebSocket::bytesWritten, m_connection, &Connection::bytesWritten);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &OutgoingTransport::onSocketDisconnected);
    connect(m_socket.get(), QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
        &OutgoingTransport::onSocketError);
    connect(m_socket.get(), &QWebSocket::sslErrors, this,
        [this](const QList<QSslError> &errors) { m_socketTls->onSslErrors(errors); });
    if (handshake.encrypted) {
        // The wire is TLS: QWebSocket's view is the only plaintext, so messages come from its signals.
        connect(m_socket.get(), &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { m_sender->recordSocketMessage(Direction::Incoming, true, text.toUtf8()); });
        connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { m_sender->recordSocketMessage(Direction::Incoming, false, bytes); });
        connect(m_socket.get(), &QWebSocket::pong, this,
            [this](quint64 elapsedMs, const QByteArray &payload) { m_sender->recordSocketPong(elapsedMs, payload); });
    }

    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &OutgoingTransport::onDeadline);
    m_deadline->start(options.timeoutMs);

    QNetworkRequest request(options.url);
    for (const auto &header : options.headers)
        request.setRawHeader(header.first, header.second);
    QWebSocketHandshakeOptions handshakeOptions;
    handshakeOptions.setSubprotocols(options.subprotocols);
    if (handshake.encrypted) {
        for (const QByteArray &name : request.rawHeaderList())
            handshake.socketRequestHeaders.append({ name, request.rawHeader(name) });
    }
    m_socket->open(request, handshakeOptions);
}

void OutgoingTransport::onTapBatch(const TapBatch &batch)
{
    if (!batch.decoded)
        return; // state only (the upstream backlog), which the handle keeps
    // Named, so that the slow-turn log tells applying a batch apart from Qt's own work (issue 12's ping goal).
    const SlowTurnLog::Section section("tap.batch");
    const auto &decoded = static_cast<const DecodedBatch &>(*batch.decoded); // the tap's decoder is a TapRecorder
    m_wireState = decoded.state;
    m_rows->apply(decoded);
}

void OutgoingTransport::onTapFailed(ErrorLayer layer, const RecordedText &message)
{
    m_endingExplained = true;
    m_pendingSocketError.reset(); // the tap says it better
    if (m_deadline)
        m_deadline->stop();
    m_connection->appendError(layer, message);
    m_connection->setState(State::Failed);
    // The socket may never report an end of its own (it was still in its TLS or HTTP handshake with the tap).
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->disconnect(m_connection);
        m_socket->abort();
    }
    m_ended |= kSocketEnded;
    m_connection->maybeFinish();
}

void OutgoingTransport::onTapFinished()
{
    m_ended |= kTapEnded; // the tap's recorder completed what waited for the end (its batch came first)
    recordPendingSocketError();
    Q_EMIT m_connection->eventsAppended();
    if (!(m_ended & kSocketEnded) && m_socket && m_connection->state() == State::Open) {
        // The server went away; the socket will notice right after the tap relays the end.
        m_connection->setState(State::Closing);
    }
    m_connection->maybeFinish();
}

bool OutgoingTransport::wireEndsWithSocket() const
{
    return m_connection->m_leg.handshake.encrypted || !m_tap || !m_tap->tunnelEstablished();
}

void OutgoingTransport::onSocketConnected()
{
    if (m_deadline)
        m_deadline->stop();
    TapTimeline timeline;
    timeline.startedUs = m_connection->startedUs();
    timeline.openUs = wallClockUs(); // one reading for the total and the last hand-off, so they end together
    if (m_tap) {
        timeline.acceptedUs = m_tap->acceptedUs();
        timeline.connectParsedUs = m_tap->connectParsedUs();
        timeline.upstreamReadyUs = m_tap->upstreamReadyUs();
    }
    timeline.tunnelUsedUs = m_wireState.handshakeStartUs;
    timeline.responseHeadUs = m_wireState.responseHeadUs;
    m_connection->m_leg.timings.totalUs = timeline.openUs - timeline.startedUs;
    timeline.applyTo(m_connection->m_leg.timings);
    if (m_connection->m_leg.handshake.encrypted) {
        EventRecord r;
        r.timeUs = wallClockUs();
        r.type = EventType::Open;
        r.flags = FlagFromSocket;
        m_connection->appendEvent(r, m_socket->subprotocol().toUtf8());
    }
    if (m_tap)
        m_tap->openingDone(); // from here on the tap's chunks may wait for the next 16 ms batch
    m_connection->setState(State::Open);
    Q_EMIT m_connection->handshakeUpdated();
}

void OutgoingTransport::onSocketDisconnected()
{
    if (m_deadline)
        m_deadline->stop();
    m_ended |= kSocketEnded;
    const State state = m_connection->state();
    if (state == State::Open || state == State::Closing) {
        m_connection->setState(State::Closing); // until the tap has recorded the last bytes
    } else if (state == State::Connecting) {
        // Qt may report the reason (error()) just after disconnected(): give it one turn of the loop.
        QTimer::singleShot(0, this, [this] {
            if (m_connection->state() == State::Connecting) {
                if (m_connection->statusText().isEmpty())
                    m_connection->appendError(ErrorLayer::Tcp,
                        RecordedText("wsi::Connection",
                            QT_TRANSLATE_NOOP(
                                "wsi::Connection", "The connection closed before the WebSocket opened.")));
                m_connection->setState(State::Failed);
            }
            if (wireEndsWithSocket())
                endWireWithSocket();
            m_connection->maybeFinish();
        });
        return;
    }
    if (wireEndsWithSocket())
        endWireWithSocket(); // nothing more to wait for on the wire than what is on its way
    m_connection->maybeFinish();
}

void OutgoingTransport::endWireWithSocket()
{
    if (m_tap && !(m_ended & kTapEnded))
        m_tap->drain(); // its drained() ends the wire once the last batch is recorded
    else
        m_ended |= kTapEnded;
}

void OutgoingTransport::onSocketError(QAbstractSocket::SocketError error)
{
    if (!socketErrorExplainsTheEnd())
        return;
    if (m_closeRequested && error == QAbstractSocket::RemoteHostClosedError)
        return;
    const HandshakeRecord &handshake = m_connection->m_leg.handshake;
    const OutgoingFailureText::Text text = OutgoingFailureText::socketError(error, m_socket->errorString(),
        m_connection->options().url.host(), m_wireState.openSeen || m_connection->state() == State::Open,
        handshake.intercepted && handshake.tlsKnown && !handshake.responseComplete);
    if (m_tap && !(m_ended & kTapEnded) && m_connection->state() != State::Connecting) {
        // The tap's last batch (what the app sent just before the server went) may still be on its way from the
        // capture thread: recorded after it, the drop keeps the log in wire order and its times ascending.
        m_pendingSocketError = text;
        return;
    }
    m_connection->appendError(text.layer, text.message);
    if (m_connection->state() == State::Connecting)
        m_connection->setState(State::Failed);
}

bool OutgoingTransport::socketErrorExplainsTheEnd() const
{
    // The tap and the recorder explain most failures better than Qt can (Qt reports a refused target as a
    // proxy error and a 403 as "Unhandled http status code"); only say what nobody said yet.
    return !m_endingExplained && !m_wireState.upgradeFailed && !m_wireState.violationSeen;
}

void OutgoingTransport::recordPendingSocketError()
{
    if (m_pendingSocketError && socketErrorExplainsTheEnd())
        m_connection->appendError(m_pendingSocketError->layer, m_pendingSocketError->message);
    m_pendingSocketError.reset();
}

void OutgoingTransport::onDeadline()
{
    if (m_connection->state() != State::Connecting)
        return;
    const ConnectionOptions &options = m_connection->options();
    const HandshakeRecord &handshake = m_connection->m_leg.handshake;
    const OutgoingFailureText::Text text = OutgoingFailureText::deadline(options.timeoutMs, options.url.authority(),
        !m_tap || m_tap->tunnelEstablished(), !handshake.responseComplete && !handshake.encrypted);
    m_connection->appendError(text.layer, text.message);
    m_endingExplained = true;
    m_connection->setState(State::Failed);
    if (m_socket)
        m_socket->abort();
    if (m_tap)
        m_tap->shutdown();
    m_ended = kBothEnded;
    m_connection->maybeFinish();
}

int OutgoingTransport::firstCloseDirection() const
{
    return m_wireState.firstCloseDirection;
}

bool OutgoingTransport::sendFramed(const QByteArray &payload, bool isText, qint64 frameSize, QString *error)
{
    return m_sender ? m_sender->sendFramed(payload, isText, frameSize, error) : refuseFramed(*m_connection, error);
}

bool OutgoingTransport::sendRawFrame(const RawFrameSpec &spec, QString *error)
{
    return m_sender ? m_sender->sendRawFrame(spec, error) : refuseRawFrame(*m_connection, error);
}

void OutgoingTransport::autoPongChanged()
{
    if (m_tap)
        m_tap->setHoldBackPings(!autoPong());
}

bool OutgoingTransport::close(int code, const QString &reason, bool byUser)
{
    const State state = m_connection->state();
    if (!m_socket || (state != State::Open && state != State::Connecting))
        return false;
    if (!isValidWireCloseCode(code) || reason.toUtf8().size() > 123)
        return false;
    m_closeRequested = true;
    m_connection->noteClosedByUser(byUser);
    if (state == State::Connecting) {
        abort(true); // a close before the open is a cancel, as the user's own abort is
        return true;
    }
    m_sender->cancelFramed(Connection::tr("the connection was closed"));
    m_connection->setState(State::Closing);
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    return true;
}

void OutgoingTransport::abort(bool byUser)
{
    const State state = m_connection->state();
    if (!m_socket || state == State::Closed || state == State::Failed)
        return;
    m_closeRequested = true;
    m_connection->noteClosedByUser(byUser);
    if (state == State::Connecting) {
        m_connection->appendInfo(RecordedText(
            "wsi::Connection", QT_TRANSLATE_NOOP("wsi::Connection", "Connection attempt cancelled by the user.")));
        m_endingExplained = true;
        m_connection->setState(State::Failed);
        m_connection->setStatus(RecordedText("wsi::Connection",
            QT_TRANSLATE_NOOP("wsi::Connection", "Cancelled by the user before the WebSocket opened.")));
        m_socket->abort();
        if (m_tap)
            m_tap->shutdown();
        m_ended = kBothEnded;
        m_connection->maybeFinish();
        return;
    }
    m_socket->abort();
}

} // namespace wsi
