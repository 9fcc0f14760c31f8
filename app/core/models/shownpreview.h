// ShownPreview: the log's preview of a row whose words are the app's own, in the window's language.
#pragma once

#include <QString>

namespace wsi {

class Connection;
class EventStore;
struct EventRecord;

// The recorded English of these rows (EventPreview) is what files and the CLI carry; the window shows them in
// its current language instead: open, errors, info and TLS rows, a ping's or pong's "(no payload)" and round
// trip, a Close without a status code. The log model shows this text and the log filter searches it, so a
// word the user sees finds the row in either language.
class ShownPreview
{
public:
    // Whether the window's preview of the row can differ from what was recorded (and must be searched too).
    static bool isWorded(const EventStore &store, qsizetype eventRow);
    // The preview of a worded row (either leg of a proxied connection: `encodedRow` as LegRows encodes it).
    static QString text(const Connection *connection, int encodedRow);
};

} // namespace wsi
