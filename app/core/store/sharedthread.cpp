// SharedThread: an app-wide worker QThread that its holders share: the first starts it, the last one stops it.
#include "store/sharedthread.h"

#include "store/workerpriority.h"

#include <QCoreApplication>
#include <QThread>

namespace wsi {

SharedThread::SharedThread(const QString &name)
    : m_thread(std::make_unique<QThread>())
    , m_context(new QObject)
{
    m_thread->setObjectName(name);
    m_context->moveToThread(m_thread.get());
    QObject::connect(
        m_thread.get(), &QThread::started, m_context, &WorkerPriority::applyToThisWorker, Qt::DirectConnection);
    m_thread->start();
}

SharedThread::~SharedThread()
{
    // Queued behind whatever the last holders posted (their objects' deleteLater()), so all of it runs first.
    QMetaObject::invokeMethod(
        m_context, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    // While the application object is being destroyed (a holder among its children) the posted call is not
    // delivered any more; the thread still deletes what waits for deleteLater() as it finishes.
    if (QCoreApplication::closingDown())
        m_thread->quit();
    m_thread->wait();
    delete m_context; // its thread has finished: nothing else can touch it
}

} // namespace wsi
