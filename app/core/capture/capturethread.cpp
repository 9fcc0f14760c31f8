// CaptureThread: the one worker thread the outgoing taps run on, started with the first tap, stopped with the last.
#include "capture/capturethread.h"

#include <QMutex>
#include <QThread>

namespace wsi {

namespace {

QMutex s_mutex;
std::weak_ptr<CaptureThread> s_current; // no strong reference: the holders decide when it stops

} // namespace

CaptureThread::CaptureThread()
    : m_thread(std::make_unique<QThread>())
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("wsi-capture"));
    m_context->moveToThread(m_thread.get());
    m_thread->start();
}

CaptureThread::~CaptureThread()
{
    // Queued behind whatever the last holders posted (their taps' deleteLater()), so all of it runs first.
    QMetaObject::invokeMethod(
        m_context, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_context; // its thread has finished: nothing else can touch it
}

std::shared_ptr<CaptureThread> CaptureThread::acquire()
{
    QMutexLocker lock(&s_mutex);
    std::shared_ptr<CaptureThread> thread = s_current.lock();
    if (!thread) {
        thread.reset(new CaptureThread);
        s_current = thread;
    }
    return thread;
}

bool CaptureThread::isRunning()
{
    QMutexLocker lock(&s_mutex);
    return !s_current.expired();
}

} // namespace wsi
