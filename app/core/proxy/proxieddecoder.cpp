// ProxiedDecoder: a reverse proxy client's two legs decoded on the proxy thread, into a DecodedBatch each.
#include "proxy/proxieddecoder.h"

#include "connection/batchlegwriter.h"
#include "connection/wirerecorder.h"
#include "store/rowbatchpool.h"

#include <cstring>

namespace wsi {

namespace {

// The writer is made before its recorder, which owns it. TLS is terminated before the proxy records.
std::unique_ptr<WireRecorder> legRecorder(
    WireRecorder::Perspective perspective, BatchLegWriter **made, const std::shared_ptr<RowBatchPool> &pool)
{
    auto writer = std::make_unique<BatchLegWriter>(false, [pool] { return pool->take(); });
    writer->keyRows();
    *made = writer.get();
    auto recorder = std::make_unique<WireRecorder>(std::move(writer), perspective);
    recorder->setProxiedLeg();
    return recorder;
}

bool sameCounters(const ConnectionLeg::Counters &a, const ConnectionLeg::Counters &b)
{
    return std::memcmp(&a, &b, sizeof(ConnectionLeg::Counters)) == 0;
}

} // namespace

ProxiedDecoder::ProxiedDecoder()
    : m_pool(std::make_shared<RowBatchPool>())
{
    m_client.recorder = legRecorder(WireRecorder::Perspective::Server, &m_client.rows, m_pool);
    m_server.recorder = legRecorder(WireRecorder::Perspective::Client, &m_server.rows, m_pool);
    m_fromClient = std::make_unique<ReceivedMessages>(m_client.rows);
    m_fromServer = std::make_unique<ReceivedMessages>(m_server.rows);
}

ProxiedDecoder::~ProxiedDecoder() = default;

void ProxiedDecoder::record(Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes)
{
    if (!m_closed)
        leg(facing).recorder->record(direction, timeUs, bytes);
}

void ProxiedDecoder::recordForwarded(Facing facing, qint64 timeUs, const QByteArray &bytes, quint64 streamOffset)
{
    if (!m_decodeOnce) {
        record(facing, Direction::Outgoing, timeUs, bytes);
        return;
    }
    if (m_closed)
        return;
    const bool toServer = facing == Facing::Server;
    leg(facing).recorder->recordForwarded(timeUs, bytes, streamOffset, toServer ? *m_fromClient : *m_fromServer);
}

void ProxiedDecoder::decodeForwardedOnce()
{
    m_decodeOnce = true;
    m_client.recorder->listReceivedMessages(m_fromClient.get());
    m_server.recorder->listReceivedMessages(m_fromServer.get());
}

void ProxiedDecoder::wireClosed(qint64 timeUs)
{
    if (m_closed)
        return;
    m_client.recorder->upstreamEnded(timeUs);
    m_server.recorder->upstreamEnded(timeUs);
    m_closed = true;
}

bool ProxiedDecoder::progressed(Facing facing, DecodedPart *upTo)
{
    Leg &l = leg(facing);
    const DecodedPart now = l.rows->part();
    if (now.records == l.reported.records && now.changes == l.reported.changes
        && sameCounters(now.counters, l.reported.counters))
        return false;
    l.reported = now;
    *upTo = now;
    return true;
}

std::shared_ptr<const DecodedBatch> ProxiedDecoder::take(Facing facing)
{
    Leg &l = leg(facing);
    l.reported = {};
    if (!l.rows->hasWrites())
        return {};
    // Freed where it was applied (the GUI thread): its rows' memory comes back for a later batch.
    std::shared_ptr<DecodedBatch> batch(new DecodedBatch(l.rows->take()), [pool = m_pool](DecodedBatch *applied) {
        pool->giveBack(std::move(applied->rows));
        delete applied;
    });
    batch->state = l.recorder->state();
    return batch;
}

quint64 ProxiedDecoder::messagesDecodedOnce(Facing facing) const
{
    return (facing == Facing::Client ? m_client : m_server).recorder->messagesDecodedOnce();
}

} // namespace wsi
