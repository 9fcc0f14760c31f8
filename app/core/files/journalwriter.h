// JournalWriter: the session journal's writer thread: formats records into session log lines and appends them.
#pragma once

#include "files/sessionlogwriter.h"
#include "store/eventrecord.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class QFile;

namespace wsi {

class ForwardedPayloads;

// Takes batches of copied records and payloads from SessionJournal (GUI thread), formats their lines on its own
// thread and appends them to the journal files, in the order they were posted. The thread never sees a
// Connection, an EventStore or the PayloadCache: a batch holds everything its lines need.
class JournalWriter : public QObject
{
    Q_OBJECT
public:
    // One line to write: a record whose payload is bytes[record.payloadOffset, + record.payloadSize) (or lent), or,
    // with `formatted`, a line the GUI thread formatted already (events that need the connection: handshakes, TLS).
    struct Item
    {
        EventRecord record;
        bool formatted = false;
        bool clientLeg = false; // a proxied connection's client leg: formatted with Batch::clientLegContext
        // Set: the payload is lent[record.payloadSize] (kept valid by one of Batch::owners), not in Batch::bytes.
        const char *lent = nullptr;
    };
    struct Batch
    {
        int file = 0; // SessionJournal's id of the journal
        QString path;
        SessionLogWriter::LineContext context; // the connection's own leg (a proxied one's server leg)
        SessionLogWriter::LineContext clientLegContext;
        // The journal's message lines so far (ForwardedPayloads): fed this batch's lines in order, on the writer
        // thread.
        std::shared_ptr<ForwardedPayloads> forwarded;
        std::vector<Item> items;
        QByteArray bytes;
        // What keeps the lent payloads' bytes valid until the batch is written (EventStore::lendPayload): the
        // store's chunks, shared instead of copied on the GUI thread.
        std::vector<std::shared_ptr<const void>> owners;
        qsizetype lentBytes = 0;
        qsizetype eventCount = 0; // the connection's event lines (of both legs) in the file after this batch
        bool close = false; // the journal's last batch: the file is closed after it
        QStringList remove; // remove()'s: these files are deleted, and nothing else is done
        qsizetype cost() const { return bytes.size() + lentBytes + qsizetype(items.size() * sizeof(Item)); }
    };
    enum class Failure { Open, Write };

    explicit JournalWriter(QObject *parent = nullptr);
    ~JournalWriter() override; // writes what is queued, then stops the thread

    // Never blocks.
    void post(Batch &&batch);
    // Deletes the files on the writer thread, after everything posted before. Never blocks: the folder's size cap
    // deleted journals of hundreds of MB on the GUI thread, and each unlink held it for up to 1.4 s while the
    // file system let go of their pages (issue 12: the window's test server under a flood).
    void remove(const QStringList &paths);
    // Bytes of records, payloads and lines posted and not written yet.
    qsizetype queuedBytes() const { return m_queuedBytes.load(std::memory_order_relaxed); }
    // Blocks until everything posted so far is written.
    void waitUntilIdle();
    // Events of the file written so far (0 when none or unknown).
    qsizetype writtenCount(int file) const;
    int openFiles() const { return m_openFiles.load(std::memory_order_relaxed); }

Q_SIGNALS:
    // Emitted on the writer thread (connect with a receiver on the GUI thread: queued). bytes: appended by this
    // batch. eventCount grows from one signal of a file to the next.
    void written(int file, qsizetype eventCount, qint64 bytes);
    void failed(int file, wsi::JournalWriter::Failure failure, const QString &path, const QString &error);
    // Emitted on the writer thread once the file's last batch (Batch::close) is done: everything posted for it is
    // written (or its file failed) and it is closed.
    void closed(int file);

private:
    struct OpenFile;
    void run();
    void writeBatch(Batch &batch);

    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // work was posted, or stop
    std::condition_variable m_progress; // a batch was written
    std::deque<Batch> m_queue;
    bool m_busy = false; // a batch taken from the queue is being written
    bool m_stop = false;
    QHash<int, qsizetype> m_written; // under m_mutex
    std::atomic<qsizetype> m_queuedBytes { 0 };
    std::atomic<int> m_openFiles { 0 };
    // Writer thread only.
    QHash<int, std::shared_ptr<OpenFile>> m_files;
    QByteArray m_buffer;
};

} // namespace wsi
