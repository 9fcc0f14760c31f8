// EventLineTimes: the "t" and "t_us" members every event line ends its common part with.
#pragma once

#include <QtGlobal>

namespace wsi {

class JsonLine;

// Writes an event's time as the session log has it (docs/session-format.md): "t", the ISO-8601 UTC time with
// milliseconds, and "t_us", the microseconds since the epoch. A flood prints millions of lines within a few
// seconds, so the members of the current second are kept per thread and only their sub-second digits change.
class EventLineTimes
{
public:
    // "t":"2026-11-24T01:02:03.456Z","t_us":1795482123456789 (after a separating comma where one is due).
    static void put(JsonLine &line, qint64 timeUs);
    // Writes "yyyy-MM-ddTHH:mm:ss.zzzZ" (24 characters) for ms since the epoch in years 1970-9999;
    // returns false outside that range.
    static bool formatIso(qint64 ms, char *out);
};

} // namespace wsi
