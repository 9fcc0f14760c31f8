// wholeFrameAt: where the whole frame at the front of some bytes ends, for code that cuts a stream into frames.
#pragma once

#include "protocol/frameheader.h"

#include <QByteArrayView>

namespace wsi {

// The length of the whole frame at the front of bytes (its header in *header), or 0 while it is not complete.
// Shared by the reverse proxy's relay (RelayedFrames) and the recorder of a forwarded stream (WireRecorder).
qsizetype wholeFrameAt(QByteArrayView bytes, FrameHeader *header);

} // namespace wsi
