// SessionLogWriter: writes events in the session log format (JSON Lines), one line per event.
#pragma once

#include "connection/connectionleg.h"

#include <QByteArray>
#include <QString>

namespace wsi {

class Connection;
struct EventRecord;

// Writes the session log format (docs/session-format.md): one JSON object per line, UTF-8.
// The first line of a file or stream is header(); then one eventLine() per event.
class SessionLogWriter
{
public:
    // Version 2 (docs/session-format.md): message lines may carry "proxy_action" and "original_payload".
    static constexpr const char *kFormat = "wsinspector-session/2";

    // {"format":"wsinspector-session/2","event":"session","t":...,"tool":"wsinspector-cli 0.1.0"}\n
    static QByteArray header(const QString &tool);
    // The JSON line (with trailing newline) for one event of a connection.
    static QByteArray eventLine(const Connection &connection, qsizetype eventIndex);
    // The same for an event of one leg (a proxied connection has two): its line says "leg":"client" or "server".
    static QByteArray eventLine(const Connection &connection, ConnectionLeg::Facing facing, qsizetype eventIndex);
    // The same line for a message event from its parts: safe on any thread (the journal formats very large
    // messages on a worker so the GUI thread never spends seconds on one line).
    static QByteArray messageLine(int connectionId, const EventRecord &record, QByteArrayView payload);
    // ISO-8601 UTC with milliseconds, e.g. "2026-11-24T01:02:03.456Z".
    static QString isoTime(qint64 timeUs);
};

} // namespace wsi
