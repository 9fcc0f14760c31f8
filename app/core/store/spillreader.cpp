// SpillReader: reads spilled chunks and record blocks back on a thread of its own, for readers that can wait.
#include "store/spillreader.h"

#include "store/spillwriter.h"
#include "store/workerpriority.h"

#include <new>

namespace wsi {

SpillReader::SpillReader(const SpillWriter &writer)
    : m_writer(writer)
    , m_thread([this] { run(); })
{ }

SpillReader::~SpillReader()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

std::shared_ptr<SpillReader::Fetch> SpillReader::fetch(qint64 offset, qint64 size)
{
    auto fetch = std::make_shared<Fetch>(offset, size);
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(fetch);
    }
    m_wake.notify_one();
    return fetch;
}

void SpillReader::waitUntilIdle()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_idle.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

void SpillReader::run()
{
    WorkerPriority::applyToThisWorker();
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_stop)
            return;
        std::shared_ptr<Fetch> fetch = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        // Its owner may be gone (the last reference is this one): nobody would take the bytes.
        if (fetch.use_count() > 1) {
            bool read = false;
            try {
                // Faulted in here, as the bytes are copied: none of that on the owner's thread.
                fetch->memory = BulkMemory(std::size_t(fetch->size));
                read = m_writer.read(fetch->offset, fetch->memory.data(), fetch->size);
            } catch (const std::bad_alloc &) {
                read = false;
            }
            if (!read)
                fetch->memory = BulkMemory();
            m_reads.fetch_add(1, std::memory_order_relaxed);
            m_readBytes.fetch_add(read ? fetch->size : 0, std::memory_order_relaxed);
            fetch->state.store(read ? Fetch::Done : Fetch::Failed, std::memory_order_release);
        }
        fetch.reset(); // an orphan's memory is freed here, outside the lock
        lock.lock();
        m_busy = false;
        m_idle.notify_all();
    }
}

} // namespace wsi
