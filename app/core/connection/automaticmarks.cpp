// AutomaticMarks: which messages of the client's stream the app sent itself, told before they are written.
#include "connection/automaticmarks.h"

#include <utility>

namespace wsi {

void AutomaticMarks::add(quint64 ordinal)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_marks.append(ordinal);
    m_pending.store(true, std::memory_order_release);
}

QList<quint64> AutomaticMarks::take()
{
    if (!m_pending.load(std::memory_order_acquire))
        return {};
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_pending.store(false, std::memory_order_relaxed);
    return std::exchange(m_marks, {});
}

} // namespace wsi
