// SpillWriter: writes evicted chunks to the spill file on a thread of its own, and frees them there.
#pragma once

#include "store/bulkmemory.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace wsi {

// Writing a full 8-10 MiB chunk or record block to the spill file took about 20 ms on this kind of VM (the page
// cache takes some 500 MB/s), and a turn of the event loop could evict two: the window missed the window
// manager's 50 ms ping deadline during a flood (issue 12). So the cache only reserves the chunk's place in the file
// and queues it (write()), the chunk's owner hands its memory over (adopt()), and this thread writes it with pwrite()
// and frees it. Until then the chunk's bytes are read from here, so a reader never waits for the disk nor sees a
// hole. A write that fails keeps its bytes in RAM, readable, and says so (failed()): the cache then stops evicting,
// as it did when writing in place failed.
class SpillWriter
{
public:
    // The bytes of one chunk and the memory they live in (one of the two), freed once written.
    struct Bytes
    {
        BulkMemory memory;
        QByteArray adopted;
        const char *data() const { return memory.data() ? memory.data() : adopted.constData(); }
    };

    // fd: the spill file, open for reading and writing, owned by the caller and open for this writer's life.
    explicit SpillWriter(int fd);
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
    // a flood recorded faster than the disk takes it must wait for the disk, not pile up in RAM.
    void waitUntilHeldAtMost(qint64 bytes);
    bool failed() const;
    QString errorString() const; // the system's words for the first failed write

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
    bool writeAll(const Job &job, QString *error) const;
    static Job *covering(std::deque<Job> &jobs, qint64 offset, qint64 size);

    const int m_fd;
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
    QString m_error;
    std::thread m_thread; // last: started once the rest is set up
};

} // namespace wsi
