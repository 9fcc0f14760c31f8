// legMessages(): one leg's data messages of one direction, as the proxy tests compare them across legs and threads.
#pragma once

#include "connection/connection.h"

#include <QByteArrayList>
#include <QList>

namespace wsi {

// The rows of one leg's data messages of one direction, in the order they were recorded, and their payloads when
// asked for.
inline QList<EventRecord> legMessages(
    const Connection &connection, ConnectionLeg::Facing facing, Direction dir, QByteArrayList *payloads = nullptr)
{
    const EventStore &events = connection.leg(facing)->events;
    QList<EventRecord> out;
    for (qsizetype row = 0; row < events.size(); ++row) {
        const EventRecord r = events.at(row);
        if (r.type == EventType::Message && r.dir == dir) {
            out << r;
            if (payloads)
                *payloads << events.payloadCopy(row);
        }
    }
    return out;
}

} // namespace wsi
