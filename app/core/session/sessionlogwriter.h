#pragma once

#include <QByteArray>
#include <QString>

namespace wsi {

class Connection;

// Writes the session log format (docs/session-format.md): one JSON object per line, UTF-8.
// The first line of a file or stream is header(); then one eventLine() per event.
class SessionLogWriter
{
public:
    static constexpr const char *kFormat = "wsinspector-session/1";

    // {"format":"wsinspector-session/1","event":"session","t":...,"tool":"wsinspector-cli 0.1.0"}\n
    static QByteArray header(const QString &tool);
    // The JSON line (with trailing newline) for one event of a connection.
    static QByteArray eventLine(const Connection &connection, qsizetype eventIndex);
    // ISO-8601 UTC with milliseconds, e.g. "2026-11-24T01:02:03.456Z".
    static QString isoTime(qint64 timeUs);
};

} // namespace wsi
