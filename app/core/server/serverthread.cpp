// ServerThread: the one worker thread the local server runs on, started with the first server, stopped with the last.
#include "server/serverthread.h"

namespace wsi {

namespace {

SharedThread::Slot<ServerThread> s_slot;

} // namespace

ServerThread::ServerThread()
    : SharedThread(QStringLiteral("wsi-server"))
{ }

std::shared_ptr<ServerThread> ServerThread::acquire()
{
    return s_slot.acquire([] { return new ServerThread; });
}

bool ServerThread::isRunning()
{
    return s_slot.isRunning();
}

} // namespace wsi
