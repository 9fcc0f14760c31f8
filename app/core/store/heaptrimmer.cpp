// HeapTrimmer: gives back to the system the heap glibc keeps after a flood, once the flood has calmed.
#include "store/heaptrimmer.h"

#include "store/slowturnlog.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace wsi {

HeapTrimmer::HeapTrimmer(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_check.setInterval(kCheckMs);
    m_check.setTimerType(Qt::CoarseTimer);
    connect(&m_check, &QTimer::timeout, this, &HeapTrimmer::trimIfDue);
}

HeapTrimmer::~HeapTrimmer() = default;

bool HeapTrimmer::available()
{
#ifdef __GLIBC__
    return true;
#else
    return false;
#endif
}

void HeapTrimmer::noteBatch(qint64 bytes)
{
    m_pendingBytes += bytes;
    if (bytes >= kBusyBytes)
        m_lastBusyMs = nowMs();
    // isActive() is a flag: the timer is started once per flood, not per batch.
    if (!m_check.isActive() && m_pendingBytes >= kMinWorkBytes && (available() || m_trim))
        m_check.start();
}

bool HeapTrimmer::trimIfDue()
{
    if (m_pendingBytes < kMinWorkBytes || nowMs() - m_lastBusyMs < kQuietMs || !(available() || m_trim))
        return false;
    m_check.stop();
    m_pendingBytes = 0;
    ++m_trims;
    const SlowTurnLog::Section section("heap.trim");
    if (m_trim) {
        m_trim();
        return true;
    }
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    return true;
}

} // namespace wsi
