// FrameBoundaryScanner: cuts a WebSocket byte stream into whole frames by their headers alone (sans-IO).
#pragma once

#include "protocol/frameheader.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wsi {

// Buffers one direction of a stream and hands back whole frames, header and payload as they were on the
// wire: nothing is validated or unmasked. A relay uses it to pass frames on one at a time, so that it can
// hold one back (a ping, with auto-pong off) without cutting a frame in two; FrameDecoder reads headers
// with the same frameHeaderSize()/readFrameHeader().
class FrameBoundaryScanner
{
public:
    void append(QByteArrayView bytes);

    // Cuts the next whole frame off the front: false while it is not complete yet. frame views the buffered
    // bytes and stays valid until the next append() or takeBuffered().
    bool nextFrame(FrameHeader *header, QByteArrayView *frame);

    // Bytes buffered and not yet cut (the start of an unfinished frame).
    bool isEmpty() const { return m_buffer.size() == m_start; }
    qsizetype bufferedSize() const { return m_buffer.size() - m_start; }
    // Hands over what is buffered as it is and starts empty.
    QByteArray takeBuffered();

private:
    QByteArray m_buffer;
    qsizetype m_start = 0; // where the bytes not yet cut begin; the cut frames before it go on the next append
};

} // namespace wsi
