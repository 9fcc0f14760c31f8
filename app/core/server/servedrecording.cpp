// ServedRecording: one client's WireRecorder on the server thread, gathering ServedBatches for the GUI thread.
#include "server/servedrecording.h"

#include "connection/batchlegwriter.h"
#include "store/rowbatchpool.h"

#include <utility>

namespace wsi {

namespace {

// One pool for every served client: with a pool each, every idle client kept the memory of its applied batches
// (10,000 idle clients took 36.4 KB each in RSS, 23 KB before the server thread). The pool keeps at most kKept
// batches and is locked, so the clients and the GUI thread can share it.
std::shared_ptr<RowBatchPool> servedBatchPool()
{
    static const std::shared_ptr<RowBatchPool> pool = std::make_shared<RowBatchPool>();
    return pool;
}

// Made before the recorder, which owns it, so the recorder can be a member. A batch takes its room from the pool at
// its first row, not when the last one leaves: an idle client holds none (it held a given-back batch's, ~8 KB each).
std::unique_ptr<LegWriter> batchWriter(BatchLegWriter **made, const std::shared_ptr<RowBatchPool> &pool)
{
    // TLS is terminated before the relay records.
    auto writer = std::make_unique<BatchLegWriter>(false, [pool] { return pool->take(); });
    *made = writer.get();
    return writer;
}

} // namespace

ServedRecording::ServedRecording(quint64 client, const QString &peer, qint64 acceptedUs)
    : m_rows(nullptr)
    , m_recorder(batchWriter(&m_rows, servedBatchPool()), WireRecorder::Perspective::Server)
    , m_pool(servedBatchPool())
{
    m_next.client = client;
    m_next.peer = peer;
    m_next.acceptedUs = acceptedUs;
}

ServedRecording::~ServedRecording() = default;

void ServedRecording::record(Direction direction, qint64 timeUs, const QByteArray &bytes)
{
    m_next.wireBytes += bytes.size();
    m_recorder.record(direction, timeUs, bytes);
}

void ServedRecording::finished(qint64 timeUs)
{
    if (isFinished())
        return;
    m_recorder.upstreamEnded(timeUs);
    m_next.finished = true;
}

bool ServedRecording::hasNews() const
{
    // Bytes without rows yet (a large message under way) go too: their acknowledgement is what lets the relay read on.
    return !m_arrivalSent || m_next.wireBytes > 0 || m_rows->hasWrites() || m_next.openedUs >= 0 || m_next.closing
        || m_next.diverted || m_next.finished;
}

ServedBatch ServedRecording::take()
{
    ServedBatch batch = m_next;
    m_next.wireBytes = 0;
    m_next.openedUs = -1;
    m_next.closing = m_next.diverted = m_next.finished = false;
    m_arrivalSent = true;
    m_finishedSent = m_finishedSent || batch.finished;
    if (m_rows->hasWrites()) {
        // Freed where it was applied: its rows' memory comes back for a later batch.
        std::shared_ptr<DecodedBatch> decoded(new DecodedBatch(m_rows->take()), [pool = m_pool](DecodedBatch *applied) {
            pool->giveBack(std::move(applied->rows));
            delete applied;
        });
        decoded->state = m_recorder.state();
        batch.decoded = std::move(decoded);
    }
    return batch;
}

qsizetype ServedRecording::roomBytes() const
{
    return m_rows->roomBytes();
}

} // namespace wsi
