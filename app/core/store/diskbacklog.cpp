// DiskBacklog: whether the spill writer is behind the recording, for the producers that can stop reading.
#include "store/diskbacklog.h"

namespace wsi {

DiskBacklog &DiskBacklog::instance()
{
    // Leaked on purpose (see the header): a function-local static would be destroyed before the cache's writer, which
    // is made later and reports to it from its destructor.
    static DiskBacklog *backlog = new DiskBacklog;
    return *backlog;
}

bool DiskBacklog::noteHeld(qint64 heldBytes)
{
    const qint64 mark = m_mark.load(std::memory_order_relaxed);
    if (heldBytes > mark) {
        if (!m_behind.exchange(true, std::memory_order_acq_rel))
            m_spells.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    if (heldBytes > mark / 2)
        return false; // between the marks: as it was
    return m_behind.exchange(false, std::memory_order_acq_rel);
}

bool DiskBacklog::giveUp()
{
    return m_behind.exchange(false, std::memory_order_acq_rel);
}

} // namespace wsi
