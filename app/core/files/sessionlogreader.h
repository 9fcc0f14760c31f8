// SessionLogReader: reads the session log format (JSON Lines) back into connections, byte-exact.
#pragma once

#include "connection/connectionleg.h"
#include "files/sessionlogheader.h"
#include "language/recordedtext.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QIODevice;

namespace wsi {

class Connection;
class SessionEventDecoder;
struct EventRecord;

// Reads the session log format (docs/session-format.md) back into Connections: one finished, read-only
// Connection per `conn` id, in the order the ids first appear. Writing those connections again with
// SessionLogWriter gives the same event lines byte for byte (only the `conn` numbers are new, since every
// Connection of a run has its own id; originalIds() maps them back).
//
// Lines are scanned by hand rather than with QJsonDocument: reopening a million-event journal must take
// seconds, and a QJsonObject per line cost more than the rest of the import together.
class SessionLogReader
{
public:
    SessionLogReader();
    ~SessionLogReader();
    SessionLogReader(const SessionLogReader &) = delete;
    SessionLogReader &operator=(const SessionLogReader &) = delete;

    // Reads a whole file or stream; false with errorString() set (naming the line) when it cannot be read.
    bool readFile(const QString &path);
    bool read(QIODevice *device);
    bool read(const QByteArray &data);

    // "line 12: expected ',' or '}' at column 40", or why the file is refused as a whole.
    QString errorString() const { return m_error.english(); } // English: the CLI and the journal
    const RecordedText &errorText() const { return m_error; } // the same, for the window in its language
    int errorLine() const { return m_errorLine; } // 1-based; 0 when the error is not about one line

    // Things worth knowing that did not stop the import, e.g. a torn last line (a journal of a process that
    // was killed mid-write) that was ignored.
    // notes() in English (what a log or a test reads), translatedNotes() in the language in effect now.
    QStringList notes() const;
    QStringList translatedNotes() const;

    // From the first line.
    QString format() const { return m_header.format(); }
    QString tool() const { return m_header.tool(); }
    QString startedAt() const { return m_header.startedAt(); }
    qsizetype eventCount() const { return qsizetype(m_lineOrder.size()); }

    // The connections read; ownership passes to the caller (e.g. Workspace::addConnection(ptr.release())).
    std::vector<std::unique_ptr<Connection>> takeConnections();
    const std::vector<std::unique_ptr<Connection>> &connections() const { return m_connections; }
    // The `conn` number each connection had in the file, parallel to connections().
    const std::vector<int> &originalIds() const { return m_originalIds; }
    // For every event line of the file, in order, the index into connections() it belongs to: writing
    // lines in this order reproduces the interleaving of a file that held several connections.
    const std::vector<quint32> &lineOrder() const { return m_lineOrder; }

private:
    struct Pending;
    bool readLine(QByteArrayView line, int lineNumber, bool last);
    // A message line's "payload_of" (version 4): the payload of a recent "in" message of the connection's other leg.
    bool resolvePayloadOf(SessionEventDecoder &decoder, size_t index, ConnectionLeg::Facing facing, int lineNumber);
    void holdOrAppend(size_t index, ConnectionLeg::Facing facing, const EventRecord &record, const QByteArray &payload,
        const QString &url);
    static std::unique_ptr<Connection> makeConnection(Pending &pending, const QString &url);
    bool fail(int lineNumber, const RecordedText &message);
    bool finishAll();
    void clear();

    RecordedText m_error;
    int m_errorLine = 0;
    QList<RecordedText> m_notes;
    SessionLogHeader m_header;
    bool m_headerSeen = false;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::vector<int> m_originalIds;
    std::vector<quint32> m_lineOrder;
    std::vector<std::unique_ptr<Pending>> m_pending; // parallel to m_connections while reading
};

} // namespace wsi
