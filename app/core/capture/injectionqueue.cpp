// InjectionQueue: frames the app injects into its tapped client stream, waiting for a quiet frame boundary there.
#include "capture/injectionqueue.h"

namespace wsi {

void InjectionQueue::pump(bool clientDrained, const Write &write)
{
    // A frame that waits for the client to be quiet stops the ones behind it: the order given is kept. The tap reads
    // the rest of what the client wrote and pumps again.
    while (!m_frames.empty() && m_boundary.atBoundary() && (clientDrained || !m_frames.front().afterClientQuiet)) {
        const QByteArray frame = std::move(m_frames.front().frame);
        m_frames.pop_front();
        write(frame);
    }
}

qint64 InjectionQueue::dropAll()
{
    qint64 bytes = 0;
    for (const Waiting &waiting : m_frames)
        bytes += waiting.frame.size();
    m_frames.clear();
    return bytes;
}

} // namespace wsi
