// LegRows: a proxied connection's two legs as one log, rows of both wires in time order.
#include "models/legrows.h"

#include "connection/connection.h"
#include "connection/legorder.h"
#include "store/eventstore.h"

#include <QCoreApplication>

namespace wsi {

const EventStore *LegRows::storeOf(const Connection *connection, int row)
{
    if (!connection || row < 0)
        return nullptr;
    const ConnectionLeg *leg = connection->leg(facingOf(row));
    const EventStore *store = leg ? &leg->events : &connection->events();
    if (isClientLeg(row) && !leg)
        return nullptr;
    return indexInLeg(row) < store->size() ? store : nullptr;
}

Direction LegRows::logicalDirection(int row, Direction recorded)
{
    if (!isClientLeg(row) || recorded == Direction::None)
        return recorded;
    return recorded == Direction::Incoming ? Direction::Outgoing : Direction::Incoming;
}

bool LegRows::merge(const Connection *connection, qsizetype *serverScanned, qsizetype *clientScanned,
    const Visit &visit, qsizetype limit)
{
    const EventStore &server = connection->events();
    const ConnectionLeg *clientLeg
        = connection->hasTwoLegs() ? connection->leg(ConnectionLeg::Facing::Client) : nullptr;
    const qsizetype serverEnd = server.size();
    const qsizetype clientEnd = clientLeg ? clientLeg->events.size() : 0;
    qsizetype s = *serverScanned;
    qsizetype c = *clientScanned;
    for (qsizetype visited = 0; (s < serverEnd || c < clientEnd) && visited < limit; ++visited) {
        const bool takeServer
            = c >= clientEnd || (s < serverEnd && LegOrder::serverFirst(clientLeg->events.at(c), server.at(s)));
        const int row = takeServer ? int(s) : clientRow(c);
        const EventRecord &record = takeServer ? server.at(s) : clientLeg->events.at(c);
        visit(record, row);
        ++(takeServer ? s : c);
    }
    *serverScanned = s;
    *clientScanned = c;
    return s == serverEnd && c == clientEnd;
}

QString LegRows::legName(int row)
{
    return isClientLeg(row) ? QCoreApplication::translate("wsi::LegRows", "client")
                            : QCoreApplication::translate("wsi::LegRows", "server");
}

QString LegRows::legToolTip(int row)
{
    return isClientLeg(row)
        ? QCoreApplication::translate("wsi::LegRows", "Client leg: between the app and the proxy")
        : QCoreApplication::translate("wsi::LegRows", "Server leg: between the proxy and the upstream");
}

int LegRows::counterpart(const Connection *connection, int row)
{
    const EventStore *store = storeOf(connection, row);
    const ConnectionLeg *otherLeg = connection && connection->hasTwoLegs()
        ? connection->leg(isClientLeg(row) ? ConnectionLeg::Facing::Server : ConnectionLeg::Facing::Client)
        : nullptr;
    if (!store || !otherLeg)
        return -1;
    const qsizetype index = indexInLeg(row);
    const EventRecord &record = store->at(index);
    if (record.type != EventType::Message)
        return -1;
    const Direction way = logicalDirection(row, record.dir);
    // Which message this is, counted the same way on its own leg...
    int nth = 0;
    for (qsizetype i = 0; i < index; ++i) {
        const EventRecord &r = store->at(i);
        nth += r.type == EventType::Message && logicalDirection(row, r.dir) == way ? 1 : 0;
    }
    // ...and the message with that count on the other leg.
    const bool otherIsClient = !isClientLeg(row);
    for (qsizetype i = 0; i < otherLeg->events.size(); ++i) {
        const EventRecord &r = otherLeg->events.at(i);
        const int otherRow = otherIsClient ? clientRow(i) : int(i);
        if (r.type != EventType::Message || logicalDirection(otherRow, r.dir) != way)
            continue;
        if (nth-- == 0)
            return otherRow;
    }
    return -1;
}

} // namespace wsi
