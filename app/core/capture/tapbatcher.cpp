// TapBatcher: gathers a tap's recorded chunks into batches for the GUI thread and counts what it has not taken.
#include "capture/tapbatcher.h"

#include "capture/tapdecoder.h"

#include <QTimer>

namespace wsi {

TapBatcher::TapBatcher(std::function<qint64()> upstreamBacklog, QObject *parent)
    : QObject(parent)
    , m_upstreamBacklog(std::move(upstreamBacklog))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer); // a frame is 16 ms; the coarse timer's 5% slack would do, but be exact
    connect(m_timer, &QTimer::timeout, this, &TapBatcher::flush);
}

void TapBatcher::add(Direction direction, bool injected, qint64 timeUs, const QByteArray &bytes)
{
    TapChunk chunk { direction, injected, timeUs, bytes };
    if (m_decoder)
        m_decoder->decode(chunk); // as it is read: the batch carries rows, not bytes
    else
        m_batch.chunks.append(std::move(chunk));
    m_batch.bytes += bytes.size();
    m_held += bytes.size();
    m_peakHeld = qMax(m_peakHeld, m_held);
    schedule();
}

void TapBatcher::upstreamEnded(qint64 timeUs)
{
    if (!m_decoder)
        return;
    m_decoder->upstreamEnded(timeUs);
    m_stateChanged = true; // whatever it decoded goes with the next flush
}

void TapBatcher::noteInjectionSettled(qint64 bytes)
{
    m_batch.injectionsSettled += bytes;
    m_stateChanged = true;
    schedule();
}

void TapBatcher::noteStateChanged()
{
    m_stateChanged = true;
    schedule();
}

void TapBatcher::schedule()
{
    const bool quietBefore = !m_sinceLast.isValid() || m_sinceLast.elapsed() >= kIntervalMs;
    if (m_urgent || quietBefore || m_batch.bytes >= kMaxBatchBytes) {
        flush();
        return;
    }
    if (!m_timer->isActive())
        m_timer->start(int(qMax<qint64>(0, kIntervalMs - m_sinceLast.elapsed())));
}

void TapBatcher::flush()
{
    m_timer->stop();
    if (m_batch.chunks.isEmpty() && m_batch.bytes == 0 && !m_stateChanged)
        return;
    if (m_decoder)
        m_batch.decoded = m_decoder->take();
    m_batch.upstreamBacklog = m_upstreamBacklog();
    m_stateChanged = false;
    m_sinceLast.start();
    ++m_batches;
    Q_EMIT ready(std::exchange(m_batch, {}));
}

} // namespace wsi
