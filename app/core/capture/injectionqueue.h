// InjectionQueue: frames the app injects into its tapped client stream, waiting for a quiet frame boundary there.
#pragma once

#include "capture/clientframeboundary.h"

#include <QByteArray>

#include <deque>
#include <functional>

namespace wsi {

// The tap's half of injection (TapHandle::inject is the GUI's): frames queue in the order given and go upstream
// only where the client's own stream is between two frames and everything the client wrote has been read, so that
// an injected frame neither splits nor overtakes one of QWebSocket's. Sans-IO: the tap says what it relayed and
// whether it can write, and writes what comes out.
class InjectionQueue
{
public:
    using Write = std::function<void(const QByteArray &frame)>;

    void push(const QByteArray &frame) { m_frames.push_back(frame); }
    // The client's bytes as the tap relayed them upstream.
    void clientBytes(QByteArrayView bytes) { m_boundary.append(bytes); }
    bool atBoundary() const { return m_boundary.atBoundary(); }

    // Writes the frames that may go now; clientDrained: nothing the client wrote waits unread.
    void pump(bool clientDrained, const Write &write);
    // The tunnel is gone: returns the bytes of the frames that will never go.
    qint64 dropAll();

private:
    ClientFrameBoundary m_boundary;
    std::deque<QByteArray> m_frames;
};

} // namespace wsi
