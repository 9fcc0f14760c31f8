// LegCursor: a connection's event rows on every leg it has, walked in time order (a proxied one has two).
#pragma once

#include "connection/connectionleg.h"

#include <QtGlobal>

namespace wsi {

class Connection;

// A proxied connection records two wires, each leg with its own rows; a session file holds both as one stream
// of lines, each saying its "leg". This walks the rows not taken yet of both legs merged by time, at equal
// times the leg that received the bytes first (LegOrder, as the window's log orders them). A connection with
// one wire has one leg: its rows in their order.
class LegCursor
{
public:
    // How many rows of each leg were taken already.
    struct Position
    {
        qsizetype rows = 0; // the connection's own rows: events(), the server leg of a proxied connection
        qsizetype clientLegRows = 0; // a proxied connection's client leg (0 for every other connection)
        qsizetype lines() const { return rows + clientLegRows; }
    };
    struct Row
    {
        const ConnectionLeg *leg;
        qsizetype index;
    };

    LegCursor(const Connection &connection, Position from);

    bool atEnd() const { return m_next.rows >= m_end.rows && m_next.clientLegRows >= m_end.clientLegRows; }
    // The next row in time order; only when !atEnd().
    Row next();
    // Whether next() and reading the row it gives read nothing back from the spill file. If they would, what they
    // need is read back on the spill reader's thread instead (EventStore::prefetch on each leg's next row), and the
    // caller asks again later.
    bool prefetchNext() const;
    // The rows taken so far, next() included.
    Position position() const { return m_next; }
    // Every row the connection holds now.
    static Position end(const Connection &connection);

private:
    const ConnectionLeg *m_leg; // the connection's own
    const ConnectionLeg *m_clientLeg; // null unless proxied
    Position m_next;
    Position m_end;
};

} // namespace wsi
