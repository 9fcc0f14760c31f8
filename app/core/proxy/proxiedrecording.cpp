// ProxiedRecording: what a ProxiedClient records, straight into its Connection or gathered for the GUI thread.
#include "proxy/proxiedrecording.h"

#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "proxy/proxieddecoder.h"
#include "store/diskbacklog.h"
#include "store/wallclock.h"
#include "tls/tlsreport.h"

#include <utility>

namespace wsi {

ProxiedRecording::ProxiedRecording(Connection *connection)
    : m_connection(connection)
{ }

ProxiedRecording::ProxiedRecording(
    quint64 client, const QString &peer, qint64 acceptedUs, std::function<void()> handOver)
    : m_batched(true)
    , m_handOver(std::move(handOver))
    , m_decoder(std::make_unique<ProxiedDecoder>())
{
    m_batch.client = client;
    m_batch.peer = peer;
    m_batch.acceptedUs = acceptedUs;
}

ProxiedRecording::~ProxiedRecording() = default;

void ProxiedRecording::run(std::function<void(ProxiedTransport &)> call, bool urgent)
{
    if (!m_batched) {
        if (ProxiedTransport *t = m_connection ? m_connection->proxied() : nullptr)
            call(*t);
        return;
    }
    add(ProxiedStep::call(wallClockUs(), std::move(call)), urgent);
}

void ProxiedRecording::add(ProxiedStep &&step, bool urgent)
{
    m_batch.steps.push_back(std::move(step));
    handOverIfDue(urgent);
}

void ProxiedRecording::addDecoded(Facing facing, Direction direction, qint64 wireBytes)
{
    DecodedPart upTo;
    if (m_decoder->progressed(facing, &upTo)) {
        ProxiedStep *last = m_batch.steps.empty() ? nullptr : &m_batch.steps.back();
        if (last && last->kind == ProxiedStep::Kind::Rows && last->facing == facing)
            last->upTo = upTo;
        else
            m_batch.steps.push_back(ProxiedStep::rows(facing, upTo));
    }
    if (direction == Direction::Incoming)
        m_readBytes += wireBytes;
    m_batch.wireBytes += wireBytes;
    m_recorded += wireBytes;
    handOverIfDue(false);
}

void ProxiedRecording::handOverIfDue(bool urgent)
{
    // Until the 101 went through every step is urgent: the opening's rows and timings come from the recorded head.
    m_urgent = m_urgent || urgent || !m_open || m_readBytes >= kBatchBytes;
    if (m_urgent && m_depth == 0)
        m_handOver();
}

ProxiedBatch ProxiedRecording::take(bool last)
{
    ProxiedBatch batch;
    batch.client = m_batch.client;
    batch.peer = m_batch.peer;
    batch.acceptedUs = m_batch.acceptedUs;
    std::swap(batch.steps, m_batch.steps);
    // A flood's next batch is about as long: no regrowing step by step (bounded: an idle client keeps little).
    m_batch.steps.reserve(qMin(batch.steps.size(), size_t(256)));
    if (m_decoder) { // batched
        batch.clientRows = m_decoder->take(Facing::Client);
        batch.serverRows = m_decoder->take(Facing::Server);
        batch.clientDecodedOnce = m_decoder->messagesDecodedOnce(Facing::Client);
        batch.serverDecodedOnce = m_decoder->messagesDecodedOnce(Facing::Server);
    }
    batch.wireBytes = std::exchange(m_batch.wireBytes, 0);
    batch.acknowledged = m_acknowledged;
    m_readBytes = 0;
    batch.first = !std::exchange(m_firstTaken, true);
    batch.last = last;
    m_urgent = false;
    return batch;
}

bool ProxiedRecording::heldBack() const
{
    if (!m_batched)
        return false;
    if (unacknowledged() >= kMaxHeldBytes) {
        m_acknowledged->waiting.store(true); // then looked at again: an acknowledgement in between is not missed
        if (unacknowledged() >= kMaxHeldBytes)
            return true;
    }
    return DiskBacklog::instance().isBehind();
}

void ProxiedRecording::beginBatch()
{
    if (m_batched)
        ++m_depth;
    else if (ProxiedTransport *t = m_connection ? m_connection->proxied() : nullptr)
        t->beginBatch();
}

void ProxiedRecording::endBatch()
{
    if (!m_batched) {
        if (ProxiedTransport *t = m_connection ? m_connection->proxied() : nullptr)
            t->endBatch();
        return;
    }
    if (m_depth > 0 && --m_depth == 0 && m_urgent)
        m_handOver();
}

void ProxiedRecording::recordLeg(Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes)
{
    if (!m_batched) { // the hot path of a proxy with rules: no step object per read
        if (ProxiedTransport *t = m_connection ? m_connection->proxied() : nullptr)
            t->recordLeg(facing, direction, timeUs, bytes);
        return;
    }
    m_decoder->record(facing, direction, timeUs, bytes);
    addDecoded(facing, direction, bytes.size());
}

void ProxiedRecording::recordLeg(
    Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes, qsizetype from, qsizetype size)
{
    if (!m_batched) {
        if (ProxiedTransport *t = m_connection ? m_connection->proxied() : nullptr)
            t->recordLeg(facing, direction, timeUs, QByteArray::fromRawData(bytes.constData() + from, size));
        return;
    }
    // A view of the piece, not a copy: the recorder decodes what it is given and keeps copies only
    // (WireRecorder::record reads it through a QByteArrayView).
    m_decoder->record(facing, direction, timeUs, QByteArray::fromRawData(bytes.constData() + from, size));
    addDecoded(facing, direction, size);
}

qint64 ProxiedRecording::recordRead(Facing facing, const QByteArray &bytes, bool cut)
{
    const qint64 timeUs = wallClockUs();
    if (m_batched && cut)
        return timeUs;
    recordLeg(facing, Direction::Incoming, timeUs, bytes);
    return -1;
}

void ProxiedRecording::recordRead(Facing facing, qint64 timeUs, const RelayedFrames::Pieces &pieces)
{
    for (const RelayedFrames::Piece &piece : pieces)
        recordLeg(facing, Direction::Incoming, timeUs, piece.buffer, piece.from, piece.size);
}

void ProxiedRecording::recordForwarded(Facing facing, qint64 timeUs, const QByteArray &bytes, quint64 streamOffset)
{
    if (!m_batched) {
        if (ProxiedTransport *t = m_connection ? m_connection->proxied() : nullptr)
            t->recordForwarded(facing, timeUs, bytes, streamOffset);
        return;
    }
    m_decoder->recordForwarded(facing, timeUs, bytes, streamOffset);
    addDecoded(facing, Direction::Outgoing, bytes.size());
}

void ProxiedRecording::decodeForwardedOnce()
{
    if (m_batched)
        m_decoder->decodeForwardedOnce();
    else
        run([](ProxiedTransport &t) { t.decodeForwardedOnce(); }, false);
}

void ProxiedRecording::upstreamConnected(qint64 dnsUs, qint64 tcpUs, qint64 tlsUs)
{
    run([=](ProxiedTransport &t) { t.upstreamConnected(dnsUs, tcpUs, tlsUs); }, false);
}

void ProxiedRecording::upstreamTls(const TlsReport &report)
{
    run([report](ProxiedTransport &t) { t.upstreamTls(report); }, false);
}

void ProxiedRecording::upstreamFailed(ErrorLayer layer, const RecordedText &message)
{
    run([=](ProxiedTransport &t) { t.upstreamFailed(layer, message); }, true);
}

void ProxiedRecording::clientFailed(ErrorLayer layer, const RecordedText &message)
{
    run([=](ProxiedTransport &t) { t.clientFailed(layer, message); }, true);
}

void ProxiedRecording::note(Facing facing, const RecordedText &message)
{
    run([=](ProxiedTransport &t) { t.note(facing, message); }, true);
}

void ProxiedRecording::opened()
{
    run([](ProxiedTransport &t) { t.opened(); }, true);
    m_open = true;
}

void ProxiedRecording::markMessage(Facing facing, Direction direction, quint64 ordinal, const ProxyMark &mark)
{
    run([=](ProxiedTransport &t) { t.markMessage(facing, direction, ordinal, mark); }, false);
}

void ProxiedRecording::keepUnsettledMessages()
{
    run([](ProxiedTransport &t) { t.keepUnsettledMessages(); }, false);
}

void ProxiedRecording::settleMessages(Facing facing, quint64 count)
{
    run([=](ProxiedTransport &t) { t.settleMessages(facing, count); }, false);
}

void ProxiedRecording::forRules(std::function<void(Connection *)> call)
{
    if (!m_batched) {
        call(m_connection.data());
        return;
    }
    add(ProxiedStep::forRules(std::move(call)), true);
}

void ProxiedRecording::handOverNow()
{
    if (!m_batched || m_batch.steps.empty())
        return;
    m_urgent = true;
    if (m_depth == 0)
        m_handOver();
}

void ProxiedRecording::wireClosed()
{
    if (m_batched) {
        // What waited for the end (a body read until close) is decoded here, before the end's step.
        const qint64 now = wallClockUs();
        m_decoder->wireClosed(now);
        addDecoded(Facing::Client, Direction::Incoming, 0);
        addDecoded(Facing::Server, Direction::Incoming, 0);
        add(ProxiedStep::call(now, [](ProxiedTransport &t) { t.wireClosed(); }), true);
        return;
    }
    run([](ProxiedTransport &t) { t.wireClosed(); }, true);
}

} // namespace wsi
