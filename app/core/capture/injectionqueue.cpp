// InjectionQueue: frames the app injects into its tapped client stream, waiting for a quiet frame boundary there.
#include "capture/injectionqueue.h"

namespace wsi {

void InjectionQueue::pump(bool clientDrained, const Write &write)
{
    if (!clientDrained)
        return; // the rest of what the client wrote comes first: the tap reads it and pumps again
    while (!m_frames.empty() && m_boundary.atBoundary()) {
        const QByteArray frame = std::move(m_frames.front());
        m_frames.pop_front();
        write(frame);
    }
}

qint64 InjectionQueue::dropAll()
{
    qint64 bytes = 0;
    for (const QByteArray &frame : m_frames)
        bytes += frame.size();
    m_frames.clear();
    return bytes;
}

} // namespace wsi
