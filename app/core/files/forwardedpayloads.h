// ForwardedPayloads: which recent message a proxied message line may name instead of repeating its payload.
#pragma once

#include "store/eventrecord.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace wsi {

// Through the reverse proxy every message is written twice per hop: as it arrived on one leg (`in`) and as it went
// on over the other (`out`), and an echo makes that four lines with one payload. At 10 x 64 KiB echoes that was
// ~10 GB of session log per benchmark run, and the proxy waited for the disk (issue 13). So, from format version 4,
// a message line that forwards a payload byte for byte says "payload_of":N instead: the payload of the N-th `in`
// message line of the other leg (docs/session-format.md).
//
// One per proxied connection and writer, fed every message line in the order the writer writes them. It keeps
// copies of the recent large `in` payloads it may name (removed once named: a forwarded message is named once),
// so it stays small: the messages in flight through the proxy.
class ForwardedPayloads
{
public:
    // A line names one of the last kRecentLines `in` message lines of the other leg, so that a streaming reader
    // needs to keep no more than these (older: the payload is written in full).
    static constexpr quint64 kRecentLines = 16;
    // Smaller payloads are written as they are: a reference saves little on them, and a log of small messages
    // stays readable as it was. 1024: the part of a message a session past its disk budget keeps (EventStore),
    // so a proxy's log past its budget is halved too.
    static constexpr qsizetype kMinBytes = 1024;
    // Copies kept per leg at most (the oldest go first); a payload larger than this is written in full.
    static constexpr qsizetype kMaxKeptBytes = 16 * 1024 * 1024;

    // The next message line of a proxied connection: on the client leg or the server one, and whether it carries
    // a proxy_action. Returns N > 0 when the line is to say "payload_of":N instead of its payload, else 0.
    quint64 nextLine(bool clientLeg, const EventRecord &record, QByteArrayView payload, bool marked);

private:
    struct Kept
    {
        quint64 number = 0; // its place among the `in` message lines of its leg, from 1
        quint64 size = 0; // the message's size (more than payload.size() when the budget kept only a part)
        bool text = false;
        QByteArray payload;
    };
    struct Leg
    {
        quint64 messagesIn = 0;
        std::vector<Kept> kept; // oldest first; a few entries (allocates nothing until a large message comes)
        qsizetype keptBytes = 0;
    };

    static void keep(Leg &leg, const EventRecord &record, QByteArrayView payload);
    static quint64 take(Leg &sender, const EventRecord &record, QByteArrayView payload);
    static void forget(Leg &leg, std::vector<Kept>::iterator at);

    Leg m_client;
    Leg m_server;
};

} // namespace wsi
