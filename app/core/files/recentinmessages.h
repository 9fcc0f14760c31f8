// RecentInMessages: where a leg's last `in` message lines are, so that a "payload_of" line can be resolved.
#pragma once

#include "files/forwardedpayloads.h"

#include <QtGlobal>

#include <array>

namespace wsi {

class EventStore;
class RecordedText;
class SessionEventDecoder;

// Reading a session log (version 4): a proxied message line that forwards a payload unchanged says "payload_of":N,
// the N-th `in` message line of the other leg (ForwardedPayloads). A writer names only one of the last
// ForwardedPayloads::kRecentLines of them, so this keeps the rows of that many per leg, never more: the payloads
// stay where they are, in the leg's store.
class RecentInMessages
{
public:
    // The next `in` message line of the leg: its row in the leg's store.
    void add(qsizetype row);
    quint64 count() const { return m_count; }

    // Gives the decoder (its line a message with payloadOf(), on the other leg) the payload it names among the
    // lines of this leg (`leg`: "client" or "server", whose events are `events`, null before it has any). False with
    // *error set when it names no line of this leg before it, one older than the last kRecentLines, or a message of
    // the other type.
    bool resolve(SessionEventDecoder &decoder, const EventStore *events, const char *leg, RecordedText *error) const;

private:
    static constexpr quint64 kKept = ForwardedPayloads::kRecentLines;
    std::array<qsizetype, kKept> m_rows {}; // row of line number n at n % kKept
    quint64 m_count = 0;
};

} // namespace wsi
