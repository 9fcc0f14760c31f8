// LegCursor: a connection's event rows on every leg it has, walked in time order (a proxied one has two).
#include "files/legcursor.h"

#include "connection/connection.h"
#include "connection/legorder.h"

namespace wsi {

namespace {

const ConnectionLeg *ownLeg(const Connection &connection)
{
    // An outgoing connection's one leg faces the server, a served client's faces its client.
    const ConnectionLeg *server = connection.leg(ConnectionLeg::Facing::Server);
    return server ? server : connection.leg(ConnectionLeg::Facing::Client);
}

} // namespace

LegCursor::LegCursor(const Connection &connection, Position from)
    : m_leg(ownLeg(connection))
    , m_clientLeg(connection.hasTwoLegs() ? connection.leg(ConnectionLeg::Facing::Client) : nullptr)
    , m_next(from)
    , m_end(end(connection))
{ }

LegCursor::Position LegCursor::end(const Connection &connection)
{
    Position all;
    all.rows = ownLeg(connection)->events.size();
    if (connection.hasTwoLegs())
        all.clientLegRows = connection.leg(ConnectionLeg::Facing::Client)->events.size();
    return all;
}

LegCursor::Row LegCursor::next()
{
    const bool ownLeft = m_next.rows < m_end.rows;
    const bool clientLeft = m_next.clientLegRows < m_end.clientLegRows;
    const bool client = clientLeft
        && (!ownLeft
            || !LegOrder::serverFirst(m_clientLeg->events.at(m_next.clientLegRows), m_leg->events.at(m_next.rows)));
    if (client)
        return { m_clientLeg, m_next.clientLegRows++ };
    return { m_leg, m_next.rows++ };
}

bool LegCursor::prefetchNext() const
{
    // Both legs' next rows: next() compares their times. Both are asked, so that both fetches run at once.
    bool ready = m_next.rows >= m_end.rows || m_leg->events.prefetch(m_next.rows);
    if (m_next.clientLegRows < m_end.clientLegRows && !m_clientLeg->events.prefetch(m_next.clientLegRows))
        ready = false;
    return ready;
}

} // namespace wsi
