// TransportTallies: the four transports' tallies, counted on the server thread and read from any other.
#include "server/transporttallies.h"

namespace wsi {

TransportTally TransportTallies::snapshot(TransportKind kind) const
{
    const QMutexLocker locker(&m_lock);
    return m_tallies[size_t(kind)];
}

void TransportTallies::clear()
{
    const QMutexLocker locker(&m_lock);
    m_tallies = {};
}

void TransportTallies::addConnection(TransportKind kind)
{
    const QMutexLocker locker(&m_lock);
    m_tallies[size_t(kind)].connections++;
}

void TransportTallies::addRequest(TransportKind kind, qint64 headBytes, qint64 bodyBytes)
{
    const QMutexLocker locker(&m_lock);
    TransportTally &tally = m_tallies[size_t(kind)];
    tally.requests++;
    tally.headerBytes += headBytes;
    tally.payloadBytes += bodyBytes;
}

void TransportTallies::addBytes(TransportKind kind, qint64 headerBytes, qint64 payloadBytes)
{
    const QMutexLocker locker(&m_lock);
    TransportTally &tally = m_tallies[size_t(kind)];
    tally.headerBytes += headerBytes;
    tally.payloadBytes += payloadBytes;
}

void TransportTallies::addClientMessage(TransportKind kind)
{
    const QMutexLocker locker(&m_lock);
    m_tallies[size_t(kind)].clientMessages++;
}

} // namespace wsi
