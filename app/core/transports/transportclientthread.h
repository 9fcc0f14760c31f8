// TransportClientThread: the worker thread the transport comparison's clients run on.
#pragma once

#include "store/sharedthread.h"

namespace wsi {

// Issue 12: the GUI thread never reads a socket. The transport comparison's clients (QNetworkAccessManager's
// requests, the QWebSocket) are sockets of the window's process like any other: they run on this thread, held by the
// comparison while it runs (a SharedThread: the last holder's release stops and joins it).
class TransportClientThread : public SharedThread
{
public:
    // The running thread, started if nobody holds it. Call from the main thread.
    static std::shared_ptr<TransportClientThread> acquire();
    // Whether one runs now (tests: none is left once the comparison is done).
    static bool isRunning();

private:
    TransportClientThread();
};

} // namespace wsi
