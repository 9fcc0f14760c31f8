// ProxyMarkLine: the "proxy_mark" line of the session log (version 3): a proxy's mark on a message already written.
#pragma once

#include "connection/connectionleg.h"
#include "store/eventrecord.h"

#include <QByteArray>

#include <vector>

namespace wsi {

class Connection;
class EventStore;
class RecordedText;
class SessionEventDecoder;
struct JsonField;

// A message line carries its mark when the mark is known as the line is written. A held message the user drops
// (or edits) after the journal wrote its line cannot be marked there any more (the file is only appended to), so
// the mark follows as a line of its own naming the message by leg, direction and number; a reader puts it on that
// message's row (docs/session-format.md, "Marks that came later").
class ProxyMarkLine
{
public:
    // The line for the mark on row `row` of the leg facing `facing`, which is the number-th message (1-based) of its
    // direction on that leg; made at timeUs.
    static QByteArray format(
        const Connection &connection, ConnectionLeg::Facing facing, qsizetype row, quint64 number, qint64 timeUs);
    // The row of the number-th message (1-based) in direction dir of events, whose messages in that direction
    // number `total`; -1 when there is no such message. Walks back from the last row: marks name recent messages.
    static qsizetype messageRow(const EventStore &events, Direction dir, quint64 number, quint64 total);
    // Reading a session log: puts the mark of the "proxy_mark" line whose `fields` decoder holds (readCommon() done)
    // on its message in connection's leg facing `facing`, whose lines so far held messagesIn and messagesOut
    // messages. connection is null when the line's connection is not a proxied one (or has no lines yet). False
    // with *error set when the line names no message before it or its mark cannot be read.
    static bool read(const std::vector<JsonField> &fields, SessionEventDecoder &decoder, Connection *connection,
        ConnectionLeg::Facing facing, quint64 messagesIn, quint64 messagesOut, RecordedText *error);
};

} // namespace wsi
