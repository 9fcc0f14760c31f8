// CaptureThread: the one worker thread the outgoing taps run on, started with the first tap, stopped with the last.
#include "capture/capturethread.h"

namespace wsi {

namespace {

SharedThread::Slot<CaptureThread> s_slot;

} // namespace

CaptureThread::CaptureThread()
    : SharedThread(QStringLiteral("wsi-capture"))
{ }

std::shared_ptr<CaptureThread> CaptureThread::acquire()
{
    return s_slot.acquire([] { return new CaptureThread; });
}

bool CaptureThread::isRunning()
{
    return s_slot.isRunning();
}

} // namespace wsi
