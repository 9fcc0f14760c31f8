// TapRecorder: an outgoing connection's WireRecorder on the capture thread, beside its tap.
#include "connection/taprecorder.h"

#include "connection/batchlegwriter.h"

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

TapRecorder::TapRecorder(bool wireEncrypted)
    : m_rows(nullptr)
    , m_recorder(batchWriter(wireEncrypted, &m_rows), WireRecorder::Perspective::Client)
{ }

TapRecorder::~TapRecorder() = default;

void TapRecorder::decode(const TapChunk &chunk)
{
    if (chunk.injected)
        m_recorder.recordInjected(chunk.timeUs, chunk.bytes);
    else
        m_recorder.record(chunk.direction, chunk.timeUs, chunk.bytes);
}

std::shared_ptr<const TapDecoded> TapRecorder::take()
{
    if (!m_rows->hasWrites())
        return {};
    auto batch = std::make_shared<DecodedBatch>(m_rows->take());
    batch->state = m_recorder.state();
    return batch;
}

} // namespace wsi
