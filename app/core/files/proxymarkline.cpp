// ProxyMarkLine: the "proxy_mark" line of the session log (version 3).
#include "files/proxymarkline.h"

#include "connection/connection.h"
#include "files/jsonline.h"
#include "files/sessioneventdecoder.h"
#include "files/sessionlogwriter.h"
#include "store/eventstore.h"
#include "store/proxymark.h"

#include <QCoreApplication>

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

bool ProxyMarkLine::read(const std::vector<JsonField> &fields, SessionEventDecoder &decoder, Connection *connection,
    ConnectionLeg::Facing facing, quint64 messagesIn, quint64 messagesOut, RecordedText *error)
{
    const Direction dir = decoder.record().dir;
    qint64 number = 0;
    const ConnectionLeg *leg = connection ? connection->leg(facing) : nullptr;
    const qsizetype row = !leg || dir == Direction::None
            || !SessionEventDecoder::integer(fields, "message_number", &number) || number <= 0
        ? -1
        : messageRow(leg->events, dir, quint64(number), dir == Direction::Incoming ? messagesIn : messagesOut);
    if (row < 0) {
        // The reader's words (its translation context): an import's error names the file's problem the same way.
        *error = RecordedText("wsi::SessionLogReader",
            QT_TRANSLATE_NOOP("wsi::SessionLogReader",
                "a \"proxy_mark\" line must name a message before it by \"leg\", \"dir\" and "
                "\"message_number\"."));
        return false;
    }
    if (!decoder.readMark(leg->events.at(row).hasFlag(FlagText))) {
        *error = decoder.errorText();
        return false;
    }
    connection->markEvent(facing, row, *decoder.proxyMark());
    return true;
}

} // namespace wsi
