// ClientDeadlines: the three clocks of a served client: the upgrade's, the idle timeout's and our Close's grace.
#include "server/clientdeadlines.h"

#include <QDeadlineTimer>

namespace wsi {

ClientDeadlines::ClientDeadlines(int handshakeMs, int idleMs)
    : m_handshakeMs(handshakeMs)
    , m_idleMs(idleMs)
    , m_acceptedMs(now())
    , m_lastActivityMs(m_acceptedMs)
{ }

qint64 ClientDeadlines::now()
{
    return QDeadlineTimer::current().deadline();
}

bool ClientDeadlines::running(bool answered, bool closeSent, bool open) const
{
    if (!answered)
        return m_handshakeMs > 0;
    return closeSent || (open && m_idleMs > 0);
}

ClientDeadlines::Expired ClientDeadlines::expired(qint64 nowMs, bool answered, bool closeSent, bool open) const
{
    if (!answered)
        return m_handshakeMs > 0 && nowMs - m_acceptedMs >= m_handshakeMs ? Expired::Handshake : Expired::Nothing;
    if (closeSent)
        return nowMs - m_closeSentMs >= kCloseGraceMs ? Expired::CloseGrace : Expired::Nothing;
    if (open && m_idleMs > 0 && nowMs - m_lastActivityMs >= m_idleMs)
        return Expired::Idle;
    return Expired::Nothing;
}

} // namespace wsi
