// TapInjector: injects frames at frame boundaries of the client's stream and records them as injected.
#include "connection/tapinjector.h"

#include "capture/wiretap.h"
#include "connection/framedsender.h"
#include "connection/wirerecorder.h"

namespace wsi {

TapInjector::TapInjector(WireTap *tap, WireRecorder *recorder, std::function<bool()> canSend, QObject *parent)
    : QObject(parent)
    , m_tap(tap)
    , m_recorder(recorder)
    , m_canSend(std::move(canSend))
{ }

TapInjector::~TapInjector() = default;

void TapInjector::record(Direction direction, qint64 timeUs, const QByteArray &bytes)
{
    if (m_injecting)
        m_recorder->recordInjected(timeUs, bytes);
    else
        m_recorder->record(direction, timeUs, bytes);
    if (direction == Direction::Outgoing && !m_pending.isEmpty() && m_recorder->clientStreamAtBoundary())
        injectNow(m_pending.takeFirst()); // re-enters here
}

void TapInjector::injectRawFrame(const QByteArray &frame)
{
    if (m_recorder->clientStreamAtBoundary() && m_pending.isEmpty())
        injectNow(frame);
    else
        m_pending << frame;
}

void TapInjector::injectNow(const QByteArray &frame)
{
    m_injecting = true;
    m_tap->injectUpstream(frame);
    m_injecting = false;
}

void TapInjector::noteSocketMessage(bool automatic)
{
    ++m_socketMessagesSent;
    if (automatic)
        m_recorder->markAutomatic(m_socketMessagesSent);
}

void TapInjector::sendFramed(const QByteArray &payload, bool isText, qint64 frameSize)
{
    if (!m_framedSender) {
        FramedSender::Hooks hooks;
        hooks.readiness = [this] {
            if (!m_canSend())
                return FramedSender::Readiness::Gone;
            const bool quiet = m_recorder->clientStreamMessages() >= m_socketMessagesSent
                && m_recorder->clientStreamPings() >= m_socketPingsSent && m_tap->clientDrained() && m_pending.isEmpty()
                && m_recorder->clientStreamAtBoundary();
            return quiet ? FramedSender::Readiness::Ready : FramedSender::Readiness::Wait;
        };
        hooks.upstreamBacklog = [this] { return m_tap->upstreamBacklog(); };
        hooks.inject = [this](const QByteArray &frame) { injectNow(frame); };
        m_framedSender = new FramedSender(std::move(hooks), this);
        connect(m_framedSender, &FramedSender::frameWritten, this, &TapInjector::frameWritten);
    }
    m_framedSender->enqueue(payload, isText, frameSize);
}

bool TapInjector::isSendingFramed() const
{
    return m_framedSender && m_framedSender->isBusy();
}

qint64 TapInjector::cancelFramed()
{
    return m_framedSender ? m_framedSender->cancel() : 0;
}

} // namespace wsi
