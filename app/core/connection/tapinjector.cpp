// TapInjector: injects frames at frame boundaries of the client's stream and records them as injected.
#include "connection/tapinjector.h"

#include "capture/taphandle.h"
#include "connection/automaticmarks.h"
#include "connection/framedsender.h"

namespace wsi {

TapInjector::TapInjector(TapHandle *tap, const RecorderState *wireState, std::shared_ptr<AutomaticMarks> marks,
    std::function<bool()> canSend, QObject *parent)
    : QObject(parent)
    , m_tap(tap)
    , m_wireState(wireState)
    , m_marks(std::move(marks))
    , m_canSend(std::move(canSend))
{ }

TapInjector::~TapInjector() = default;

void TapInjector::injectRawFrame(const QByteArray &frame)
{
    m_tap->inject(frame);
}

void TapInjector::noteSocketMessage(bool automatic)
{
    ++m_socketMessagesSent;
    if (automatic)
        m_marks->add(m_socketMessagesSent); // before the message is written: in place before the tap can read it
}

void TapInjector::sendFramed(const QByteArray &payload, bool isText, qint64 frameSize)
{
    if (!m_framedSender) {
        FramedSender::Hooks hooks;
        hooks.readiness = [this] {
            if (!m_canSend())
                return FramedSender::Readiness::Gone;
            // The recorder is behind the tap: once it has seen every message and ping given to QWebSocket, the tap
            // has relayed them, and a frame posted now goes after them (the tap also waits for a quiet boundary).
            const bool quiet = m_wireState->clientStreamMessages >= m_socketMessagesSent
                && m_wireState->clientStreamPings >= m_socketPingsSent && m_wireState->clientStreamAtBoundary;
            return quiet ? FramedSender::Readiness::Ready : FramedSender::Readiness::Wait;
        };
        hooks.upstreamBacklog = [this] { return m_tap->upstreamBacklog(); };
        hooks.inject = [this](const QByteArray &frame) { m_tap->inject(frame, true); };
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
