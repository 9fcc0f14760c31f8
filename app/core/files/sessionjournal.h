// SessionJournal: the crash journal: every connection's events written to disk as they happen.
#pragma once

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

class QFile;

namespace wsi {

class Connection;
class Workspace;

// Journals connections to files as their events happen (the session log format, one file per connection)
// so that a crash or a kill loses at most one flush interval. Lines are written in batches on a timer rather
// than per event: formatting and one write() per tick cost a flood far less than a write per message.
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
    // Total bytes of journal files kept in the folder; the oldest files go first. 0: no cap.
    void setMaxTotalBytes(qint64 bytes) { m_maxTotalBytes = bytes; }
    qint64 maxTotalBytes() const { return m_maxTotalBytes; }

    // Starts journaling a connection (its events so far included). Imported connections are skipped: they
    // are already on disk. Returns the file path, or empty with errorString() set.
    QString attach(Connection *connection);
    // Journals every connection the workspace holds and gets from now on.
    void attachWorkspace(Workspace *workspace);
    QString filePathFor(const Connection *connection) const;

    // Writes and flushes everything pending now (also done on the timer and when a connection finishes).
    void flush();

    // Journal files in the folder, newest first.
    QList<SessionInfo> listSessions() const;
    // Reads a journal file back (SessionLogReader): read-only connections, or none with *error set. A torn
    // last line (the writer was killed mid-write) is ignored and reported in *notes.
    static std::vector<std::unique_ptr<Connection>> reopen(
        const QString &filePath, QString *error = nullptr, QStringList *notes = nullptr);
    // Deletes the oldest files (never those being written) until the total is within the cap;
    // returns how many were deleted.
    int enforceSizeCap();

    QString errorString() const { return m_error; }

Q_SIGNALS:
    // After the lines of a connection up to eventCount events reached the file.
    void flushed(wsi::Connection *connection, qsizetype eventCount);

private:
    struct Journal;
    void onEventsAppended(Journal *journal);
    // wait: also for a large message's line still being formatted (flush(), exit), else leave it to the timer.
    void writePending(Journal &journal, bool wait);
    void flushReady();
    void closeIfDone(Journal &journal);
    // Files are opened only while written once more than a few are open (see kMaxOpenFiles).
    bool reopenFile(Journal &journal);
    void parkFile(Journal &journal);
    void closeFile(Journal &journal);
    void finishJournal(Connection *connection);
    void scheduleSizeCap();

    QString m_folder;
    qint64 m_maxTotalBytes = 512ll * 1024 * 1024;
    QTimer m_timer;
    // A flush by the timer formats for at most kSliceMs and posts the rest to the next event-loop turn: a
    // flood's quarter second is ~100k lines, and the window must answer in between (issue 12).
    QDeadlineTimer m_slice { QDeadlineTimer::Forever };
    QTimer m_continueTimer;
    // The cap is checked when journals start and end, at most once a second: a server with thousands of
    // clients must not list the folder once per client.
    QTimer m_capTimer;
    QElapsedTimer m_sinceCap;
    QByteArray m_buffer; // lines on their way to a file, reused
    QString m_error;
    std::vector<std::unique_ptr<Journal>> m_journals;
    QHash<const Connection *, Journal *> m_byConnection; // O(1) lookups with thousands of clients
    int m_openFiles = 0;
    QString m_preparedFolder; // created and made private already
    qint64 m_totalAtCap = -1; // bytes in the folder at the last listing, -1 before the first
    qint64 m_bytesSinceCap = 0; // written by this journal since then
};

} // namespace wsi
