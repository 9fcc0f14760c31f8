#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <cstdio>

namespace wsi {

class Connection;

// Streams the session log (docs/session-format.md) of any number of connections to one FILE. Lines go
// straight into the stream's buffer (fully buffered, see main.cpp); one flush per batch of events keeps a
// reader current without a write() per line. Shared by `connect` and `serve`.
class EventPrinter : public QObject
{
    Q_OBJECT
public:
    explicit EventPrinter(FILE *out, bool showFrames, QObject *parent = nullptr);
    ~EventPrinter() override;

    // The first line: {"event":"session","format":"wsinspector-session/1",...}.
    void printHeader();
    // One complete line of JSON (without the newline), flushed at once.
    void printLine(const QByteArray &json);
    // Prints the connection's events as they are appended, from the first one not printed yet.
    void watch(Connection *connection);
    // Prints whatever the connection has that is not printed yet, and flushes.
    void printPending(Connection *connection);
    void flush();

private:
    FILE *m_out;
    bool m_showFrames;
    QHash<const Connection *, qsizetype> m_printed;
};

} // namespace wsi
