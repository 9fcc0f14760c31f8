// SpillWriter: writes evicted chunks to the spill file on a thread of its own, and frees them there.
#include "store/spillwriter.h"

#include "store/diskbacklog.h"
#include "store/workerpriority.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace wsi {

SpillWriter::SpillWriter(int fd, DiskBacklog *backlog)
    : m_fd(fd)
    , m_backlog(backlog)
    , m_directFd(openDirect(fd))
    , m_thread([this] { run(); })
{ }

int SpillWriter::openDirect(int fd)
{
#if defined(Q_OS_LINUX) && defined(O_DIRECT)
    // Never more than the caller's descriptor allows: reopening through /proc checks only the file's permissions.
    const int mode = fcntl(fd, F_GETFL);
    if (mode < 0 || (mode & O_ACCMODE) == O_RDONLY)
        return -1;
    // A descriptor of its own: O_DIRECT set on the caller's would apply to its reads too (and to every dup of it).
    char path[64];
    std::snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    return ::open(path, O_WRONLY | O_DIRECT | O_CLOEXEC); // -1 where /proc or the file system refuses
#else
    Q_UNUSED(fd);
    return -1;
#endif
}

SpillWriter::~SpillWriter()
{
    bool caughtUp = false;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
        caughtUp = m_backlog && m_backlog->giveUp(); // what is queued is dropped: nobody may wait for it
    }
    if (caughtUp)
        m_backlog->announceCaughtUp();
    m_wake.notify_all();
    m_thread.join();
    if (m_directFd >= 0)
        ::close(m_directFd);
}

void SpillWriter::write(qint64 offset, qint64 size, const char *data)
{
    bool caughtUp = false;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(Job { offset, size, data, Bytes(), false });
        m_heldBytes += size;
        caughtUp = noteHeld(); // false but after a new mark: more held can only put it behind
    }
    if (caughtUp)
        m_backlog->announceCaughtUp();
    m_wake.notify_one();
}

bool SpillWriter::noteHeld()
{
    if (!m_backlog)
        return false;
    // A failed write's bytes stay held for good, and a stopped writer writes nothing more: producers held back for
    // them would never read again.
    return m_failed || m_stop ? m_backlog->giveUp() : m_backlog->noteHeld(m_heldBytes);
}

void SpillWriter::noteBacklogMarkChanged()
{
    bool caughtUp = false;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        caughtUp = noteHeld();
    }
    if (caughtUp)
        m_backlog->announceCaughtUp();
}

void SpillWriter::adopt(qint64 offset, Bytes bytes)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        Job *job = covering(m_queue, offset, 1);
        if (!job)
            job = covering(m_kept, offset, 1);
        if (job && job->offset == offset) {
            job->bytes = std::move(bytes);
            return;
        }
        // Written already: the memory is freed on this thread's turn too, behind what is queued.
        m_queue.push_back(Job { offset, 0, nullptr, std::move(bytes), false });
    }
    m_wake.notify_one();
}

void SpillWriter::release(qint64 offset, qint64 size)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(Job { offset, size, nullptr, Bytes(), true });
    }
    m_wake.notify_one();
}

SpillWriter::Job *SpillWriter::covering(std::deque<Job> &jobs, qint64 offset, qint64 size)
{
    // Newest first: a range written again after a release (never done today) would be the later job.
    for (auto it = jobs.rbegin(); it != jobs.rend(); ++it) {
        if (it->data && offset >= it->offset && offset + size <= it->offset + it->size)
            return &*it;
    }
    return nullptr;
}

bool SpillWriter::read(qint64 offset, char *into, qint64 size) const
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        const Job *job = covering(m_queue, offset, size);
        if (!job)
            job = covering(m_kept, offset, size);
        if (job) {
            std::memcpy(into, job->data + (offset - job->offset), size_t(size));
            return true;
        }
    }
    // Not queued, so written: a job leaves the queue only after its pwrite() returned.
    qint64 done = 0;
    while (done < size) {
        const ssize_t got = pread(m_fd, into + done, size_t(size - done), off_t(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        done += got;
    }
    return true;
}

qint64 SpillWriter::heldBytes() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_heldBytes;
}

bool SpillWriter::failed() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_failed;
}

QString SpillWriter::errorString() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_error;
}

void SpillWriter::pause()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_paused = true;
}

void SpillWriter::resume()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_paused = false;
    }
    m_wake.notify_one();
}

void SpillWriter::waitUntilIdle()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_idle.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

void SpillWriter::waitUntilHeldAtMost(qint64 bytes)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    // A failed write's bytes stay held for good, and a paused writer (a test) writes nothing: neither is waited for.
    m_idle.wait(lock, [&] { return m_heldBytes <= bytes || m_failed || m_paused || m_stop; });
}

qint64 SpillWriter::directBytes() const
{
    return m_directBytes.load(std::memory_order_relaxed);
}

qint64 SpillWriter::writeDirect(const Job &job, QString *error)
{
    if (m_directFd < 0 || job.offset % kAlignment != 0 || quintptr(job.data) % kAlignment != 0)
        return 0;
    // Whole pages only; the last part of a page goes through the page cache. Rounding up read past the chunk: a small
    // chunk is malloc's, and the rest of its last page is other objects' memory, which other threads may be writing
    // or have freed (ThreadSanitizer: a heap-use-after-free in tst_diskbacklog).
    const qint64 length = job.size / kAlignment * kAlignment;
    qint64 done = 0;
    while (done < length) {
        const ssize_t wrote = pwrite(m_directFd, job.data + done, size_t(length - done), off_t(job.offset + done));
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote < 0 && errno == EINVAL) {
            // The file system opened it but takes no direct writes (or not at this alignment): the page cache it is.
            ::close(m_directFd);
            m_directFd = -1;
            break;
        }
        if (wrote <= 0) {
            *error = QString::fromLocal8Bit(std::strerror(wrote < 0 ? errno : ENOSPC));
            return -1;
        }
        done += wrote;
        m_directBytes.fetch_add(wrote, std::memory_order_relaxed);
        if (done % kAlignment != 0)
            break; // a short write: the rest goes through the page cache
    }
    return done;
}

bool SpillWriter::writeAll(const Job &job, QString *error)
{
    qint64 done = writeDirect(job, error);
    if (done < 0)
        return false;
    while (done < job.size) {
        const ssize_t wrote = pwrite(m_fd, job.data + done, size_t(job.size - done), off_t(job.offset + done));
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0) {
            *error = QString::fromLocal8Bit(std::strerror(wrote < 0 ? errno : ENOSPC));
            return false;
        }
        done += wrote;
    }
    return true;
}

void SpillWriter::run()
{
    WorkerPriority::applyToThisWorker();
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || (!m_paused && !m_queue.empty()); });
        if (m_stop)
            return;
        m_busy = true;
        // The front job stays queued (and readable) while it is written; nothing else removes it.
        const Job &job = m_queue.front();
        lock.unlock();
        QString error;
        bool written = true;
        if (job.release) {
#ifdef Q_OS_LINUX
            // The space goes back to the disk; the file keeps its size (offsets stay valid) as a sparse file.
            fallocate(m_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, off_t(job.offset), off_t(job.size));
#endif
        } else if (job.data) {
            written = writeAll(job, &error);
        }
        lock.lock();
        Job finished = std::move(m_queue.front());
        m_queue.pop_front();
        if (finished.release) {
            // A failed write's bytes are let go with their range.
            for (auto it = m_kept.begin(); it != m_kept.end();) {
                if (it->offset >= finished.offset && it->offset + it->size <= finished.offset + finished.size) {
                    m_heldBytes -= it->size;
                    it = m_kept.erase(it);
                } else {
                    ++it;
                }
            }
        } else if (written) {
            m_heldBytes -= finished.size;
            // Freed outside the lock (unmapping 10 MiB is not nothing, and readers may be waiting); a memory not
            // adopted yet is freed when it is (a job of its own).
            lock.unlock();
            finished = Job();
            lock.lock();
        } else {
            if (!m_failed)
                m_error = error;
            m_failed = true;
            m_kept.push_back(std::move(finished));
        }
        m_busy = false;
        m_idle.notify_all(); // waitUntilIdle() and waitUntilHeldAtMost()
        if (noteHeld()) {
            // Announced unlocked: a queued emission takes Qt's locks and wakes the producers' threads.
            lock.unlock();
            m_backlog->announceCaughtUp();
            lock.lock();
        }
    }
}

} // namespace wsi
