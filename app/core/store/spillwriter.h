// SpillWriter: writes evicted chunks to the spill file on a thread of its own, and frees them there.
#pragma once

#include "store/bulkmemory.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace wsi {

class DiskBacklog;

// Writing a full 8-10 MiB chunk or record block to the spill file took about 20 ms on this kind of VM (the page
// cache takes some 500 MB/s), and a turn of the event loop could evict two: the window missed the window
// manager's 50 ms ping deadline during a flood (issue 12). So the cache only reserves the chunk's place in the file
// and queues it (write()), the chunk's owner hands its memory over (adopt()), and this thread writes it with pwrite()
// and frees it. Until then the chunk's bytes are read from here, so a reader never waits for the disk nor sees a
// hole. A write that fails keeps its bytes in RAM, readable, and says so (failed()): the cache then stops evicting,
// as it did when writing in place failed.
//
// Page-aligned bytes (mapped chunks and record blocks, nearly all of them) go to the disk with O_DIRECT, through a
// second descriptor of the same file: copying them into the page cache cost the recording server 25-40% of its core
// at 10 x 64 KiB echo (~180 MB/s spilled), a direct write of 8 MiB some 5-10% of that copy (issue 12). The cache
// reads them back seldom, so caching them bought little. The rest, and any file system that refuses O_DIRECT, is
// written through the page cache as before.
class SpillWriter
{
public:
    // Direct writes need page-aligned offsets and lengths: the cache places every write at a multiple of this, and
    // a direct write takes the whole pages and leaves the last part of a page to the page cache.
    static constexpr qint64 kAlignment = 4096;
    // The place `size` bytes take in the spill file: where the next write may start.
    static constexpr qint64 placeFor(qint64 size) { return (size + kAlignment - 1) / kAlignment * kAlignment; }

    // The bytes of one chunk and the memory they live in (one of the two), freed once written.
    struct Bytes
    {
        BulkMemory memory;
        QByteArray adopted;
        const char *data() const { return memory.data() ? memory.data() : adopted.constData(); }
    };

    // fd: the spill file, open for reading and writing, owned by the caller and open for this writer's life.
    // backlog: told what this writer holds as it changes (the PayloadCache's writer tells the app's), or null.
    explicit SpillWriter(int fd, DiskBacklog *backlog = nullptr);
    // Stops after the write in progress; what is still queued is dropped (the file is unlinked: nobody reads it).
    ~SpillWriter();
    SpillWriter(const SpillWriter &) = delete;
    SpillWriter &operator=(const SpillWriter &) = delete;

    // The PayloadCache's writer, made with its spill file; null before the cache's first spill.
    static SpillWriter *ofPayloadCache();

    // Queues `size` bytes at `data` for `offset`. They are read where they are: their memory must stay until it is
    // handed over with adopt(), right after, on the same thread.
    void write(qint64 offset, qint64 size, const char *data);
    // Takes the memory of the bytes queued for `offset` (write() was called for it): freed once they are written.
    void adopt(qint64 offset, Bytes bytes);
    // Gives a range back to the disk (a hole in a sparse file) once what is queued before it is written.
    void release(qint64 offset, qint64 size);
    // Bytes written before: from the queue while they wait, else from the file. False if the file cannot give them.
    bool read(qint64 offset, char *into, qint64 size) const;

    // Bytes handed over and not written yet (still in RAM), failed writes' bytes included.
    qint64 heldBytes() const;
    // Blocks until at most `bytes` wait to be written (returns at once if a write failed or the writer is paused):
    // the last resort for a flood recorded faster than the disk takes it by producers that do not hold back for the
    // DiskBacklog.
    void waitUntilHeldAtMost(qint64 bytes);
    // Tells the backlog what is held again: its mark changed (a new budget), and the writer may have nothing left to
    // write that would tell it.
    void noteBacklogMarkChanged();
    bool failed() const;
    QString errorString() const; // the system's words for the first failed write
    // Bytes written with O_DIRECT so far; 0 where the file system or the descriptor refuses it.
    qint64 directBytes() const;

    // For tests: holds the thread back, so that reads of queued bytes can be checked; and waits until all is written.
    void pause();
    void resume();
    void waitUntilIdle();

private:
    struct Job
    {
        qint64 offset = 0;
        qint64 size = 0;
        const char *data = nullptr; // null for a release
        Bytes bytes; // where data lives, once adopted (a memory that outlived its write is freed as a job of its own)
        bool release = false;
    };
    void run();
    // Tells m_backlog what is held (under m_mutex); true when it caught up, to be announced once unlocked.
    bool noteHeld();
    bool writeAll(const Job &job, QString *error);
    qint64 writeDirect(const Job &job, QString *error);
    static int openDirect(int fd);
    static Job *covering(std::deque<Job> &jobs, qint64 offset, qint64 size);

    const int m_fd;
    DiskBacklog *const m_backlog;
    int m_directFd = -1; // the same file opened with O_DIRECT, or -1; only the writer's thread uses it
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    // Oldest first; the one being written stays at the front until it is written. A mutable member: read() const
    // looks jobs up through the same function that adopt() uses.
    mutable std::deque<Job> m_queue;
    mutable std::deque<Job> m_kept; // failed writes: their bytes stay in RAM
    qint64 m_heldBytes = 0;
    bool m_busy = false;
    bool m_paused = false;
    bool m_stop = false;
    bool m_failed = false;
    std::atomic<qint64> m_directBytes { 0 };
    QString m_error;
    std::thread m_thread; // last: started once the rest is set up
};

} // namespace wsi
