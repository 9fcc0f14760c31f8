#pragma once

// Finding events in a Connection's log, for tests.

#include "connection.h"

#include <QList>

// The EventStore rows of one type and direction, in order.
inline QList<qsizetype> eventsOf(const wsi::Connection &c, wsi::EventType type, wsi::Direction dir)
{
    QList<qsizetype> rows;
    for (qsizetype i = 0; i < c.events().size(); ++i) {
        if (c.events().at(i).type == type && c.events().at(i).dir == dir)
            rows << i;
    }
    return rows;
}
