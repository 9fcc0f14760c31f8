// TapRecorder: an outgoing connection's WireRecorder on the capture thread, beside its tap.
#pragma once

#include "capture/tapdecoder.h"
#include "connection/wirerecorder.h"

#include <memory>

namespace wsi {

class AutomaticMarks;
class BatchLegWriter;
class RowBatchPool;

// Issue 12: the tap of an outgoing connection (not proxied) decodes what it reads where it reads it, so that the GUI
// thread receives rows in the store's own format (DecodedBatch, applied by ConnectionLegWriter::apply) instead of
// bytes to decode. Owned by the tap; every call comes on the capture thread. Each batch carries the recorder's state
// after its last row (RecorderState): what the transport and its injector ask the recorder.
class TapRecorder : public TapDecoder
{
public:
    // wireEncrypted: wss without interception (the leg's handshake says so before the first byte). marks: the app's
    // own messages, which the GUI thread marks before writing them (read before each chunk is decoded).
    TapRecorder(bool wireEncrypted, std::shared_ptr<AutomaticMarks> marks);
    ~TapRecorder() override;

    void decode(const TapChunk &chunk) override;
    void upstreamEnded(qint64 timeUs) override { m_recorder.upstreamEnded(timeUs); }
    std::shared_ptr<const TapDecoded> take() override;

private:
    BatchLegWriter *m_rows; // owned by m_recorder
    WireRecorder m_recorder;
    std::shared_ptr<AutomaticMarks> m_marks;
    // Where the GUI thread gives a batch's memory back once it applied it (see RowBatchPool).
    std::shared_ptr<RowBatchPool> m_pool;
};

} // namespace wsi
