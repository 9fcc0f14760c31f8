// ProxyThread: the one worker thread the reverse proxy's clients run on, started with the first proxy, stopped with the
// last.
#include "proxy/proxythread.h"

namespace wsi {

namespace {

SharedThread::Slot<ProxyThread> s_slot;

} // namespace

ProxyThread::ProxyThread()
    : SharedThread(QStringLiteral("wsi-proxy"))
{ }

std::shared_ptr<ProxyThread> ProxyThread::acquire()
{
    return s_slot.acquire([] { return new ProxyThread; });
}

bool ProxyThread::isRunning()
{
    return s_slot.isRunning();
}

} // namespace wsi
