// SharedThread: an app-wide worker QThread that its holders share: the first starts it, the last one stops it.
#pragma once

#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>

class QThread;

namespace wsi {

// Issue 12: the capture thread (the outgoing taps) and the server thread (the local server's relay and clients) are
// one worker thread each, held by whoever needs it, not singletons anyone owns: the last holder's release stops the
// thread after the events already posted to it (the holders' deleteLater()s) and joins it, so that no test and no
// exit leaves a thread running. A Slot keeps the one running thread of a kind (CaptureThread, ServerThread).
class SharedThread
{
public:
    virtual ~SharedThread();
    SharedThread(const SharedThread &) = delete;
    SharedThread &operator=(const SharedThread &) = delete;

    QThread *thread() const { return m_thread.get(); }
    // An object living on the thread: the context to run functions there.
    QObject *context() const { return m_context; }

    // The one running thread of kind T: acquire() starts one (make()) if nobody holds it. Call from the main thread.
    template <typename T> class Slot
    {
    public:
        std::shared_ptr<T> acquire(const std::function<T *()> &make)
        {
            QMutexLocker lock(&m_mutex);
            std::shared_ptr<T> thread = m_current.lock();
            if (!thread) {
                thread.reset(make());
                m_current = thread;
            }
            return thread;
        }
        // Whether one runs now (tests: none is left once every holder is gone).
        bool isRunning()
        {
            QMutexLocker lock(&m_mutex);
            return !m_current.expired();
        }

    private:
        QMutex m_mutex;
        std::weak_ptr<T> m_current; // no strong reference: the holders decide when it stops
    };

protected:
    explicit SharedThread(const QString &name);

private:
    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr;
};

} // namespace wsi
