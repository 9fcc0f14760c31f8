// TapDecoder: what a tap that decodes its own chunks on the capture thread hands them to.
#pragma once

#include "capture/tapbatch.h"

#include <memory>

namespace wsi {

// Issue 12: decoding the wire where it is read, so that the GUI thread receives rows, not bytes. A tap given a
// decoder (TapHandle::setDecoder) hands it every chunk it records, in wire order, on the capture thread, and each
// batch carries what the decoder made of the chunks since the last one (TapBatch::decoded) instead of the chunks.
// Every call comes on the capture thread.
class TapDecoder
{
public:
    virtual ~TapDecoder() = default;

    virtual void decode(const TapChunk &chunk) = 0;
    // The server side of the stream ended (a body read until close is complete).
    virtual void upstreamEnded(qint64 timeUs) = 0;
    // What was decoded since the last take(); null when nothing was.
    virtual std::shared_ptr<const TapDecoded> take() = 0;
};

} // namespace wsi
