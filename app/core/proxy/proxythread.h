// ProxyThread: the one worker thread the reverse proxy's clients run on, started with the first proxy, stopped with the
// last.
#pragma once

#include "store/sharedthread.h"

namespace wsi {

// Issue 12: the GUI thread never reads a socket of the reverse proxy. Its listening socket, every ProxiedClient and
// their sockets (the client's, the dialer's upstream) live on this thread; the GUI side (ReverseProxy) holds the thread
// (a SharedThread: the last holder's release stops and joins it), and only applies the batches they send.
class ProxyThread : public SharedThread
{
public:
    // The running thread, started if nobody holds it. Call from the main thread.
    static std::shared_ptr<ProxyThread> acquire();
    // Whether a proxy thread runs now (tests: none is left once every proxy is gone).
    static bool isRunning();

private:
    ProxyThread();
};

} // namespace wsi
