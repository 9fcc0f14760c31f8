// RelayedWrites: what a ProxiedClient writes to its two sockets, recorded on their legs and flushed once per read.
#include "proxy/relayedwrites.h"

#include "proxy/proxiedrecording.h"
#include "store/wallclock.h"

#include <utility>

namespace wsi {

void RelayedWrites::write(QTcpSocket *socket, const QByteArray &bytes, qint64 forwardedFrom)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState || bytes.isEmpty())
        return;
    socket->write(bytes);
    (socket == m_client ? m_clientUnflushed : m_upstreamUnflushed) = true;
    using Facing = ConnectionLeg::Facing;
    const Facing facing = socket == m_client ? Facing::Client : Facing::Server;
    if (forwardedFrom >= 0)
        m_recording->recordForwarded(facing, wallClockUs(), bytes, quint64(forwardedFrom));
    else
        m_recording->recordLeg(facing, Direction::Outgoing, wallClockUs(), bytes);
}

void RelayedWrites::flush()
{
    // QAbstractSocket::write() only queues; Qt would write on the socket's next write notification, one more poll
    // and event-loop turn per relayed read. flush() may emit bytesWritten (a paused reader resumes, nested) or,
    // on a write error, disconnected: both are handled as they are from the event loop, as this is the last step
    // of a read.
    if (std::exchange(m_upstreamUnflushed, false) && m_upstream
        && m_upstream->state() == QAbstractSocket::ConnectedState)
        m_upstream->flush();
    if (std::exchange(m_clientUnflushed, false) && m_client && m_client->state() == QAbstractSocket::ConnectedState)
        m_client->flush();
}

} // namespace wsi
