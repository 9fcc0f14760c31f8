// ServerThread: the one worker thread the local server runs on, started with the first server, stopped with the last.
#pragma once

#include "store/sharedthread.h"

namespace wsi {

// Issue 12: the GUI thread never reads a socket of the local test server. Its FrontRelay, every client's socket,
// decoding, recording and answers live on this thread; the GUI side holds a RelayHandle, which holds this thread
// (a SharedThread: the last holder's release stops and joins it).
class ServerThread : public SharedThread
{
public:
    // The running thread, started if nobody holds it. Call from the main thread.
    static std::shared_ptr<ServerThread> acquire();
    // Whether a server thread runs now (tests: none is left once every server is stopped and retired).
    static bool isRunning();

private:
    ServerThread();
};

} // namespace wsi
