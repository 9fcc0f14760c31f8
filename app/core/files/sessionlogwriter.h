// SessionLogWriter: writes events in the session log format (JSON Lines), one line per event.
#pragma once

#include "connection/connectionleg.h"
#include "store/eventrecord.h"

#include <QByteArray>
#include <QString>

namespace wsi {

class Connection;
class ForwardedPayloads;

// Writes the session log format (docs/session-format.md): one JSON object per line, UTF-8.
// The first line of a file or stream is header(); then one eventLine() per event.
class SessionLogWriter
{
public:
    // docs/session-format.md: version 2 message lines may carry "proxy_action" and "original_payload"; version 3
    // adds "proxy_mark" lines, a mark that came after its message's line (ProxyMarkLine); version 4 lets a proxied
    // message that forwards a payload unchanged name it ("payload_of", ForwardedPayloads) instead of repeating it.
    static constexpr const char *kFormat = "wsinspector-session/4";

    // {"format":"wsinspector-session/4","event":"session","t":...,"tool":"wsinspector-cli 0.1.0"}\n
    static QByteArray header(const QString &tool);
    // The JSON line (with trailing newline) for one event of a connection.
    static QByteArray eventLine(const Connection &connection, qsizetype eventIndex);
    // The same for an event of one leg (a proxied connection has two): its line says "leg":"client" or "server".
    // forwarded: the connection's lines written so far (a writer of a proxied connection's lines passes one per
    // connection, fed every line in order): a message forwarded unchanged then names its payload ("payload_of").
    static QByteArray eventLine(const Connection &connection, ConnectionLeg::Facing facing, qsizetype eventIndex,
        ForwardedPayloads *forwarded = nullptr);
    // The same line appended to `out`: a printer that reuses one buffer for many lines allocates nothing per line.
    static void appendEventLine(QByteArray &out, const Connection &connection, ConnectionLeg::Facing facing,
        qsizetype eventIndex, ForwardedPayloads *forwarded = nullptr);
    // The same for a caller that has read the row's record and payload already (the CLI's printer, which gives
    // them to the protocol annotator first): a flood's rows are looked up once, not twice.
    static void appendEventLine(QByteArray &out, const Connection &connection, ConnectionLeg::Facing facing,
        qsizetype eventIndex, const EventRecord &record, QByteArrayView payload, ForwardedPayloads *forwarded);
    // The same line for a message event from its parts: safe on any thread (the journal formats very large
    // messages on a worker so the GUI thread never spends seconds on one line).
    static QByteArray messageLine(int connectionId, const EventRecord &record, QByteArrayView payload);

    // What a line needs of its connection besides the record and its payload, copied once: every event type
    // but the handshakes and TLS (which read the connection's handshake record) is formatted from it alone,
    // on any thread (the journal's writer thread).
    struct LineContext
    {
        int connectionId = 0;
        bool inGroup = false;
        int attempt = 0;
        int groupId = 0;
        const char *leg = nullptr; // "client", "server" or none: a string literal
    };
    static LineContext lineContext(const Connection &connection, ConnectionLeg::Facing facing);
    // True for the event types recordLine() cannot format (HandshakeRequest, HandshakeResponse, Tls).
    static bool needsConnection(EventType type)
    {
        return type == EventType::HandshakeRequest || type == EventType::HandshakeResponse || type == EventType::Tls;
    }
    // The line eventLine() writes for an event whose type does not need the connection; pure.
    // mark: what an intercepting proxy did to a message (null: nothing). forwarded: as for eventLine().
    static QByteArray recordLine(const LineContext &context, const EventRecord &record, QByteArrayView payload,
        const ProxyMark *mark = nullptr, ForwardedPayloads *forwarded = nullptr);
    // recordLine() appended to `out`.
    static void appendRecordLine(QByteArray &out, const LineContext &context, const EventRecord &record,
        QByteArrayView payload, const ProxyMark *mark = nullptr, ForwardedPayloads *forwarded = nullptr);
    // ISO-8601 UTC with milliseconds, e.g. "2026-11-24T01:02:03.456Z".
    static QString isoTime(qint64 timeUs);
};

} // namespace wsi
