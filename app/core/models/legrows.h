// LegRows: a proxied connection's two legs as one log, rows of both wires in time order.
#pragma once

#include "connection/connectionleg.h"
#include "store/eventrecord.h"

#include <QString>
#include <QtGlobal>
#include <functional>
#include <limits>

namespace wsi {

class Connection;
class EventStore;

// The log's rows are EventStore rows; a proxied connection has two stores (ConnectionLeg), so a row of its
// client leg carries kClientLegBit on top of its index in that leg's store. Rows without the bit are the
// server-facing leg (Connection::events()), as for every other kind, whose rows thus keep their plain index.
class LegRows
{
public:
    enum class Filter { Both, Client, Server };

    static constexpr quint32 kClientLegBit = 0x40000000u;

    static bool isClientLeg(int row) { return row >= 0 && (quint32(row) & kClientLegBit) != 0; }
    static int indexInLeg(int row) { return row < 0 ? row : int(quint32(row) & ~kClientLegBit); }
    static int clientRow(qsizetype indexInClientLeg) { return int(quint32(indexInClientLeg) | kClientLegBit); }
    static ConnectionLeg::Facing facingOf(int row)
    {
        return isClientLeg(row) ? ConnectionLeg::Facing::Client : ConnectionLeg::Facing::Server;
    }
    // The store that holds this row, or null when the connection has no such leg or row.
    static const EventStore *storeOf(const Connection *connection, int row);
    // The direction as seen from the app's side of the proxy: Outgoing = towards the server, Incoming = towards
    // the client, on either leg (the client leg records from the client's peer, so its directions are flipped).
    static Direction logicalDirection(int row, Direction recorded);
    static bool accepts(Filter filter, int row)
    {
        return filter == Filter::Both || (filter == Filter::Client) == isClientLeg(row);
    }
    // Visits the rows of both legs from *serverScanned and *clientScanned on, in time order (ties: the leg that
    // received the bytes first, LegOrder), at most `limit` of them; the scanned counts move past the rows visited.
    // Returns whether both legs were visited to their ends.
    using Visit = std::function<void(const EventRecord &record, int row)>;
    static bool merge(const Connection *connection, qsizetype *serverScanned, qsizetype *clientScanned,
        const Visit &visit, qsizetype limit = std::numeric_limits<qsizetype>::max());
    // "client" / "server", in the window's language; the tooltip says what that wire joins.
    static QString legName(int row);
    static QString legToolTip(int row);
    // The same message on the other leg (the n-th message the same way): its row, or -1.
    static int counterpart(const Connection *connection, int row);
};

} // namespace wsi
