#pragma once

// Finding events in a Connection's log, for tests.

#include "connection/connection.h"

#include <QList>
#include <QStringList>

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

// The text of every ERROR row, in order; their layers too when asked.
inline QStringList errorsOf(const wsi::Connection &c, QList<wsi::ErrorLayer> *layers = nullptr)
{
    QStringList errors;
    for (qsizetype i = 0; i < c.events().size(); ++i) {
        if (c.events().at(i).type == wsi::EventType::Error) {
            errors << c.events().payloadText(i);
            if (layers)
                *layers << c.events().at(i).layer();
        }
    }
    return errors;
}
