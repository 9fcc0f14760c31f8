// SessionJournal: the crash journal: every connection's events written to disk as they happen.
#include "files/sessionjournal.h"

#include "connection/connection.h"
#include "connection/workspace.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <chrono>
#include <future>

namespace wsi {

namespace {

const QString kSuffix = QStringLiteral(".jsonl");
const QString kPrefix = QStringLiteral("session-");
constexpr qsizetype kWriteChunk = 256 * 1024;
constexpr int kSliceMs = 8;
constexpr qsizetype kSliceCheckEvents = 2048; // lines formatted between two looks at the clock
// Messages above this are formatted on a worker thread: base64 of 64 MiB takes the GUI thread seconds.
constexpr quint32 kLargeMessage = 1024 * 1024;
// Journal files kept open between writes. The rest are reopened (append) for each write and closed after it:
// 10,000 idle test-server clients each holding a file as well as a socket ran the process out of descriptors.
constexpr int kMaxOpenFiles = 128;
// A new journal stays open until its first flush (its handshake follows at once) unless this many are open.
constexpr int kMaxOpenWhileStarting = 1024;

} // namespace

struct SessionJournal::Journal
{
    QPointer<Connection> connection;
    std::unique_ptr<QFile> file;
    qsizetype written = 0; // events already in the file
    bool finished = false;
    bool finishing = false; // the connection finished; close once everything is written
    std::future<QByteArray> largeLine; // the line of event `written`, being formatted on a worker
};

SessionJournal::SessionJournal(QObject *parent)
    : QObject(parent)
    , m_folder(defaultFolder())
{
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &SessionJournal::flushReady);
    m_continueTimer.setSingleShot(true);
    m_continueTimer.setInterval(0);
    connect(&m_continueTimer, &QTimer::timeout, this, &SessionJournal::flushReady);
    m_capTimer.setSingleShot(true);
    connect(&m_capTimer, &QTimer::timeout, this, &SessionJournal::enforceSizeCap);
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
    return journal ? journal->file->fileName() : QString();
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
    auto journal = std::make_unique<Journal>();
    journal->connection = connection;
    // Unbuffered: each flush is one write() straight to the kernel, which keeps it even if we are killed.
    journal->file = std::make_unique<QFile>(QDir(m_folder).filePath(name));
    if (!journal->file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        m_error = tr("Cannot write the session journal %1: %2")
                      .arg(journal->file->fileName(), journal->file->errorString());
        m_preparedFolder.clear(); // the folder may have gone: create it again next time
        return {};
    }
    // Journals hold whole handshakes (cookies, tokens): readable by this user only.
    journal->file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString tool = QStringLiteral("wsinspector %1 journal").arg(QCoreApplication::applicationVersion());
    m_bytesSinceCap += journal->file->write(SessionLogWriter::header(tool.simplified()));
    ++m_openFiles;
    Journal *raw = journal.get();
    m_journals.push_back(std::move(journal));
    m_byConnection.insert(connection, raw);
    connect(connection, &Connection::eventsAppended, this, [this, raw] { onEventsAppended(raw); });
    connect(connection, &Connection::finished, this, [this, connection] { finishJournal(connection); });
    connect(connection, &QObject::destroyed, this, [this, raw, connection] {
        m_byConnection.remove(connection); // the address may be reused by a new connection
        if (raw->largeLine.valid())
            writePending(*raw, true); // its data is a copy: the line can still be written
        raw->finished = true;
        closeFile(*raw);
    });
    // Left open for its first events (the handshake, written on the next flush, which parks it).
    writePending(*raw, false);
    if (m_openFiles > kMaxOpenWhileStarting)
        parkFile(*raw);
    scheduleSizeCap();
    return raw->file->fileName();
}

void SessionJournal::attachWorkspace(Workspace *workspace)
{
    for (Connection *c : workspace->connections())
        attach(c);
    connect(workspace, &Workspace::connectionAdded, this, [this](Connection *c) { attach(c); });
}

void SessionJournal::onEventsAppended(Journal *)
{
    if (!m_timer.isActive())
        m_timer.start();
}

void SessionJournal::writePending(Journal &journal, bool wait)
{
    if (journal.finished)
        return;
    const bool work
        = journal.largeLine.valid() || (journal.connection && journal.written < journal.connection->events().size());
    if (!work || !reopenFile(journal))
        return; // nothing to write: a parked file stays closed
    // One reused buffer written every 256 KiB: a flood's quarter second is tens of MB, and building it as one
    // fresh array cost more in page faults and re-allocation copies than formatting the lines.
    QByteArray &batch = m_buffer;
    batch.resize(0); // keeps the capacity
    batch.reserve(kWriteChunk + 64 * 1024);
    auto writeBatch = [&] {
        if (journal.file->write(batch) == batch.size()) {
            m_bytesSinceCap += batch.size();
            batch.resize(0);
            return true;
        }
        m_error = tr("Writing the session journal %1 failed: %2")
                      .arg(journal.file->fileName(), journal.file->errorString());
        journal.finished = true; // a full disk must not cost the capture: stop journaling this one
        closeFile(journal);
        return false;
    };
    if (journal.largeLine.valid()) {
        if (!wait && journal.largeLine.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return;
        batch = journal.largeLine.get();
        if (!writeBatch())
            return;
        ++journal.written;
    }
    if (!journal.connection)
        return;
    const Connection &c = *journal.connection;
    const EventStore &store = c.events();
    const qsizetype total = store.size();
    for (qsizetype i = journal.written; i < total; ++i) {
        const EventRecord &r = store.at(i);
        if (r.type == EventType::Message && r.payloadSize > kLargeMessage) {
            if (!writeBatch())
                return;
            journal.written = i;
            // The worker gets copies: the store may grow (and move) while it formats.
            journal.largeLine
                = std::async(std::launch::async, [id = c.id(), record = r, payload = store.payloadCopy(i)] {
                      return SessionLogWriter::messageLine(id, record, payload);
                  });
            if (!wait)
                return; // the timer picks it up when it is ready
            batch = journal.largeLine.get();
            if (!writeBatch())
                return;
            journal.written = i + 1;
            continue;
        }
        batch += SessionLogWriter::eventLine(c, i);
        if (batch.size() >= kWriteChunk && !writeBatch())
            return;
        if (!wait && (i - journal.written) % kSliceCheckEvents == kSliceCheckEvents - 1 && m_slice.hasExpired()
            && i + 1 < total) {
            if (!batch.isEmpty() && !writeBatch())
                return;
            journal.written = i + 1;
            Q_EMIT flushed(journal.connection, journal.written);
            m_continueTimer.start(); // the rest on the next turn of the event loop
            return;
        }
    }
    if (!batch.isEmpty() && !writeBatch())
        return;
    if (journal.written < total) {
        journal.written = total;
        Q_EMIT flushed(journal.connection, total);
    }
}

void SessionJournal::flush()
{
    for (const auto &j : m_journals) {
        writePending(*j, true);
        closeIfDone(*j);
        parkFile(*j);
    }
    if (std::none_of(m_journals.cbegin(), m_journals.cend(), [](const auto &j) { return !j->finished; }))
        m_timer.stop();
}

void SessionJournal::flushReady()
{
    m_slice = QDeadlineTimer(kSliceMs);
    bool anyLive = false;
    for (const auto &j : m_journals) {
        writePending(*j, false);
        closeIfDone(*j);
        parkFile(*j);
        anyLive = anyLive || !j->finished;
    }
    m_slice = QDeadlineTimer(QDeadlineTimer::Forever);
    if (!anyLive)
        m_timer.stop();
}

void SessionJournal::closeIfDone(Journal &journal)
{
    if (!journal.finishing || journal.finished || journal.largeLine.valid())
        return;
    if (journal.connection && journal.written < journal.connection->events().size())
        return;
    journal.finished = true;
    closeFile(journal);
}

bool SessionJournal::reopenFile(Journal &journal)
{
    if (journal.file->isOpen())
        return true;
    if (!journal.file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        m_error
            = tr("Cannot write the session journal %1: %2").arg(journal.file->fileName(), journal.file->errorString());
        journal.finished = true;
        return false;
    }
    ++m_openFiles;
    return true;
}

void SessionJournal::parkFile(Journal &journal)
{
    // A large line still being formatted is written soon: keep its file open for it.
    if (m_openFiles > kMaxOpenFiles && !journal.largeLine.valid())
        closeFile(journal);
}

void SessionJournal::closeFile(Journal &journal)
{
    if (!journal.file->isOpen())
        return;
    journal.file->close();
    --m_openFiles;
}

void SessionJournal::finishJournal(Connection *connection)
{
    if (Journal *j = m_byConnection.value(connection); j && !j->finished) {
        j->finishing = true;
        // The end of a flood may find the journal millions of lines behind: those go out in slices too, and
        // the file is closed by the slice that writes the last one.
        m_slice = QDeadlineTimer(kSliceMs);
        writePending(*j, false);
        m_slice = QDeadlineTimer(QDeadlineTimer::Forever);
        closeIfDone(*j);
        parkFile(*j);
        if (!j->finished && !m_timer.isActive())
            m_timer.start(); // a large message is still being formatted
    }
    scheduleSizeCap();
}

QList<SessionJournal::SessionInfo> SessionJournal::listSessions() const
{
    QList<SessionInfo> sessions;
    const QDir dir(m_folder);
    const QFileInfoList files = dir.entryInfoList({ kPrefix + QLatin1Char('*') + kSuffix }, QDir::Files);
    for (const QFileInfo &fi : files) {
        SessionInfo info;
        info.filePath = fi.absoluteFilePath();
        info.size = fi.size();
        info.started = fi.lastModified().toUTC();
        for (const auto &j : m_journals)
            info.active = info.active || (!j->finished && QFileInfo(j->file->fileName()) == fi);
        // Only the head is read: the header line and, a few lines on, the first handshake_request.
        QFile file(info.filePath);
        if (file.open(QIODevice::ReadOnly)) {
            for (int line = 0; line < 16 && !file.atEnd(); ++line) {
                const QJsonObject o = QJsonDocument::fromJson(file.readLine(256 * 1024)).object();
                if (line == 0) {
                    const QDateTime t
                        = QDateTime::fromString(o.value(QLatin1String("t")).toString(), Qt::ISODateWithMs);
                    if (t.isValid())
                        info.started = t.toUTC();
                }
                if (o.value(QLatin1String("event")).toString() == QLatin1String("handshake_request")) {
                    info.firstUrl = o.value(QLatin1String("url")).toString();
                    break;
                }
            }
        }
        sessions << info;
    }
    std::sort(sessions.begin(), sessions.end(), [](const SessionInfo &a, const SessionInfo &b) {
        return a.started != b.started ? a.started > b.started : a.filePath > b.filePath;
    });
    return sessions;
}

std::vector<std::unique_ptr<Connection>> SessionJournal::reopen(
    const QString &filePath, QString *error, QStringList *notes)
{
    SessionLogReader reader;
    const bool ok = reader.readFile(filePath);
    if (error)
        *error = ok ? QString() : reader.errorString();
    if (notes)
        *notes = reader.notes();
    return ok ? reader.takeConnections() : std::vector<std::unique_ptr<Connection>>();
}

int SessionJournal::enforceSizeCap()
{
    m_sinceCap.start();
    if (m_maxTotalBytes <= 0)
        return 0;
    // Sizes and names only (no file is opened): names start with the UTC time, so name order is age order.
    const QFileInfoList files
        = QDir(m_folder).entryInfoList({ kPrefix + QLatin1Char('*') + kSuffix }, QDir::Files, QDir::Name);
    qint64 total = 0;
    for (const QFileInfo &fi : files)
        total += fi.size();
    m_bytesSinceCap = 0;
    m_totalAtCap = total;
    if (total <= m_maxTotalBytes)
        return 0;
    // One set of the files being written, not a walk over every journal per file: thousands of each are usual.
    QSet<QString> active;
    for (const auto &j : m_journals) {
        if (!j->finished)
            active.insert(QFileInfo(j->file->fileName()).absoluteFilePath());
    }
    int deleted = 0;
    for (const QFileInfo &fi : files) {
        if (total <= m_maxTotalBytes)
            break;
        if (active.contains(fi.absoluteFilePath()))
            continue;
        if (QFile::remove(fi.absoluteFilePath())) {
            total -= fi.size();
            m_totalAtCap = total;
            ++deleted;
        }
    }
    return deleted;
}

} // namespace wsi
