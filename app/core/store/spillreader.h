// SpillReader: reads spilled chunks and record blocks back on a thread of its own, for readers that can wait.
#pragma once

#include "store/bulkmemory.h"

#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace wsi {

class SpillWriter;

// A reader that walks a recording in order and can come back later (the session journal's collection) should not
// read a spilled 10 MiB record block or 8 MiB payload chunk back on the GUI thread: that took 30-46 ms of the GUI
// thread's CPU (up to 230 ms of wall time) in one turn during a 10 M message flood, past the window manager's 50 ms
// ping (issue 12). Such a reader asks for a Fetch instead: this thread reads the bytes (from the spill writer's queue
// while they wait there, else from the file) into memory of its own, and the chunk's owner takes that memory in on
// its own thread once done() says so. The spill file's places are never reused (a released range reads as zeros), so
// a fetch outliving its owner reads nothing of anyone else's; its memory goes with the last reference.
class SpillReader
{
public:
    struct Fetch
    {
        enum State { Waiting, Done, Failed };
        Fetch(qint64 offset, qint64 size)
            : offset(offset)
            , size(size)
        { }
        const qint64 offset;
        const qint64 size;
        // Written by the reader's thread before state leaves Waiting; the owner's to take after that.
        BulkMemory memory;
        std::atomic<int> state { Waiting };
        bool finished() const { return state.load(std::memory_order_acquire) != Waiting; }
        bool succeeded() const { return state.load(std::memory_order_acquire) == Done; }
    };

    explicit SpillReader(const SpillWriter &writer);
    // Stops after the read in progress; fetches still queued stay Waiting (their owners read in place, if ever).
    ~SpillReader();
    SpillReader(const SpillReader &) = delete;
    SpillReader &operator=(const SpillReader &) = delete;

    // The PayloadCache's reader, made on first use (after the cache's writer, so it stops before it).
    static SpillReader &ofPayloadCache();

    // Queues reading `size` bytes at `offset` of the spill file.
    std::shared_ptr<Fetch> fetch(qint64 offset, qint64 size);
    // Fetches read so far (whatever became of them), and bytes.
    qint64 readCount() const { return m_reads.load(std::memory_order_relaxed); }
    qint64 readBytes() const { return m_readBytes.load(std::memory_order_relaxed); }
    // For tests: blocks until every fetch queued so far is finished.
    void waitUntilIdle();

private:
    void run();

    const SpillWriter &m_writer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<std::shared_ptr<Fetch>> m_queue;
    bool m_busy = false;
    bool m_stop = false;
    std::atomic<qint64> m_reads { 0 };
    std::atomic<qint64> m_readBytes { 0 };
    std::thread m_thread; // last: started once the rest is set up
};

} // namespace wsi
