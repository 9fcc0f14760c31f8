// JournalWriter: the session journal's writer thread: formats records into session log lines and appends them.
#include "files/journalwriter.h"

#include "files/forwardedpayloads.h"
#include "store/workerpriority.h"

#include <QFile>

namespace wsi {

namespace {

constexpr qsizetype kWriteChunk = 256 * 1024;
// Journal files kept open between writes. The rest are reopened (append) for each write and closed after it:
// 10,000 idle test-server clients each holding a file as well as a socket ran the process out of descriptors.
constexpr int kMaxOpenFiles = 128;

} // namespace

struct JournalWriter::OpenFile
{
    QFile file;
    bool failed = false;
};

JournalWriter::JournalWriter(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<wsi::JournalWriter::Failure>();
    m_thread = std::thread([this] { run(); });
}

JournalWriter::~JournalWriter()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void JournalWriter::post(Batch &&batch)
{
    m_queuedBytes.fetch_add(batch.cost(), std::memory_order_relaxed);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(std::move(batch));
    }
    m_wake.notify_one();
}

void JournalWriter::remove(const QStringList &paths)
{
    Batch batch;
    batch.file = -1;
    batch.remove = paths;
    post(std::move(batch));
}

void JournalWriter::waitUntilIdle()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_progress.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

qsizetype JournalWriter::writtenCount(int file) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_written.value(file);
}

void JournalWriter::run()
{
    WorkerPriority::applyToThisWorker();
    for (;;) {
        Batch batch;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and everything posted is written
            batch = std::move(m_queue.front());
            m_queue.pop_front();
            m_busy = true;
        }
        writeBatch(batch);
        m_queuedBytes.fetch_sub(batch.cost(), std::memory_order_relaxed);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_busy = false;
        }
        m_progress.notify_all();
    }
}

void JournalWriter::writeBatch(Batch &batch)
{
    if (!batch.remove.isEmpty()) {
        // A file still open here (a finished journal's last lines) is unlinked all the same: its lines go nowhere.
        for (const QString &path : std::as_const(batch.remove))
            QFile::remove(path);
        return;
    }
    std::shared_ptr<OpenFile> &slot = m_files[batch.file];
    if (!slot) {
        slot = std::make_shared<OpenFile>();
        slot->file.setFileName(batch.path);
    }
    OpenFile &open = *slot;
    auto fail = [&](Failure failure) {
        open.failed = true;
        Q_EMIT failed(batch.file, failure, batch.path, open.file.errorString());
        if (open.file.isOpen()) {
            open.file.close();
            m_openFiles.fetch_sub(1, std::memory_order_relaxed);
        }
    };
    // SessionJournal wrote the header and created the file: it is only ever appended to. ExistingOnly: a
    // finished journal the size cap deleted while its last lines were queued is not created again.
    if (!open.failed && !batch.items.empty() && !open.file.isOpen()) {
        // Unbuffered: each write is one write() straight to the kernel, which keeps it even if we are killed.
        if (open.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered | QIODevice::ExistingOnly))
            m_openFiles.fetch_add(1, std::memory_order_relaxed);
        else
            fail(Failure::Open);
    }
    qint64 bytesWritten = 0;
    if (!open.failed && !batch.items.empty()) {
        // One reused buffer written every 256 KiB: a flood's quarter second is tens of MB, and building it as
        // one fresh array cost more in page faults and re-allocation copies than formatting the lines.
        QByteArray &buffer = m_buffer;
        buffer.resize(0); // keeps the capacity
        buffer.reserve(kWriteChunk + 64 * 1024);
        auto writeBuffer = [&] {
            if (open.file.write(buffer) != buffer.size()) {
                fail(Failure::Write); // a full disk must not cost the capture: stop journaling this one
                return false;
            }
            bytesWritten += buffer.size();
            buffer.resize(0);
            return true;
        };
        for (const Item &item : batch.items) {
            const QByteArrayView bytes(item.lent ? item.lent : batch.bytes.constData() + item.record.payloadOffset,
                qsizetype(item.record.payloadSize));
            const SessionLogWriter::LineContext &context = item.clientLeg ? batch.clientLegContext : batch.context;
            if (item.formatted) {
                buffer += bytes;
                // A marked message (formatted with its payload): still counted among its leg's messages.
                if (batch.forwarded && context.leg && item.record.type == EventType::Message)
                    batch.forwarded->nextLine(context.leg[0] == 'c', item.record, {}, true);
            } else {
                buffer += SessionLogWriter::recordLine(context, item.record, bytes, nullptr, batch.forwarded.get());
            }
            if (buffer.size() >= kWriteChunk && !writeBuffer())
                break;
        }
        if (!open.failed && !buffer.isEmpty())
            writeBuffer();
        if (buffer.capacity() > 4 * kWriteChunk)
            buffer = QByteArray(); // a huge message's line: do not keep its memory
    }
    if (!open.failed && !batch.items.empty()) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_written.insert(batch.file, batch.eventCount);
        }
        Q_EMIT written(batch.file, batch.eventCount, bytesWritten);
    }
    const bool park = m_openFiles.load(std::memory_order_relaxed) > kMaxOpenFiles;
    if (open.file.isOpen() && (batch.close || park)) {
        open.file.close();
        m_openFiles.fetch_sub(1, std::memory_order_relaxed);
    }
    // Its counts stay in m_written: writtenCount() may still ask.
    if (batch.close) {
        m_files.remove(batch.file);
        Q_EMIT closed(batch.file);
    }
}

} // namespace wsi
