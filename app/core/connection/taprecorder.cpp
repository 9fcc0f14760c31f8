// TapRecorder: an outgoing connection's WireRecorder on the capture thread, beside its tap.
#include "connection/taprecorder.h"

#include "connection/automaticmarks.h"
#include "connection/batchlegwriter.h"
#include "store/rowbatchpool.h"

namespace wsi {

namespace {

// Made before the recorder, which owns it, so the recorder can be a member.
std::unique_ptr<LegWriter> batchWriter(bool wireEncrypted, BatchLegWriter **made)
{
    auto writer = std::make_unique<BatchLegWriter>(wireEncrypted);
    *made = writer.get();
    return writer;
}

} // namespace

TapRecorder::TapRecorder(bool wireEncrypted, std::shared_ptr<AutomaticMarks> marks)
    : m_rows(nullptr)
    , m_recorder(batchWriter(wireEncrypted, &m_rows), WireRecorder::Perspective::Client)
    , m_marks(std::move(marks))
    , m_pool(std::make_shared<RowBatchPool>())
{ }

TapRecorder::~TapRecorder() = default;

void TapRecorder::decode(const TapChunk &chunk)
{
    for (const quint64 ordinal : m_marks->take())
        m_recorder.markAutomatic(ordinal);
    if (chunk.injected)
        m_recorder.recordInjected(chunk.timeUs, chunk.bytes);
    else
        m_recorder.record(chunk.direction, chunk.timeUs, chunk.bytes);
}

std::shared_ptr<const TapDecoded> TapRecorder::take()
{
    if (!m_rows->hasWrites())
        return {};
    // Freed where it was applied: its rows' memory comes back for a later batch.
    std::shared_ptr<DecodedBatch> batch(
        new DecodedBatch(m_rows->take(m_pool->take())), [pool = m_pool](DecodedBatch *applied) {
            pool->giveBack(std::move(applied->rows));
            delete applied;
        });
    batch->state = m_recorder.state();
    return batch;
}

} // namespace wsi
