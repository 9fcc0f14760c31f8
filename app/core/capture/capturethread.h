// CaptureThread: the one worker thread the outgoing taps run on, started with the first tap, stopped with the last.
#pragma once

#include "store/sharedthread.h"

namespace wsi {

// Issue 12: the GUI thread never reads a tap's socket. Every WireTap lives on this thread; the GUI side holds a
// TapHandle, which holds this thread (a SharedThread: the last holder's release stops and joins it).
class CaptureThread : public SharedThread
{
public:
    // The running thread, started if nobody holds it. Call from the main thread.
    static std::shared_ptr<CaptureThread> acquire();
    // Whether a capture thread runs now (tests: none is left once every connection is gone).
    static bool isRunning();

private:
    CaptureThread();
};

} // namespace wsi
