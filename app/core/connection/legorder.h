// LegOrder: which of a proxied connection's two legs has the earlier row, their times being equal included.
#pragma once

#include "store/eventrecord.h"

namespace wsi {

// The proxy records the bytes it read from one socket and then the bytes it wrote on the other with the same
// time, so rows of the two legs often tie. The wire-true order is the one the bytes took: the leg that received
// them first. Both legs record what the proxy received as Incoming (the client leg from the client, the server
// leg from the server), so at a tie a received row goes before the other leg's row that was not received.
// The window's log (LegRows), the journal (LegCursor) and exports (SessionExporter) all order by this.
class LegOrder
{
public:
    // True when the server leg's row `server` goes before the client leg's row `client`.
    static bool serverFirst(const EventRecord &client, const EventRecord &server)
    {
        if (client.timeUs != server.timeUs)
            return server.timeUs < client.timeUs;
        return server.dir == Direction::Incoming && client.dir != Direction::Incoming;
    }
};

} // namespace wsi
