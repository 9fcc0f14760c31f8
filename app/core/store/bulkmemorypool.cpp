// BulkMemoryPool: the app's recycled mapped memory blocks, so that a flood's new chunks reuse faulted-in pages.
#include "store/bulkmemorypool.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace wsi {

BulkMemoryPool &BulkMemoryPool::instance()
{
    // Never destroyed: blocks freed by static destructors after it would find it gone.
    static BulkMemoryPool *pool = new BulkMemoryPool();
    return *pool;
}

char *BulkMemoryPool::take(std::size_t bytes, std::size_t *size)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    auto best = m_blocks.end();
    for (auto it = m_blocks.begin(); it != m_blocks.end(); ++it) {
        if (it->size >= bytes && it->size <= 2 * bytes && (best == m_blocks.end() || it->size < best->size))
            best = it;
    }
    if (best == m_blocks.end())
        return nullptr;
    char *data = best->data;
    *size = best->size;
    m_bytes -= best->size;
    m_blocks.erase(best);
    return data;
}

void BulkMemoryPool::give(char *data, std::size_t size)
{
    std::vector<Block> dropped;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_blocks.push_back(Block { data, size });
        m_bytes += size;
        dropped = takeOverCapacity();
    }
    unmap(dropped); // outside the lock: unmapping 8 MiB is not nothing
}

void BulkMemoryPool::setCapacity(std::size_t bytes)
{
    std::vector<Block> dropped;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_capacity = qMin(bytes, kCapacity);
        dropped = takeOverCapacity();
    }
    unmap(dropped);
}

std::size_t BulkMemoryPool::capacity() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_capacity;
}

std::vector<BulkMemoryPool::Block> BulkMemoryPool::takeOverCapacity()
{
    // The oldest go first: a flood's first chunks are small (they double up to 8 MiB), and a pool kept full of
    // them would turn every later, larger block away.
    std::vector<Block> dropped;
    while (m_bytes > m_capacity) {
        dropped.push_back(m_blocks.front());
        m_bytes -= m_blocks.front().size;
        m_blocks.erase(m_blocks.begin());
    }
    return dropped;
}

std::size_t BulkMemoryPool::pooledBytes() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_bytes;
}

std::size_t BulkMemoryPool::pooledBlocks() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_blocks.size();
}

void BulkMemoryPool::clear()
{
    std::vector<Block> blocks;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        blocks.swap(m_blocks);
        m_bytes = 0;
    }
    unmap(blocks);
}

void BulkMemoryPool::unmap(const std::vector<Block> &blocks)
{
#ifdef Q_OS_LINUX
    for (const Block &block : blocks)
        munmap(block.data, block.size);
#else
    Q_UNUSED(blocks);
#endif
}

} // namespace wsi
