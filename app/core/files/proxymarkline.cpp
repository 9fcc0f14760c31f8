// ProxyMarkLine: the "proxy_mark" line of the session log (version 3).
#include "files/proxymarkline.h"

#include "connection/connection.h"
#include "files/jsonline.h"
#include "files/sessionlogwriter.h"
#include "store/eventstore.h"
#include "store/proxymark.h"

namespace wsi {

QByteArray ProxyMarkLine::format(
    const Connection &connection, ConnectionLeg::Facing facing, qsizetype row, quint64 number, qint64 timeUs)
{
    const ConnectionLeg &leg = *connection.leg(facing);
    const EventRecord record = leg.events.at(row);
    const ProxyMark mark = leg.proxyMarks.value(row);
    const bool text = record.hasFlag(FlagText);
    // Keys in sorted order, like every other line.
    JsonLine line(160 + mark.original.size() * 2);
    line.integer("conn", connection.id());
    line.latin1("dir", directionId(record.dir));
    line.latin1("event", "proxy_mark");
    line.latin1("leg", facing == ConnectionLeg::Facing::Client ? "client" : "server");
    line.unsignedNumber("message_number", number);
    if (mark.hasOriginal()) {
        // In the encoding of the message's own payload, as on a message line.
        if (text)
            line.bytes("original_payload", mark.original);
        else
            line.base64("original_payload", mark.original);
    }
    line.latin1("proxy_action", proxyActionId(mark.action));
    line.text("t", SessionLogWriter::isoTime(timeUs));
    line.largeInteger("t_us", timeUs);
    return line.finish();
}

qsizetype ProxyMarkLine::messageRow(const EventStore &events, Direction dir, quint64 number, quint64 total)
{
    if (number == 0 || number > total)
        return -1;
    quint64 after = total - number;
    for (qsizetype row = events.size() - 1; row >= 0; --row) {
        const EventRecord r = events.at(row);
        if (r.type != EventType::Message || r.dir != dir)
            continue;
        if (after == 0)
            return row;
        --after;
    }
    return -1;
}

} // namespace wsi
