// ProxiedTransport: a reverse proxy's client, recorded on its client leg and its server leg.
#include "connection/proxiedtransport.h"

#include "connection/connection.h"
#include "connection/connectionlegwriter.h"
#include "connection/decodedbatch.h"
#include "connection/interceptiontls.h"
#include "connection/wirerecorder.h"
#include "store/wallclock.h"
#include "tls/tlsreport.h"

namespace wsi {

ProxiedTransport::ProxiedTransport(Connection *connection)
    : ConnectionTransport(connection)
    , m_clientRecorder(
          std::make_unique<WireRecorder>(connection, connection->m_clientLeg.get(), WireRecorder::Perspective::Server))
    , m_serverRecorder(
          std::make_unique<WireRecorder>(connection, &connection->m_leg, WireRecorder::Perspective::Client))
    , m_clientRows(std::make_unique<ConnectionLegWriter>(connection, connection->m_clientLeg.get(),
          [connection](const RecordedText &text) { connection->setStatus(text); }))
    , m_serverRows(std::make_unique<ConnectionLegWriter>(
          connection, &connection->m_leg, [connection](const RecordedText &text) { connection->setStatus(text); }))
    , m_receivedFromClient(&connection->m_clientLeg->events)
    , m_receivedFromServer(&connection->m_leg.events)
{ }

ProxiedTransport::~ProxiedTransport() = default;

ConnectionLeg &ProxiedTransport::legFacing(ConnectionLeg::Facing facing)
{
    return facing == ConnectionLeg::Facing::Client ? *m_connection->m_clientLeg : m_connection->m_leg;
}

void ProxiedTransport::recordLeg(
    ConnectionLeg::Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes)
{
    if (m_wireClosed)
        return;
    WireRecorder &recorder = facing == ConnectionLeg::Facing::Client ? *m_clientRecorder : *m_serverRecorder;
    const qsizetype before = legFacing(facing).events.size();
    recorder.record(direction, timeUs, bytes);
    m_bytesDecodedHere += quint64(bytes.size());
    if (m_keepUnsettled && direction == Direction::Incoming) {
        ConnectionLeg &leg = legFacing(facing);
        unsettledFrom(facing).track(leg.events, direction, before, leg.counters.messagesIn);
    }
    if (!m_pendingMarks.empty())
        applyPendingMarks();
    emitAppended();
}

void ProxiedTransport::applyDecoded(
    ConnectionLeg::Facing facing, const DecodedBatch &batch, DecodedPart &applied, const DecodedPart &upTo)
{
    if (m_wireClosed)
        return;
    m_decodedElsewhere = true;
    ++m_decodedPartsApplied;
    ConnectionLeg &leg = legFacing(facing);
    const qsizetype before = leg.events.size();
    (facing == ConnectionLeg::Facing::Client ? *m_clientRows : *m_serverRows).applyPart(batch, applied, upTo);
    if (facing == ConnectionLeg::Facing::Server)
        m_serverLegState = batch.state;
    // The part may hold Outgoing rows too (what the proxy wrote on this leg): the walk back counts Incoming ones only.
    if (m_keepUnsettled)
        unsettledFrom(facing).track(leg.events, Direction::Incoming, before, leg.counters.messagesIn);
    if (!m_pendingMarks.empty())
        applyPendingMarks();
    emitAppended();
}

void ProxiedTransport::setDecodedOnceElsewhere(quint64 clientLeg, quint64 serverLeg)
{
    m_decodedOnceElsewhere[0] = clientLeg;
    m_decodedOnceElsewhere[1] = serverLeg;
}

qint64 ProxiedTransport::nowUs() const
{
    return m_stepTimeUs >= 0 ? m_stepTimeUs : wallClockUs();
}

void ProxiedTransport::startedAt(qint64 timeUs)
{
    m_connection->m_startedUs = timeUs;
}

void ProxiedTransport::decodeForwardedOnce()
{
    m_decodeOnce = true;
    m_clientRecorder->listReceivedMessages(&m_receivedFromClient);
    m_serverRecorder->listReceivedMessages(&m_receivedFromServer);
}

void ProxiedTransport::recordForwarded(
    ConnectionLeg::Facing facing, qint64 timeUs, const QByteArray &bytes, quint64 streamOffset)
{
    if (!m_decodeOnce) {
        recordLeg(facing, Direction::Outgoing, timeUs, bytes);
        return;
    }
    if (m_wireClosed)
        return;
    const bool toServer = facing == ConnectionLeg::Facing::Server;
    WireRecorder &recorder = toServer ? *m_serverRecorder : *m_clientRecorder;
    recorder.recordForwarded(timeUs, bytes, streamOffset, toServer ? m_receivedFromClient : m_receivedFromServer);
    m_bytesDecodedHere += quint64(bytes.size());
    if (!m_pendingMarks.empty())
        applyPendingMarks();
    emitAppended();
}

quint64 ProxiedTransport::messagesDecodedOnce(ConnectionLeg::Facing facing) const
{
    const bool client = facing == ConnectionLeg::Facing::Client;
    return (client ? m_clientRecorder : m_serverRecorder)->messagesDecodedOnce()
        + m_decodedOnceElsewhere[client ? 0 : 1];
}

void ProxiedTransport::emitAppended()
{
    if (m_batchDepth > 0) {
        m_appendedInBatch = true;
        return;
    }
    Q_EMIT m_connection->eventsAppended();
    Q_EMIT m_connection->countersChanged();
}

void ProxiedTransport::endBatch()
{
    if (m_batchDepth > 0 && --m_batchDepth == 0 && m_appendedInBatch) {
        m_appendedInBatch = false;
        emitAppended();
    }
}

void ProxiedTransport::markMessage(
    ConnectionLeg::Facing facing, Direction direction, quint64 ordinal, const ProxyMark &mark)
{
    if (!applyMark(facing, direction, ordinal, mark))
        m_pendingMarks.push_back({ facing, direction, ordinal, mark });
}

void ProxiedTransport::keepUnsettledMessages()
{
    if (m_keepUnsettled)
        return;
    m_keepUnsettled = true;
    // What was recorded before the relay started (messages in the chunk that carried the 101) is unsettled too.
    for (ConnectionLeg::Facing facing : { ConnectionLeg::Facing::Client, ConnectionLeg::Facing::Server }) {
        ConnectionLeg &leg = legFacing(facing);
        unsettledFrom(facing).track(leg.events, Direction::Incoming, 0, leg.counters.messagesIn);
    }
}

void ProxiedTransport::settleMessages(ConnectionLeg::Facing facing, quint64 count)
{
    unsettledFrom(facing).settle(legFacing(facing).events, count);
}

void ProxiedTransport::observeMarks(QObject *receiver, MarkObserver observer)
{
    m_markObservers.emplace_back(receiver, std::move(observer));
}

bool ProxiedTransport::applyMark(
    ConnectionLeg::Facing facing, Direction direction, quint64 ordinal, const ProxyMark &mark)
{
    ConnectionLeg &leg = legFacing(facing);
    const quint64 recorded = direction == Direction::Incoming ? leg.counters.messagesIn : leg.counters.messagesOut;
    if (ordinal == 0 || ordinal > recorded)
        return false;
    const qsizetype unsettled = direction == Direction::Incoming ? unsettledFrom(facing).rowOf(ordinal) : -1;
    if (unsettled >= 0) {
        markRow(facing, unsettled, ordinal, mark);
        return true;
    }
    // The row is among the last ones: walk back over the messages of that direction recorded after it.
    quint64 after = recorded - ordinal;
    for (qsizetype row = leg.events.size() - 1; row >= 0; --row) {
        const EventRecord r = leg.events.at(row);
        if (r.type != EventType::Message || r.dir != direction)
            continue;
        if (after == 0) {
            markRow(facing, row, ordinal, mark);
            return true;
        }
        --after;
    }
    return true; // the row is gone (released): nothing left to mark
}

void ProxiedTransport::markRow(ConnectionLeg::Facing facing, qsizetype row, quint64 ordinal, const ProxyMark &mark)
{
    m_connection->markEvent(facing, row, mark);
    for (const auto &[receiver, observer] : m_markObservers) {
        if (receiver)
            observer(facing, row, ordinal);
    }
}

void ProxiedTransport::applyPendingMarks()
{
    std::vector<PendingMark> still;
    for (const PendingMark &p : m_pendingMarks) {
        if (!applyMark(p.facing, p.direction, p.ordinal, p.mark))
            still.push_back(p);
    }
    m_pendingMarks.swap(still);
}

void ProxiedTransport::upstreamConnected(qint64 dnsUs, qint64 tcpUs, qint64 tlsUs)
{
    ConnectionTimings &timings = m_connection->m_leg.timings;
    timings.dnsUs = dnsUs;
    timings.tcpUs = tcpUs;
    if (tlsUs >= 0)
        timings.tlsUs = tlsUs;
}

void ProxiedTransport::upstreamTls(const TlsReport &report)
{
    HandshakeRecord &handshake = m_connection->m_leg.handshake;
    handshake.tls = report;
    handshake.tlsKnown = true;
    const RecordedText summary = InterceptionTls::summary(report);
    EventRecord r;
    r.timeUs = nowUs();
    r.type = EventType::Tls;
    m_connection->m_leg.texts.insert(m_connection->m_leg.events.size(), summary);
    m_connection->m_leg.events.append(r, summary.english().toUtf8());
    Q_EMIT m_connection->handshakeUpdated();
    Q_EMIT m_connection->eventsAppended();
}

void ProxiedTransport::appendRow(ConnectionLeg &leg, EventType type, ErrorLayer layer, const RecordedText &message)
{
    EventRecord r;
    r.timeUs = nowUs();
    r.type = type;
    if (type == EventType::Error) {
        r.sub = quint8(layer);
        leg.counters.errors++;
    }
    leg.texts.insert(leg.events.size(), message);
    leg.events.append(r, message.english().toUtf8());
    emitAppended();
}

void ProxiedTransport::upstreamFailed(ErrorLayer layer, const RecordedText &message)
{
    appendRow(m_connection->m_leg, EventType::Error, layer, message);
    m_connection->setStatus(message);
}

void ProxiedTransport::clientFailed(ErrorLayer layer, const RecordedText &message)
{
    appendRow(*m_connection->m_clientLeg, EventType::Error, layer, message);
    m_connection->setStatus(message);
}

void ProxiedTransport::note(ConnectionLeg::Facing facing, const RecordedText &message)
{
    appendRow(legFacing(facing), EventType::Info, ErrorLayer::None, message);
}

void ProxiedTransport::opened()
{
    const qint64 total = nowUs() - m_connection->startedUs();
    m_connection->m_leg.timings.totalUs = total;
    m_connection->m_clientLeg->timings.totalUs = total;
    m_connection->setState(Connection::State::Open);
    Q_EMIT m_connection->handshakeUpdated();
}

void ProxiedTransport::wireClosed()
{
    if (m_wireClosed)
        return;
    const qint64 now = nowUs();
    m_clientRecorder->upstreamEnded(now);
    m_serverRecorder->upstreamEnded(now);
    Q_EMIT m_connection->eventsAppended();
    m_wireClosed = true;
    if (m_connection->state() == Connection::State::Connecting) {
        if (m_connection->statusText().isEmpty())
            m_connection->setStatus(RecordedText("wsi::Connection",
                QT_TRANSLATE_NOOP("wsi::Connection", "The client left before the WebSocket opened.")));
        m_connection->setState(Connection::State::Failed);
    } else if (m_connection->state() == Connection::State::Open) {
        m_connection->setState(Connection::State::Closing);
    }
    m_connection->maybeFinish();
}

int ProxiedTransport::firstCloseDirection() const
{
    return m_decodedElsewhere ? m_serverLegState.firstCloseDirection : m_serverRecorder->firstCloseDirection();
}

bool ProxiedTransport::sendText(const QString &text)
{
    Q_UNUSED(text)
    return false; // injection into a leg comes with breakpoints
}

bool ProxiedTransport::sendBinary(const QByteArray &data)
{
    Q_UNUSED(data)
    return false;
}

bool ProxiedTransport::ping(const QByteArray &payload)
{
    Q_UNUSED(payload)
    return false;
}

bool ProxiedTransport::close(int code, const QString &reason, bool byUser)
{
    Q_UNUSED(code)
    Q_UNUSED(reason)
    Q_UNUSED(byUser)
    return false;
}

void ProxiedTransport::abort(bool byUser)
{
    m_connection->noteClosedByUser(byUser);
    if (m_abort && !m_wireClosed)
        m_abort();
}

} // namespace wsi
