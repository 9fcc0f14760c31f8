// InjectionQueue: frames the app injects into its tapped client stream, waiting for a quiet frame boundary there.
#pragma once

#include "capture/clientframeboundary.h"

#include <QByteArray>

#include <deque>
#include <functional>

namespace wsi {

// The tap's half of injection (TapHandle::inject is the GUI's): frames queue in the order given and go upstream
// only where the client's own stream is between two frames, so that an injected frame never splits one of
// QWebSocket's. A frame of a framed send also waits until everything the client wrote has been read (a message
// given to QWebSocket before it goes first); a raw frame goes at the first boundary, before what the client writes
// after it. Sans-IO: the tap says what it relayed and whether it can write, and writes what comes out.
class InjectionQueue
{
public:
    using Write = std::function<void(const QByteArray &frame)>;

    // afterClientQuiet: wait, too, until nothing the client wrote is unread (framed sends).
    void push(const QByteArray &frame, bool afterClientQuiet) { m_frames.push_back({ frame, afterClientQuiet }); }
    // The client's bytes as the tap relayed them upstream.
    void clientBytes(QByteArrayView bytes) { m_boundary.append(bytes); }
    bool atBoundary() const { return m_boundary.atBoundary(); }

    // Writes the frames that may go now; clientDrained: nothing the client wrote waits unread.
    void pump(bool clientDrained, const Write &write);
    // The tunnel is gone: returns the bytes of the frames that will never go.
    qint64 dropAll();

private:
    ClientFrameBoundary m_boundary;
    struct Waiting
    {
        QByteArray frame;
        bool afterClientQuiet = false;
    };
    std::deque<Waiting> m_frames;
};

} // namespace wsi
