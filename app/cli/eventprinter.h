#pragma once

#include "connection/connectionleg.h"
#include "files/forwardedpayloads.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace wsi {

class Connection;
class ProtocolAnnotator;

// Streams the session log (docs/session-format.md) of any number of connections to one FILE. Lines go
// straight into the stream's buffer (fully buffered, see main.cpp); the lines of events printed as they come reach
// the stream's reader within kFlushDelayMs, which keeps it current without a write() per line or per batch.
// Shared by `connect`, `serve` and `proxy`.
class EventPrinter : public QObject
{
    Q_OBJECT
public:
    explicit EventPrinter(FILE *out, bool showFrames, QObject *parent = nullptr);
    ~EventPrinter() override;

    // The first line: {"event":"session","format":"wsinspector-session/4",...}.
    void printHeader();
    // One complete line of JSON (without the newline), flushed at once.
    void printLine(const QByteArray &json);
    // "auto" (detect), "none" (the default) or a protocol id: message lines gain "decoded" and replies "pair"
    // (docs/session-format.md). For connections watched after the call.
    void setProtocol(const QString &protocolOrAuto) { m_protocol = protocolOrAuto; }
    // Prints the connection's events as they are appended, from the first one not printed yet.
    void watch(Connection *connection);
    // Prints whatever the connection has that is not printed yet, and flushes.
    void printPending(Connection *connection);
    // As printPending(), but flushed within kFlushDelayMs (the watched connections' events as they come).
    void printAppended(Connection *connection);
    // Flushes now (and cancels the pending flush of printAppended()).
    void flush();

private:
    FILE *m_out;
    bool m_showFrames;
    QString m_protocol = QStringLiteral("none");
    struct Watched
    {
        qsizetype printed = 0;
        qsizetype printedClientLeg = 0; // a proxied connection's other leg
        std::shared_ptr<ProtocolAnnotator> annotator; // null: no decoding
        // A proxied connection's message lines printed so far: a message forwarded unchanged names its payload.
        ForwardedPayloads forwarded;
    };
    QHash<const Connection *, Watched> m_watched;
    QByteArray m_annotationBuffer; // what decoding adds to a line, reused from line to line
    // Event lines not yet handed to m_out: written in blocks, its memory reused for the next lines (a fwrite and a
    // fresh QByteArray per line were a fifth of a flood's time). Empty between printPending() calls.
    QByteArray m_lines;
    // How long a printed line may wait in the stream's buffer: unnoticeable to a reader, and a flood's lines go out
    // in a few large writes.
    static constexpr int kFlushDelayMs = 10;
    // Runs while printAppended() left lines unflushed.
    QTimer m_flushTimer;

    // Hands m_lines to the stream when it holds at least `atLeast` bytes, and empties it (keeping its memory).
    void writeLines(qsizetype atLeast = 0);

    // One event line of the connection's server-facing leg (the only one of most connections), annotated.
    void printServerLegEvent(Connection *connection, Watched &watched);
    // A proxied connection's "proxy_mark" line: a mark set on a row already printed (docs/session-format.md).
    void printLateMark(Connection *connection, ConnectionLeg::Facing facing, qsizetype row, quint64 number);
};

} // namespace wsi
