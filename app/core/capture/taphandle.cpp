// TapHandle: the GUI thread's side of a WireTap that runs on the capture thread; every call is a queued message.
#include "capture/taphandle.h"

#include "capture/capturethread.h"
#include "capture/wiretap.h"

#include <QThread>

namespace wsi {

TapHandle::TapHandle(const QString &targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetHost(targetHost)
    , m_targetPort(targetPort)
{ }

TapHandle::~TapHandle()
{
    if (!m_tap)
        return;
    m_tap->disconnect(this);
    m_tap->deleteLater(); // ~WireTap drops both sides, on its own thread; m_thread stops after it if this was last
    m_tap = nullptr;
}

template <typename F> void TapHandle::post(F f)
{
    if (m_tap)
        QMetaObject::invokeMethod(
            m_tap, [tap = m_tap, f = std::move(f)] { f(tap); }, Qt::QueuedConnection);
}

bool TapHandle::listen(RecordedText *error)
{
    m_thread = CaptureThread::acquire();
    // Made and listening here, so that the socket gets the tap's port before it opens without this thread waiting
    // for the capture thread; then moved there with its children (Qt re-arms the listening socket's notifier there)
    // before anything can connect to it, so every socket it accepts or dials belongs to the capture thread.
    m_tap = new WireTap(m_targetHost, m_targetPort);
    m_tap->setCloseGraceMs(m_closeGraceMs);
    m_tap->setTls(m_tls);
    m_tap->setSkipMessages(m_skipMessages);
    m_tap->setHoldBackPings(m_holdBackPings);
    if (m_decoder)
        m_tap->setDecoder(std::move(m_decoder));
    RecordedText why;
    const bool listening = m_tap->listen(&why);
    m_proxy = m_tap->proxy();
    m_tap->moveToThread(m_thread->thread());
    connectTap();
    if (!listening && error)
        *error = why;
    return listening;
}

template <typename TapSignal, typename HandleSignal>
void TapHandle::forward(TapSignal tapSignal, HandleSignal handleSignal)
{
    // Not signal to signal: a queued signal already posted when shutdown() came would still be delivered.
    // Behind a batch still waiting for its pass, if there is one (copies of the arguments wait with it).
    connect(m_tap, tapSignal, this, [this, handleSignal](const auto &...args) {
        if (m_shutDown)
            return;
        m_paced.light([this, handleSignal, args...] {
            if (!m_shutDown)
                Q_EMIT(this->*handleSignal)(args...);
        });
    });
}

void TapHandle::connectTap()
{
    connect(m_tap, &WireTap::batchReady, this, &TapHandle::onBatch);
    connect(m_tap, &WireTap::tunnelOpened, this, [this](qint64 acceptedUs, qint64 parsedUs, qint64 readyUs) {
        m_paced.light([this, acceptedUs, parsedUs, readyUs] {
            m_tunnelUp = true;
            m_acceptedUs = acceptedUs;
            m_connectParsedUs = parsedUs;
            m_upstreamReadyUs = readyUs;
        });
    });
    forward(&WireTap::upstreamConnected, &TapHandle::upstreamConnected);
    forward(&WireTap::tlsEstablished, &TapHandle::tlsEstablished);
    forward(&WireTap::tlsVerificationFailed, &TapHandle::tlsVerificationFailed);
    forward(&WireTap::failed, &TapHandle::failed);
    forward(&WireTap::refused, &TapHandle::refused);
    forward(&WireTap::upstreamClosed, &TapHandle::upstreamClosed);
    forward(&WireTap::pingHeldBack, &TapHandle::pingHeldBack);
    forward(&WireTap::drained, &TapHandle::drained);
}

void TapHandle::onBatch(const TapBatch &batch)
{
    if (m_shutDown)
        return; // recorded before the tap heard of shutdown(): the connection's recording has ended
    // A batch with no rows (state only: the upstream backlog) is cheap: it waits for nothing but the order. So are the
    // opening's (the tap sends every chunk at once until then), and the socket's connected() reads what they said
    // (the response head's time): one waiting for a later pass would come too late for it.
    if (batch.decoded && m_openingDone)
        m_paced.heavy([this, batch] { handOn(batch); });
    else
        m_paced.light([this, batch] { handOn(batch); });
}

void TapHandle::handOn(const TapBatch &batch)
{
    if (m_shutDown)
        return;
    m_upstreamBacklog = batch.upstreamBacklog;
    m_injecting -= batch.injectionsSettled;
    QPointer<TapHandle> alive(this);
    Q_EMIT batchArrived(batch);
    // Taken: the tap may read on. Sent after the batch was handed on, so a slow receiver holds the tap back.
    if (alive && batch.bytes > 0)
        post([bytes = batch.bytes](WireTap *tap) { tap->batchTaken(bytes); });
}

void TapHandle::shutdown()
{
    m_shutDown = true;
    m_paced.clear(); // what waits was sent before the tap heard of this, like what is still on its way
    post([](WireTap *tap) { tap->shutdown(); });
}

void TapHandle::setHoldBackPings(bool hold)
{
    m_holdBackPings = hold;
    post([hold](WireTap *tap) { tap->setHoldBackPings(hold); });
}

void TapHandle::proceedDespiteTlsErrors()
{
    post([](WireTap *tap) { tap->proceedDespiteTlsErrors(); });
}

void TapHandle::cancelTls()
{
    post([](WireTap *tap) { tap->cancelTls(); });
}

void TapHandle::openingDone()
{
    m_openingDone = true;
    post([](WireTap *tap) { tap->openingDone(); });
}

void TapHandle::drain()
{
    post([](WireTap *tap) { tap->drain(); });
}

void TapHandle::inject(const QByteArray &frame, bool afterClientQuiet)
{
    if (!m_tap)
        return;
    m_injecting += frame.size();
    post([frame, afterClientQuiet](WireTap *tap) { tap->inject(frame, afterClientQuiet); });
}

} // namespace wsi
