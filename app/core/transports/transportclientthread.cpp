// TransportClientThread: the worker thread the transport comparison's clients run on.
#include "transports/transportclientthread.h"

namespace wsi {

namespace {

SharedThread::Slot<TransportClientThread> s_slot;

} // namespace

TransportClientThread::TransportClientThread()
    : SharedThread(QStringLiteral("wsi-transports"))
{ }

std::shared_ptr<TransportClientThread> TransportClientThread::acquire()
{
    return s_slot.acquire([] { return new TransportClientThread; });
}

bool TransportClientThread::isRunning()
{
    return s_slot.isRunning();
}

} // namespace wsi
