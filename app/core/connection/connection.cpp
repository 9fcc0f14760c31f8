// Connection: one WebSocket connection's state machine and record, over the transport that feeds it.
#include "connection/connection.h"

#include "connection/connectionwords.h"
#include "connection/defaultcertificateauthority.h"
#include "connection/importedrecord.h"
#include "connection/interceptiontls.h"
#include "connection/keepalive.h"
#include "connection/outgoingtransport.h"
#include "connection/protocoldutyrunner.h"
#include "connection/proxiedtransport.h"
#include "connection/servedclient.h"
#include "explain/closeexplainer.h"
#include "explain/secretmasker.h"
#include "language/englishscope.h"
#include "language/translations.h"
#include "store/slowturnlog.h"
#include "store/wallclock.h"
#include "tls/certificateauthority.h"

#include <QWebSocket>

namespace wsi {

int Connection::s_nextId = 1;

template <class Transport> Transport *Connection::adopt(std::unique_ptr<Transport> transport)
{
    Transport *typed = transport.get();
    m_transport = std::move(transport);
    m_outgoing = nullptr;
    m_served = nullptr;
    m_proxied = nullptr;
    return typed;
}

Connection::Connection(const ConnectionOptions &options, QObject *parent)
    : QObject(parent)
    , m_id(s_nextId++)
    , m_options(options)
{
    m_outgoing = adopt(std::make_unique<OutgoingTransport>(this));
    if (m_options.keepalive.enabled())
        m_keepalive = new Keepalive(this, m_options.keepalive, this);
    setProtocolDuties(m_options.protocolDuties, m_options.protocol);
}

void Connection::setProtocolDuties(bool enabled, const QString &protocolOrAuto)
{
    delete m_duties;
    m_duties = nullptr;
    if (enabled && m_kind == Kind::Outgoing && protocolOrAuto != QLatin1String("none"))
        m_duties = new ProtocolDutyRunner(this, protocolOrAuto, this);
}

Connection::Connection(Kind kind, const ConnectionOptions &options, const QString &peer, QObject *parent)
    : QObject(parent)
    , m_id(s_nextId++)
    , m_kind(kind)
    , m_peer(peer)
    , m_options(options)
    , m_leg(kind == Kind::Incoming ? ConnectionLeg::Facing::Client : ConnectionLeg::Facing::Server)
{
    if (kind == Kind::Outgoing) {
        m_outgoing = adopt(std::make_unique<OutgoingTransport>(this));
        return;
    }
    if (kind == Kind::Proxied) {
        m_clientLeg = std::make_unique<ConnectionLeg>(ConnectionLeg::Facing::Client);
        m_proxied = adopt(std::make_unique<ProxiedTransport>(this));
    } else {
        m_served = adopt(std::make_unique<ServedClient>(this));
    }
    m_startedUs = wallClockUs();
    m_state = State::Connecting;
}

Connection::~Connection()
{
    // The transport may still hold a live socket: it lets go of it while this connection is whole.
    m_transport.reset();
}

void Connection::setEventRetention(EventStore::Retention retention)
{
    m_leg.events.setRetention(retention);
    if (m_clientLeg)
        m_clientLeg->events.setRetention(retention);
}

void Connection::releaseClientLegEvents(qsizetype before)
{
    if (m_clientLeg)
        m_clientLeg->events.release(before);
}

const ConnectionLeg *Connection::leg(ConnectionLeg::Facing facing) const
{
    if (m_leg.facing == facing)
        return &m_leg;
    return m_clientLeg && m_clientLeg->facing == facing ? m_clientLeg.get() : nullptr;
}

QString Connection::title() const
{
    const QByteArray target = (m_clientLeg ? *m_clientLeg : m_leg).handshake.request.target;
    return ConnectionWords::title(m_kind, m_peer, target, m_options.url);
}

QString Connection::shownTitle(bool revealSecrets) const
{
    const QString text = title();
    return revealSecrets ? text : SecretMasker::maskUrl(text);
}

void Connection::attachEndpoint(ServerSideEndpoint *endpoint)
{
    if (m_served)
        m_served->attachEndpoint(endpoint);
}

void Connection::endpointOpened()
{
    if (m_served)
        m_served->endpointOpened();
}

void Connection::wireClosed()
{
    if (m_served)
        m_served->wireClosed();
}

QWebSocket *Connection::socket() const
{
    return m_outgoing ? m_outgoing->socket() : nullptr;
}

CertificateAuthority *Connection::defaultCertificateAuthority(QString *warning)
{
    RecordedText said;
    CertificateAuthority *authority = defaultCertificateAuthority(warning ? &said : nullptr);
    if (warning)
        *warning = said.translated();
    return authority;
}

CertificateAuthority *Connection::defaultCertificateAuthority(RecordedText *warning)
{
    return DefaultCertificateAuthority::instance(warning);
}

void Connection::proceedTls(bool alwaysTrust)
{
    if (InterceptionTls *tls = m_outgoing ? m_outgoing->interception() : nullptr)
        tls->proceed(alwaysTrust);
}

void Connection::cancelTls()
{
    if (InterceptionTls *tls = m_outgoing ? m_outgoing->interception() : nullptr)
        tls->cancel();
}

bool Connection::awaitingTlsDecision() const
{
    const InterceptionTls *tls = m_outgoing ? m_outgoing->interception() : nullptr;
    return tls && tls->awaitingDecision();
}

QString Connection::stateText(State state)
{
    return ConnectionWords::stateText(state);
}

QString Connection::negotiatedSubprotocol() const
{
    if (m_leg.handshake.responseComplete)
        return QString::fromUtf8(m_leg.handshake.response.value("Sec-WebSocket-Protocol"));
    return socket() ? socket()->subprotocol() : QString();
}

void Connection::setStatus(const RecordedText &text)
{
    const QString before = statusText();
    m_status = text;
    m_statusExplained = false;
    const QString after = statusText();
    if (after != before)
        Q_EMIT statusTextChanged(after);
}

QString Connection::statusText() const
{
    return m_statusExplained ? explainedStatus() : m_status.translated();
}

QString Connection::recordedStatusText() const
{
    const EnglishScope english;
    return statusText();
}

void Connection::setState(State state)
{
    if ((state == State::Failed || state == State::Open) && m_leg.timings.totalUs < 0 && m_startedUs > 0)
        m_leg.timings.totalUs = wallClockUs() - m_startedUs;
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Connection::appendEvent(const EventRecord &record, QByteArrayView payload)
{
    m_leg.events.append(record, payload);
    Q_EMIT eventsAppended();
}

void Connection::appendTextEvent(const EventRecord &record, const RecordedText &text)
{
    m_leg.texts.insert(m_leg.events.size(), text);
    appendEvent(record, text.english().toUtf8());
}

void Connection::appendEvent(ConnectionLeg::Facing facing, const EventRecord &record, QByteArrayView payload)
{
    if (!m_clientLeg || facing == m_leg.facing) {
        appendEvent(record, payload);
        return;
    }
    m_clientLeg->events.append(record, payload);
    Q_EMIT eventsAppended();
}

void Connection::markLastEvent(ConnectionLeg::Facing facing, const ProxyMark &mark)
{
    ConnectionLeg &wire = m_clientLeg && facing == m_clientLeg->facing ? *m_clientLeg : m_leg;
    wire.proxyMarks.insert(wire.events.size() - 1, mark);
}

void Connection::markEvent(ConnectionLeg::Facing facing, qsizetype row, const ProxyMark &mark)
{
    ConnectionLeg &wire = m_clientLeg && facing == m_clientLeg->facing ? *m_clientLeg : m_leg;
    if (row < 0 || row >= wire.events.size())
        return;
    wire.proxyMarks.insert(row, mark);
    Q_EMIT eventMarked(wire.facing, row);
}

void Connection::restoreImportedClientLeg(const HandshakeRecord &handshake, const ConnectionTimings &timings)
{
    if (!m_clientLeg)
        return;
    m_clientLeg->handshake = handshake;
    m_clientLeg->timings = timings;
    m_clientLeg->counters = ImportedRecord::countersOf(m_clientLeg->events);
}

void Connection::restoreImported(
    const HandshakeRecord &handshake, const ConnectionTimings &timings, State finalState, const RecordedText &status)
{
    // Nothing is left to wait for: open(), close() and the send functions refuse a finished connection.
    adopt(std::make_unique<ImportedRecord>(this));
    m_finished = true;
    m_leg.handshake = handshake;
    m_leg.timings = timings;
    setStatus(status);
    if (m_leg.events.size() > 0)
        m_startedUs = m_leg.events.at(0).timeUs;
    m_leg.counters = ImportedRecord::countersOf(m_leg.events);
    setState(finalState);
    Q_EMIT handshakeUpdated();
    Q_EMIT countersChanged();
}

bool Connection::isImported() const
{
    return m_transport->isReadOnly();
}

void Connection::appendError(ErrorLayer layer, const RecordedText &message)
{
    EventRecord r;
    r.timeUs = wallClockUs();
    r.type = EventType::Error;
    r.sub = quint8(layer);
    m_leg.counters.errors++;
    setStatus(message);
    m_leg.texts.insert(m_leg.events.size(), message);
    appendEvent(r, message.english().toUtf8());
    Q_EMIT countersChanged();
}

void Connection::appendInfo(const RecordedText &message)
{
    EventRecord r;
    r.timeUs = wallClockUs();
    r.type = EventType::Info;
    m_leg.texts.insert(m_leg.events.size(), message);
    appendEvent(r, message.english().toUtf8());
}

QString Connection::rowText(qsizetype eventRow) const
{
    return rowText(m_leg.facing, eventRow);
}

QString Connection::rowText(ConnectionLeg::Facing facing, qsizetype eventRow) const
{
    const ConnectionLeg *l = leg(facing);
    if (!l)
        return {};
    const auto it = l->texts.constFind(eventRow);
    return it != l->texts.cend() ? it->translated() : l->events.payloadText(eventRow);
}

void Connection::open()
{
    if (m_state != State::Idle || !m_outgoing)
        return;
    m_startedUs = wallClockUs();
    setState(State::Connecting);
    const QString problem = m_options.validate();
    if (!problem.isEmpty()) {
        appendError(ErrorLayer::App, RecordedText::captured([this] { return m_options.validate(); }));
        setState(State::Failed);
        m_outgoing->giveUp();
        maybeFinish();
        return;
    }
    m_outgoing->start();
}

CloseExplanation Connection::closeExplanation() const
{
    const SlowTurnLog::Section section("close.explain");
    const bool ended = m_state == State::Closed || m_state == State::Failed;
    return CloseExplainer::explain({ m_leg.events, m_leg.handshake, m_kind != Kind::Incoming, ended });
}

void Connection::explainEnding()
{
    // Why it dropped, in one line: who closed, the codes and their meanings, the time between the Close
    // frames, clean or abnormal, and what to try. A TLS or HTTP failure keeps the words that named it.
    // Made when shown (explainedStatus()), so it is in the language of the moment, and English in files.
    const QString before = statusText();
    m_explainedLanguage.clear();
    m_statusExplained = true;
    if (explainedStatus().isEmpty()) {
        m_statusExplained = false;
        return;
    }
    const QString after = statusText();
    if (after != before)
        Q_EMIT statusTextChanged(after);
}

QString Connection::explainedStatus() const
{
    const QString language = EnglishScope::active() ? QStringLiteral("en") : Translations::effectiveLanguageNow();
    if (language == m_explainedLanguage)
        return m_explainedCache;
    const QString text
        = ConnectionWords::explained(closeExplanation(), m_leg.handshake.encrypted, m_status.translated());
    m_explainedLanguage = language;
    m_explainedCache = text;
    return text;
}

void Connection::maybeFinish()
{
    if (m_finished || !m_transport->recordingDone())
        return;
    m_finished = true;
    if (m_state != State::Failed) {
        // The last Close events tell who closed and how; the status line says it in words.
        const int socketCode = socket() ? int(socket()->closeCode()) : -1;
        setStatus(ConnectionWords::closed(m_leg, m_kind, m_transport->firstCloseDirection(), m_status, socketCode));
        setState(State::Closed);
    }
    explainEnding();
    Q_EMIT countersChanged();
    Q_EMIT finished();
}

bool Connection::sendText(const QString &text)
{
    return m_transport->sendText(text);
}

bool Connection::sendAutomaticText(const QString &text)
{
    return m_transport->sendAutomaticText(text);
}

bool Connection::sendBinary(const QByteArray &data)
{
    return m_transport->sendBinary(data);
}

bool Connection::sendFramed(const QByteArray &payload, bool isText, qint64 frameSize, QString *error)
{
    return m_transport->sendFramed(payload, isText, frameSize, error);
}

bool Connection::isSendingFramed() const
{
    return m_outgoing && m_outgoing->isSendingFramed();
}

bool Connection::sendRawFrame(const RawFrameSpec &spec, QString *error)
{
    return m_transport->sendRawFrame(spec, error);
}

void Connection::setAutoPong(bool enabled)
{
    m_transport->setAutoPong(enabled);
}

bool Connection::autoPong() const
{
    return m_transport->autoPong();
}

bool Connection::ping(const QByteArray &payload)
{
    return m_transport->ping(payload);
}

bool Connection::close(int code, const QString &reason, bool byUser)
{
    return m_transport->close(code, reason, byUser);
}

void Connection::abort(bool byUser)
{
    m_transport->abort(byUser);
}

} // namespace wsi
