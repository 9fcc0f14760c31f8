// PassPacedQueue: hands a thread's event loop at most one heavy item (a batch of rows) per pass, keeping order.
#include "store/passpacedqueue.h"

#include <QPointer>

namespace wsi {

PassPacedQueue::PassPacedQueue(QObject *context)
    : m_context(context)
{ }

void PassPacedQueue::heavy(std::function<void()> run)
{
    if (m_heavyThisPass || !m_waiting.empty()) {
        m_waiting.push_back({ true, std::move(run) });
        return;
    }
    runHeavy(run);
}

void PassPacedQueue::light(std::function<void()> run)
{
    // A light item after a heavy one in the same pass runs at once: the batch before it is applied already.
    if (!m_waiting.empty()) {
        m_waiting.push_back({ false, std::move(run) });
        return;
    }
    run();
}

bool PassPacedQueue::runHeavy(const std::function<void()> &run)
{
    const QPointer<QObject> alive(m_context);
    m_heavyThisPass = true; // before: an event loop run inside run() must not start the next heavy item either
    run();
    if (!alive)
        return false; // the queue went with its context
    // Posted after the item: delivered in the next pass of posted events, after whatever it posted itself. Posted
    // even when nothing waits (one cheap event per batch), because this pass is over only once it comes.
    QMetaObject::invokeMethod(
        m_context, [this] { continuePass(); }, Qt::QueuedConnection);
    return true;
}

void PassPacedQueue::runAll()
{
    const QPointer<QObject> alive(m_context);
    while (!m_waiting.empty()) {
        Item item = std::move(m_waiting.front());
        m_waiting.pop_front();
        item.run();
        if (!alive)
            return;
    }
}

void PassPacedQueue::continuePass()
{
    m_heavyThisPass = false;
    const QPointer<QObject> alive(m_context);
    while (!m_waiting.empty()) {
        if (m_waiting.front().heavy && m_heavyThisPass)
            return; // the next pass: its continuation is posted
        Item item = std::move(m_waiting.front());
        m_waiting.pop_front();
        if (item.heavy) {
            if (!runHeavy(item.run))
                return;
        } else {
            item.run();
            if (!alive)
                return;
        }
    }
}

} // namespace wsi
