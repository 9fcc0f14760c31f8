// SessionJournal: the crash journal: every connection's events written to disk as they happen.
#pragma once

#include "connection/connectionleg.h"
#include "store/heaptrimmer.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace wsi {

class Connection;
class JournalWriter;
class Workspace;

// Journals connections to files as their events happen (the session log format, one file per connection)
// so that a crash or a kill loses at most one flush interval. A proxied connection's file holds both its legs
// (each line with its "leg"), so reopening it gives back what crossed each wire, not only the upstream's side. Events
// are taken in batches on a timer rather than per event, and formatted and written on a writer thread (JournalWriter):
// the GUI thread only copies records and payload bytes, a flood's formatting cost it a third of its time (issue 12).
// Previous runs' files are listed and reopened read-only; a size cap deletes the oldest files first.
class SessionJournal : public QObject
{
    Q_OBJECT
public:
    // One journal file of this or an earlier run.
    struct SessionInfo
    {
        QString filePath;
        qint64 size = 0;
        QString firstUrl; // the first handshake_request's URL, if any
        QDateTime started; // from the file's first line (else its modification time), UTC
        bool active = false; // being written by this journal now
    };

    explicit SessionJournal(QObject *parent = nullptr);
    ~SessionJournal() override;

    // AppDataLocation + "/sessions", or $WSI_SESSIONS_DIR when set (tests, scripted runs).
    static QString defaultFolder();
    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }
    void setFlushIntervalMs(int ms);
    int flushIntervalMs() const { return m_timer.interval(); }
    // The most one turn of the event loop spends taking rows (8 ms; 0 in tests: JournalCollector::kSliceCheckEvents
    // rows a turn).
    void setSliceMs(int ms) { m_sliceMs = qMax(0, ms); }
    // Total bytes of journal files kept in the folder; the oldest files go first. 0: no cap.
    void setMaxTotalBytes(qint64 bytes) { m_maxTotalBytes = bytes; }
    qint64 maxTotalBytes() const { return m_maxTotalBytes; }

    // Starts journaling a connection (its events so far included). Imported connections are skipped: they
    // are already on disk. Returns the file path, or empty with errorString() set.
    QString attach(Connection *connection);
    // Journals every connection the workspace holds and gets from now on.
    void attachWorkspace(Workspace *workspace);
    QString filePathFor(const Connection *connection) const;

    // Writes everything pending now and waits for the writer thread to have written it (at exit); the timer
    // and a connection's end hand events to the writer without waiting.
    void flush();

    // Journal files in the folder, newest first.
    QList<SessionInfo> listSessions() const;
    // Reads a journal file back (SessionLogReader): read-only connections, or none with *error set. A torn
    // last line (the writer was killed mid-write) is ignored and reported in *notes.
    static std::vector<std::unique_ptr<Connection>> reopen(
        const QString &filePath, QString *error = nullptr, QStringList *notes = nullptr);
    // Deletes the oldest files (never those being written) until the total is within the cap, on the writer
    // thread once what is queued is written (flush() waits for it); returns how many go.
    int enforceSizeCap();

    QString errorString() const { return m_error; }

    // Gives the heap back once a flood's batches calmed: the journal sees every recorded row of the window.
    const HeapTrimmer &heapTrimmer() const { return m_heapTrimmer; }

    // Tests: told of every turn of collection that handed rows of a connection to the writer, with how many.
    using CollectObserver = std::function<void(const Connection *connection, qsizetype rows)>;
    void setCollectObserver(CollectObserver observer) { m_collectObserver = std::move(observer); }

Q_SIGNALS:
    // After eventCount event lines of a connection reached the file (a proxied connection's lines of both legs).
    void flushed(wsi::Connection *connection, qsizetype eventCount);
    // A finished connection's journal is complete: every line written and the file closed. The end of a flood is
    // written over many turns after finished(), so whoever reads the file at once waits for this (or calls
    // flush()). connection is null when it was deleted meanwhile.
    void completed(wsi::Connection *connection, const QString &filePath);

private:
    struct Journal;
    void onEventsAppended(Journal *journal);
    // A proxy marked a row late (a held message decided after its row was taken): a "proxy_mark" line follows.
    void onMessageMarked(Journal &journal, ConnectionLeg::Facing facing, qsizetype row, quint64 number);
    // Hands the journal's events not handed yet to the writer (JournalCollector). sliced: stop after the slice (the
    // timer and a connection's end; the rest goes on the next turn). bounded: leave them in the connection while
    // the writer is far behind (see JournalCollector::kMaxQueuedBytes).
    void collect(Journal &journal, bool sliced, bool bounded);
    void flushReady();
    void closeIfDone(Journal &journal);
    void postClose(Journal &journal); // the journal's last batch: the writer closes its file
    QSet<QString> activePaths() const; // absolute paths of the files being written
    void finishJournal(Connection *connection);
    void takeRestOfRemoved(Connection *connection);
    void onWritten(int file, qsizetype eventCount, qint64 bytes);
    void onClosed(int file);
    void onWriterFailed(int file, bool opening, const QString &path, const QString &error);
    void scheduleSizeCap();

    QString m_folder;
    qint64 m_maxTotalBytes = 512ll * 1024 * 1024;
    QTimer m_timer;
    // Taking a flood's backlog is sliced too: at most m_sliceMs per event-loop turn, the rest on the next one.
    QDeadlineTimer m_slice { QDeadlineTimer::Forever };
    int m_sliceMs = 8;
    QTimer m_continueTimer;
    // Where the next turn of collection starts: a turn ends once its slice is spent, and the journals it did not reach
    // go first on the next one, so every connection of a flood moves on.
    size_t m_nextToCollect = 0;
    // The cap is checked when journals start and end, at most once a second: a server with thousands of
    // clients must not list the folder once per client.
    QTimer m_capTimer;
    QElapsedTimer m_sinceCap;
    QString m_error;
    std::vector<std::unique_ptr<Journal>> m_journals;
    QHash<const Connection *, Journal *> m_byConnection; // O(1) lookups with thousands of clients
    QHash<int, Journal *> m_byFile; // the writer's reports name the journal by its id
    int m_nextFile = 1;
    QString m_preparedFolder; // created and made private already
    qint64 m_totalAtCap = -1; // bytes in the folder at the last listing, -1 before the first
    qint64 m_bytesSinceCap = 0; // written by this journal since then
    CollectObserver m_collectObserver;
    HeapTrimmer m_heapTrimmer;
    std::unique_ptr<JournalWriter> m_writer; // last: its thread stops (writing what is queued) first
};

} // namespace wsi
