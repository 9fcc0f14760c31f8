// TransportEndpointsHandle: the GUI thread's side of the test server's transport endpoints, which run on the server
// thread.
#include "server/transportendpointshandle.h"

#include "server/transportendpoints.h"
#include "server/transporttallies.h"

namespace wsi {

TransportEndpointsHandle::TransportEndpointsHandle(QObject *parent)
    : QObject(parent)
    , m_tallies(std::make_shared<TransportTallies>())
{
    qRegisterMetaType<wsi::TransportKind>();
}

TransportEndpointsHandle::~TransportEndpointsHandle() = default;

template <typename F> void TransportEndpointsHandle::post(F f)
{
    if (m_endpoints)
        QMetaObject::invokeMethod(
            m_endpoints, [endpoints = m_endpoints, f = std::move(f)] { f(endpoints); }, Qt::QueuedConnection);
}

std::shared_ptr<TransportTallies> TransportEndpointsHandle::talliesForNewServer()
{
    // Fresh ones: the last server's endpoints may still be closing on the server thread (a relay retires later).
    m_tallies = std::make_shared<TransportTallies>();
    m_feedSize = 0;
    return m_tallies;
}

void TransportEndpointsHandle::attach(TransportEndpoints *endpoints)
{
    detach();
    m_endpoints = endpoints;
    if (!m_endpoints)
        return;
    // Queued: emitted on the server thread, delivered here.
    connect(m_endpoints, &TransportEndpoints::clientMessage, this, &TransportEndpointsHandle::clientMessage,
        Qt::QueuedConnection);
    if (m_longPollTimeoutMs >= 0)
        setLongPollTimeout(m_longPollTimeoutMs);
}

void TransportEndpointsHandle::detach()
{
    if (m_endpoints)
        disconnect(m_endpoints, nullptr, this, nullptr);
    m_endpoints = nullptr;
    m_feedSize = 0; // the feed went with the server
}

int TransportEndpointsHandle::publish(const QByteArray &message)
{
    post([message](TransportEndpoints *endpoints) { endpoints->publish(message); });
    return ++m_feedSize;
}

void TransportEndpointsHandle::reset()
{
    m_feedSize = 0;
    post([](TransportEndpoints *endpoints) { endpoints->reset(); });
}

TransportTally TransportEndpointsHandle::tally(TransportKind kind) const
{
    return m_tallies->snapshot(kind);
}

void TransportEndpointsHandle::setLongPollTimeout(int ms)
{
    m_longPollTimeoutMs = ms;
    post([ms](TransportEndpoints *endpoints) { endpoints->setLongPollTimeout(ms); });
}

} // namespace wsi
