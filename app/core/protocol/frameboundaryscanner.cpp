// FrameBoundaryScanner: cuts a WebSocket byte stream into whole frames by their headers alone (sans-IO).
#include "protocol/frameboundaryscanner.h"

#include <utility>

namespace wsi {

void FrameBoundaryScanner::append(QByteArrayView bytes)
{
    // Frames already handed out are dropped only now, so that the views nextFrame() gave stay valid.
    if (m_start > 0) {
        m_buffer.remove(0, m_start);
        m_start = 0;
    }
    m_buffer.append(bytes);
}

bool FrameBoundaryScanner::nextFrame(FrameHeader *header, QByteArrayView *frame)
{
    const qsizetype available = m_buffer.size() - m_start;
    if (available < 2)
        return false;
    const auto *b = reinterpret_cast<const unsigned char *>(m_buffer.constData() + m_start);
    const qsizetype headerSize = frameHeaderSize(b[1]);
    if (available < headerSize)
        return false;
    FrameHeader h;
    readFrameHeader(b, h);
    // Compared without adding, so that a 64-bit length near 2^64 cannot wrap around to a small total.
    if (h.payloadLength > quint64(available - headerSize))
        return false;
    const qsizetype total = headerSize + qsizetype(h.payloadLength);
    *header = h;
    *frame = QByteArrayView(m_buffer.constData() + m_start, total);
    m_start += total;
    return true;
}

QByteArray FrameBoundaryScanner::takeBuffered()
{
    QByteArray rest = m_start == 0 ? std::exchange(m_buffer, {}) : m_buffer.mid(m_start);
    m_buffer.clear();
    m_start = 0;
    return rest;
}

} // namespace wsi
