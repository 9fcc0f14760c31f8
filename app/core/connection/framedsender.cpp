// FramedSender: sends large data messages as frames the wire tap injects, a few per event-loop turn.
#include "connection/framedsender.h"

#include "protocol/frameencoder.h"

#include <QTimer>

namespace wsi {

namespace {
constexpr int kRetryMs = 2; // waiting for the upstream socket to drain or for the client stream to reach a boundary
}

FramedSender::FramedSender(Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_hooks(std::move(hooks))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &FramedSender::pump);
}

FramedSender::~FramedSender() = default;

void FramedSender::enqueue(const QByteArray &payload, bool isText, qint64 frameSize)
{
    m_queue.push_back(Pending { payload, isText, qMax<qint64>(1, frameSize), 0 });
    if (!m_timer->isActive())
        m_timer->start(0);
}

qint64 FramedSender::cancel()
{
    qint64 dropped = 0;
    for (const Pending &p : m_queue)
        dropped += p.payload.size() - p.offset;
    m_queue.clear();
    m_timer->stop();
    return dropped;
}

void FramedSender::pump()
{
    qint64 written = 0;
    while (!m_queue.empty() && written < kBytesPerTurn) {
        const Readiness readiness = m_hooks.readiness();
        if (readiness == Readiness::Gone) {
            cancel();
            return;
        }
        if (readiness == Readiness::Wait || m_hooks.upstreamBacklog() > kMaxBacklog) {
            m_timer->start(kRetryMs);
            return;
        }
        Pending &p = m_queue.front();
        const qint64 size = p.payload.size();
        const qint64 take = qMin(p.frameSize, size - p.offset);
        RawFrameSpec spec;
        spec.opcode = p.offset == 0 ? (p.isText ? 0x1 : 0x2) : 0x0;
        spec.fin = p.offset + take >= size;
        // A view, not a copy: encodeFrame copies it once while masking.
        spec.payload = QByteArray::fromRawData(p.payload.constData() + p.offset, qsizetype(take));
        const QByteArray frame = encodeFrame(spec);
        m_hooks.inject(frame);
        p.offset += take;
        written += frame.size();
        Q_EMIT frameWritten(frame.size());
        if (p.offset >= size)
            m_queue.pop_front();
    }
    if (!m_queue.empty())
        m_timer->start(0);
}

} // namespace wsi
