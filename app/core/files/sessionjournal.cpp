// SessionJournal: the crash journal: every connection's events written to disk as they happen.
#include "files/sessionjournal.h"

#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "connection/workspace.h"
#include "files/forwardedpayloads.h"
#include "files/journalcollector.h"
#include "files/journalfolder.h"
#include "files/journalwriter.h"
#include "files/legcursor.h"
#include "files/proxymarkline.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"
#include "store/slowturnlog.h"
#include "store/wallclock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

namespace wsi {

namespace {

const QString kSuffix = QStringLiteral(".jsonl");
const QString kPrefix = QStringLiteral("session-"); // JournalFolder::nameFilters() lists these
// How often a collection waiting for the spill reader looks again: reading a 10 MiB block back takes some 10-30 ms.
constexpr int kSpillPollMs = 2;

} // namespace

struct SessionJournal::Journal
{
    int file = 0; // the writer's name for it
    QPointer<Connection> connection;
    QString path;
    LegCursor::Position taken; // rows of each leg handed to the writer (or written by attach)
    qsizetype written = 0; // event lines the writer reported in the file (both legs of a proxied connection)
    bool finished = false; // nothing more is handed to the writer (its last batch closes the file)
    bool finishing = false; // the connection finished; close once everything is taken
    // The message lines written so far (by attach, then the writer thread): a message a proxy forwarded unchanged
    // names its payload. Used by one thread at a time: the queue hands it over with each batch.
    std::shared_ptr<ForwardedPayloads> forwarded;
    bool removed = false; // left the workspace: deleted on a later turn, so the rest is taken at once

    // Rows recorded and not handed to the writer yet.
    qsizetype untaken() const { return connection ? LegCursor::end(*connection).lines() - taken.lines() : 0; }
};

SessionJournal::SessionJournal(QObject *parent)
    : QObject(parent)
    , m_folder(defaultFolder())
    , m_writer(std::make_unique<JournalWriter>())
{
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &SessionJournal::flushReady);
    m_continueTimer.setSingleShot(true);
    m_continueTimer.setInterval(0);
    connect(&m_continueTimer, &QTimer::timeout, this, &SessionJournal::flushReady);
    m_capTimer.setSingleShot(true);
    connect(&m_capTimer, &QTimer::timeout, this, &SessionJournal::enforceSizeCap);
    // Emitted on the writer thread: queued to this thread.
    connect(m_writer.get(), &JournalWriter::written, this, &SessionJournal::onWritten, Qt::QueuedConnection);
    connect(m_writer.get(), &JournalWriter::closed, this, &SessionJournal::onClosed, Qt::QueuedConnection);
    connect(
        m_writer.get(), &JournalWriter::failed, this,
        [this](int file, JournalWriter::Failure failure, const QString &path, const QString &error) {
            onWriterFailed(file, failure == JournalWriter::Failure::Open, path, error);
        },
        Qt::QueuedConnection);
}

void SessionJournal::scheduleSizeCap()
{
    if (m_maxTotalBytes <= 0 || m_capTimer.isActive())
        return;
    // Listing the folder stats every file (10,000 with a busy test server): skip it while what this run wrote
    // since the last listing cannot have pushed the total over the cap. Once a minute it is listed anyway, for
    // files written by other runs.
    if (m_totalAtCap >= 0 && m_totalAtCap + m_bytesSinceCap <= m_maxTotalBytes && m_sinceCap.isValid()
        && m_sinceCap.elapsed() < 60000)
        return;
    if (!m_sinceCap.isValid() || m_sinceCap.elapsed() >= 1000)
        enforceSizeCap();
    else
        m_capTimer.start(int(1000 - m_sinceCap.elapsed()));
}

SessionJournal::~SessionJournal()
{
    flush();
    for (const auto &j : m_journals) {
        if (!j->finished)
            postClose(*j);
    }
}

QString SessionJournal::defaultFolder()
{
    // Tests and scripted runs point the journal elsewhere without touching the user's data folder.
    const QString overridden = qEnvironmentVariable("WSI_SESSIONS_DIR");
    if (!overridden.isEmpty())
        return overridden;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sessions");
}

void SessionJournal::setFolder(const QString &folder)
{
    m_folder = folder;
    m_totalAtCap = -1;
}

void SessionJournal::setFlushIntervalMs(int ms)
{
    m_timer.setInterval(qMax(1, ms));
}

QString SessionJournal::filePathFor(const Connection *connection) const
{
    const Journal *journal = m_byConnection.value(connection);
    return journal ? journal->path : QString();
}

QString SessionJournal::attach(Connection *connection)
{
    if (!connection || connection->isImported())
        return {};
    const QString existing = filePathFor(connection);
    if (!existing.isEmpty())
        return existing;
    // Once per folder, not per connection: a burst of server clients arrives hundreds per event-loop turn.
    if (m_preparedFolder != m_folder) {
        if (!QDir().mkpath(m_folder)) {
            m_error = tr("Cannot create the session folder %1.").arg(m_folder);
            return {};
        }
        QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        m_preparedFolder = m_folder;
    }
    // Time first so names sort by age; pid and id keep two runs (or two connections) apart.
    const QString name = kPrefix + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))
        + QStringLiteral("-%1-%2").arg(QCoreApplication::applicationPid()).arg(connection->id()) + kSuffix;
    // The header and the events so far (usually none, or the handshake) are written here, so the file is
    // complete when attach() returns; the writer thread appends the rest.
    QFile file(QDir(m_folder).filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        m_error = tr("Cannot write the session journal %1: %2").arg(file.fileName(), file.errorString());
        m_preparedFolder.clear(); // the folder may have gone: create it again next time
        return {};
    }
    // Journals hold whole handshakes (cookies, tokens): readable by this user only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString tool = QStringLiteral("wsinspector %1 journal").arg(QCoreApplication::applicationVersion());
    QByteArray lines = SessionLogWriter::header(tool.simplified());
    auto forwarded = std::make_shared<ForwardedPayloads>();
    LegCursor sofar(*connection, {});
    while (!sofar.atEnd()) {
        const LegCursor::Row row = sofar.next();
        lines += SessionLogWriter::eventLine(*connection, row.leg->facing, row.index, forwarded.get());
    }
    if (file.write(lines) != lines.size()) {
        m_error = tr("Writing the session journal %1 failed: %2").arg(file.fileName(), file.errorString());
        return {};
    }
    m_bytesSinceCap += lines.size();
    file.close();
    auto journal = std::make_unique<Journal>();
    journal->file = m_nextFile++;
    journal->connection = connection;
    journal->path = file.fileName();
    journal->taken = sofar.position();
    journal->written = sofar.position().lines();
    journal->forwarded = std::move(forwarded);
    Journal *raw = journal.get();
    m_journals.push_back(std::move(journal));
    m_byConnection.insert(connection, raw);
    m_byFile.insert(raw->file, raw);
    connect(connection, &Connection::eventsAppended, this, [this, raw] { onEventsAppended(raw); });
    connect(connection, &Connection::finished, this, [this, connection] { finishJournal(connection); });
    if (ProxiedTransport *proxied = connection->proxied()) {
        proxied->observeMarks(this, [this, raw](ConnectionLeg::Facing facing, qsizetype row, quint64 number) {
            onMessageMarked(*raw, facing, row, number);
        });
    }
    connect(connection, &QObject::destroyed, this, [this, raw, connection] {
        m_byConnection.remove(connection); // the address may be reused by a new connection
        // What was handed to the writer is still written (copies); rows not taken yet went with the connection.
        raw->finishing = true;
        closeIfDone(*raw);
    });
    scheduleSizeCap();
    return raw->path;
}

void SessionJournal::attachWorkspace(Workspace *workspace)
{
    for (Connection *c : workspace->connections())
        attach(c);
    connect(workspace, &Workspace::connectionAdded, this, [this](Connection *c) { attach(c); });
    connect(workspace, &Workspace::connectionRemoved, this, &SessionJournal::takeRestOfRemoved);
}

void SessionJournal::takeRestOfRemoved(Connection *connection)
{
    // A removed connection is deleted on the next turn, and the rows not taken by then would go with it: the user
    // asked for this turn, so it takes the rest in one (the writer still formats and writes in the background).
    Journal *j = m_byConnection.value(connection);
    if (!j || j->finished)
        return;
    j->removed = true;
    collect(*j, false, false);
    closeIfDone(*j);
}

void SessionJournal::onEventsAppended(Journal *)
{
    if (!m_timer.isActive())
        m_timer.start();
}

void SessionJournal::onMessageMarked(Journal &journal, ConnectionLeg::Facing facing, qsizetype row, quint64 number)
{
    if (journal.finished || !journal.connection)
        return;
    const Connection &connection = *journal.connection;
    const bool clientLeg = connection.hasTwoLegs() && facing == ConnectionLeg::Facing::Client;
    if (row >= (clientLeg ? journal.taken.clientLegRows : journal.taken.rows))
        return; // not taken yet: its line will carry the mark
    // Its line is with the writer or in the file already. The queue is one FIFO, so the mark's own line lands
    // after it; it is no event row, so the file's count of event lines stays.
    JournalWriter::Batch batch;
    batch.file = journal.file;
    batch.path = journal.path;
    batch.bytes = ProxyMarkLine::format(connection, facing, row, number, wallClockUs());
    JournalWriter::Item item;
    item.formatted = true;
    item.record.payloadOffset = 0;
    item.record.payloadSize = quint32(batch.bytes.size());
    batch.items.push_back(item);
    batch.eventCount = journal.taken.lines();
    m_writer->post(std::move(batch));
}

void SessionJournal::collect(Journal &journal, bool sliced, bool bounded)
{
    if (journal.finished || !journal.connection)
        return;
    const qsizetype before = journal.taken.lines();
    JournalCollector collector(*m_writer);
    // A turn during a flood leaves spilled rows to the spill reader's thread and comes back; whatever must take every
    // row now (a removed connection, flush()) reads them back here.
    const auto spilled
        = sliced && bounded ? JournalCollector::SpilledRows::ReadElsewhere : JournalCollector::SpilledRows::ReadHere;
    const JournalCollector::Outcome outcome = collector.collect(*journal.connection, journal.file, journal.path,
        journal.taken, sliced ? m_slice : QDeadlineTimer(QDeadlineTimer::Forever), bounded, journal.forwarded, spilled);
    if (outcome == JournalCollector::Outcome::WriterBehind)
        m_continueTimer.start(10);
    else if (outcome == JournalCollector::Outcome::WaitingForSpill)
        m_continueTimer.start(qMin(kSpillPollMs, m_continueTimer.isActive() ? m_continueTimer.remainingTime() : 10));
    else if (outcome != JournalCollector::Outcome::AllTaken) // the rest on the next turn of the event loop
        m_continueTimer.start(0);
    // The batches are freed on the writer thread into glibc's free lists: once a flood of them calmed, the trimmer
    // gives those pages back.
    m_heapTrimmer.noteBatch(collector.postedBytes());
    const qsizetype taken = journal.taken.lines() - before;
    if (taken > 0 && m_collectObserver)
        m_collectObserver(journal.connection, taken);
}

void SessionJournal::flush()
{
    // Bounded as during a flood: take what fits, let the writer catch up, take more.
    bool more = true;
    while (more) {
        more = false;
        for (const auto &j : m_journals) {
            collect(*j, false, true);
            more = more || (!j->finished && j->untaken() > 0);
        }
        m_writer->waitUntilIdle();
    }
    m_continueTimer.stop();
    for (const auto &j : m_journals) {
        onWritten(j->file, m_writer->writtenCount(j->file), 0);
        closeIfDone(*j);
    }
    if (std::none_of(m_journals.cbegin(), m_journals.cend(), [](const auto &j) { return !j->finished; }))
        m_timer.stop();
}

void SessionJournal::flushReady()
{
    const SlowTurnLog::Section section("journal.collect");
    m_slice = QDeadlineTimer(m_sliceMs);
    // Each journal takes at least a batch (or kSliceCheckEvents rows) before it looks at the slice: going on to the
    // next journals once it was spent, ten connections echoing 64 KiB took a megabyte each, 50-80 ms of one turn in
    // the window's own test server (issue 12). The rest goes first on the next turn.
    const size_t count = m_journals.size();
    for (size_t i = 0; i < count; ++i) {
        const size_t at = (m_nextToCollect + i) % count;
        Journal &j = *m_journals[at];
        if (i > 0 && !j.finished && j.untaken() > 0 && m_slice.hasExpired()) { // the first one always moves on
            m_nextToCollect = at;
            m_continueTimer.start(0);
            break;
        }
        collect(j, true, true);
        closeIfDone(j);
    }
    m_slice = QDeadlineTimer(QDeadlineTimer::Forever);
    if (std::none_of(m_journals.cbegin(), m_journals.cend(), [](const auto &j) { return !j->finished; }))
        m_timer.stop();
}

void SessionJournal::closeIfDone(Journal &journal)
{
    if (!journal.finishing || journal.finished)
        return;
    if (journal.untaken() > 0)
        return;
    postClose(journal);
}

void SessionJournal::postClose(Journal &journal)
{
    journal.finished = true;
    JournalWriter::Batch close;
    close.file = journal.file;
    close.path = journal.path;
    close.close = true;
    m_writer->post(std::move(close));
}

void SessionJournal::onWritten(int file, qsizetype eventCount, qint64 bytes)
{
    m_bytesSinceCap += bytes;
    Journal *journal = m_byFile.value(file);
    if (!journal || eventCount <= journal->written)
        return; // flush() reported it already
    journal->written = eventCount;
    if (journal->connection)
        Q_EMIT flushed(journal->connection, eventCount);
}

void SessionJournal::onWriterFailed(int file, bool opening, const QString &path, const QString &error)
{
    Journal *journal = m_byFile.value(file);
    if (!journal || journal->finished)
        return; // a finished journal's file the size cap deleted: nothing was to be kept
    m_error = opening ? tr("Cannot write the session journal %1: %2").arg(path, error)
                      : tr("Writing the session journal %1 failed: %2").arg(path, error);
    // A full disk must not cost the capture: stop journaling this one.
    journal->finishing = true;
    if (journal->connection)
        journal->taken = LegCursor::end(*journal->connection);
    closeIfDone(*journal);
}

void SessionJournal::finishJournal(Connection *connection)
{
    const SlowTurnLog::Section section("journal.finish");
    if (Journal *j = m_byConnection.value(connection); j && !j->finished) {
        j->finishing = true;
        // One slice now, as every turn of collection, and the rest on the next turns; the file is closed with the
        // batch that holds the last line, and completed() says when it is written. Waiting here for the writer
        // (and taking up to 16,384 rows at once) held the window 124 ms at the end of a flood (issue 12).
        m_slice = j->removed ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(m_sliceMs);
        collect(*j, true, !j->removed);
        m_slice = QDeadlineTimer(QDeadlineTimer::Forever);
        closeIfDone(*j);
        if (!j->finished && !m_timer.isActive())
            m_timer.start();
    }
    scheduleSizeCap();
}

void SessionJournal::onClosed(int file)
{
    Journal *journal = m_byFile.value(file);
    if (!journal)
        return;
    onWritten(file, m_writer->writtenCount(file), 0);
    Q_EMIT completed(journal->connection, journal->path);
}

QList<SessionJournal::SessionInfo> SessionJournal::listSessions() const
{
    return JournalFolder::list(m_folder, activePaths());
}

QSet<QString> SessionJournal::activePaths() const
{
    // One set of the files being written, not a walk over every journal per file: thousands of each are usual.
    QSet<QString> active;
    for (const auto &j : m_journals) {
        if (!j->finished)
            active.insert(QFileInfo(j->path).absoluteFilePath());
    }
    return active;
}

std::vector<std::unique_ptr<Connection>> SessionJournal::reopen(
    const QString &filePath, QString *error, QStringList *notes)
{
    SessionLogReader reader;
    const bool ok = reader.readFile(filePath);
    // Only the window reopens journals (the CLI reads them with SessionImporter): what went wrong and what was
    // noted are said in the window's language.
    if (error)
        *error = ok ? QString() : reader.errorText().translated();
    if (notes)
        *notes = reader.translatedNotes();
    return ok ? reader.takeConnections() : std::vector<std::unique_ptr<Connection>>();
}

int SessionJournal::enforceSizeCap()
{
    m_sinceCap.start();
    if (m_maxTotalBytes <= 0)
        return 0;
    // Sizes and names only (no file is opened): names start with the UTC time, so name order is age order.
    const QFileInfoList files = QDir(m_folder).entryInfoList(JournalFolder::nameFilters(), QDir::Files, QDir::Name);
    qint64 total = 0;
    for (const QFileInfo &fi : files)
        total += fi.size();
    m_bytesSinceCap = 0;
    m_totalAtCap = total;
    if (total <= m_maxTotalBytes)
        return 0;
    const QStringList doomed = JournalFolder::oldestOverCap(files, m_maxTotalBytes, activePaths(), total);
    m_totalAtCap = total;
    if (!doomed.isEmpty())
        m_writer->remove(doomed);
    return int(doomed.size());
}

} // namespace wsi
