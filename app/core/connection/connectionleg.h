// ConnectionLeg: the record of one WebSocket wire of a connection (events, handshake, timings, counters).
#pragma once

#include "language/recordedtext.h"
#include "store/eventstore.h"
#include "store/handshakerecord.h"
#include "store/proxymark.h"

#include <QHash>

namespace wsi {

// What a connection recorded on one wire, filled by the wire's WireRecorder (or read from a file) and read by
// everything that shows or saves the connection. Plain data: the Connection owns it and its transport writes
// it, so that a connection with two wires can hold two of these (see Connection).
struct ConnectionLeg
{
    // Which peer this wire reaches from the app: the server (a connection the app opened) or a client (a
    // client of the local test server; an intercepting proxy's client side).
    enum class Facing { Server, Client };

    struct Counters
    {
        quint64 messagesIn = 0;
        quint64 messagesOut = 0;
        quint64 bytesIn = 0; // wire bytes received (Direction::Incoming): from the peer this leg faces
        quint64 bytesOut = 0; // wire bytes sent (Direction::Outgoing)
        quint64 errors = 0;
        // Frames sent (Direction::Outgoing Frame rows), pongs aside, and protocol violations named in them
        // (Outgoing WebSocket-layer Error rows), counted as they are recorded: a sender that injects frames waits
        // on these (SendSequence) instead of reading every row of a flood.
        quint64 framesOut = 0;
        quint64 violationsOut = 0;
    };

    explicit ConnectionLeg(Facing facing = Facing::Server)
        : facing(facing)
    { }

    Facing facing;
    EventStore events;
    HandshakeRecord handshake;
    ConnectionTimings timings;
    Counters counters;
    // The app's own words for the rows it wrote (errors, notes), by event row. The store holds their English
    // (what session files keep); the window shows them from here in its current language. Rows read from a
    // file have none and show as recorded.
    QHash<qsizetype, RecordedText> texts;
    // What an intercepting proxy did to a message row (edited, replaced, dropped, injected), by event row.
    QHash<qsizetype, ProxyMark> proxyMarks;
};

} // namespace wsi
