// SessionExporter: writes connections to a session log (.jsonl) or HAR file, by extension.
#pragma once

#include <QList>
#include <QString>

namespace wsi {

class Connection;

// Writes connections to a file as the session log format or as HAR 1.2, masking secrets unless asked not
// to. Shared by the app's Export menu, the previous-sessions dialog and `wsinspector-cli --har / convert`.
class SessionExporter
{
public:
    enum class Format { SessionLog, Har, Unknown };

    // By extension: .jsonl (also .ndjson, .log) is the session log, .har is HAR.
    static Format formatForPath(const QString &path);
    static QString formatName(Format format); // "session log", "HAR"

    struct Options
    {
        bool revealSecrets = false; // write Authorization, cookies and token parameters unmasked
        QString tool; // the session log header's "tool"
    };

    // Written atomically; false with *error set (naming the file and the cause).
    static bool write(const QString &path, Format format, const QList<const Connection *> &connections,
        const Options &options, QString *error = nullptr);
    // The session log of several connections: one header, then every event line in time order.
    static QByteArray sessionLog(const QList<const Connection *> &connections, const QString &tool);
};

} // namespace wsi
