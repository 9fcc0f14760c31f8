// ProxiedRecording: what a ProxiedClient records, straight into its Connection or gathered for the GUI thread.
#include "proxy/proxiedrecording.h"

#include "connection/connection.h"
#include "connection/proxiedtransport.h"
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
{
    m_batch.client = client;
    m_batch.peer = peer;
    m_batch.acceptedUs = acceptedUs;
}

void ProxiedRecording::run(std::function<void(ProxiedTransport &)> call, bool urgent)
{
    if (!m_batched) {
        if (ProxiedTransport *t = m_connection ? m_connection->proxied() : nullptr)
            call(*t);
        return;
    }
    add(ProxiedStep::call(wallClockUs(), std::move(call)), 0, urgent);
}

void ProxiedRecording::add(ProxiedStep &&step, qint64 wireBytes, bool urgent)
{
    if (step.kind == ProxiedStep::Kind::Leg && step.direction == Direction::Incoming)
        m_readBytes += wireBytes;
    m_batch.steps.push_back(std::move(step));
    m_batch.wireBytes += wireBytes;
    m_recorded += wireBytes;
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
    add(ProxiedStep::leg(facing, direction, timeUs, bytes, 0, bytes.size()), bytes.size(), false);
}

void ProxiedRecording::recordLeg(
    Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes, qsizetype from, qsizetype size)
{
    if (!m_batched) {
        if (ProxiedTransport *t = m_connection ? m_connection->proxied() : nullptr)
            t->recordLeg(facing, direction, timeUs, QByteArray::fromRawData(bytes.constData() + from, size));
        return;
    }
    add(ProxiedStep::leg(facing, direction, timeUs, bytes, from, size), size, false);
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
    add(ProxiedStep::forwarded(facing, timeUs, bytes, streamOffset), bytes.size(), false);
}

void ProxiedRecording::decodeForwardedOnce()
{
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
    add(ProxiedStep::forRules(std::move(call)), 0, true);
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
    run([](ProxiedTransport &t) { t.wireClosed(); }, true);
}

} // namespace wsi
