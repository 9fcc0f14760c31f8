// CaptureThread: the one worker thread the outgoing taps run on, started with the first tap, stopped with the last.
#pragma once

#include <QObject>

#include <memory>

class QThread;

namespace wsi {

// Issue 12: the GUI thread never reads a tap's socket. Every WireTap lives on this thread; the GUI side holds a
// TapHandle, which holds this thread. It is shared, not a singleton object anyone owns: acquire() starts it for the
// first holder and the last holder's release stops it (events already posted to it, such as a tap's deleteLater(),
// are handled first), so that no test and no exit leaves a thread running.
class CaptureThread
{
public:
    ~CaptureThread();
    CaptureThread(const CaptureThread &) = delete;
    CaptureThread &operator=(const CaptureThread &) = delete;

    // The running thread, started if nobody holds it. Call from the main thread.
    static std::shared_ptr<CaptureThread> acquire();
    // Whether a capture thread runs now (tests: none is left once every connection is gone).
    static bool isRunning();

    QThread *thread() const { return m_thread.get(); }
    // An object living on the thread: the context to run functions there.
    QObject *context() const { return m_context; }

private:
    CaptureThread();

    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr;
};

} // namespace wsi
