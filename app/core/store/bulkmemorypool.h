// BulkMemoryPool: the app's recycled mapped memory blocks, so that a flood's new chunks reuse faulted-in pages.
#pragma once

#include <cstddef>
#include <mutex>
#include <vector>

namespace wsi {

// Every mapped BulkMemory block that is freed comes here first, and every new one is taken from here when a block
// of about its size waits: a recording flood fills a chunk, the cache evicts an older one to the spill file, and
// the next chunk takes the evicted chunk's pages. On this kind of VM a first touch of fresh pages runs at about
// 350 MB/s against some 17 GB/s into pages already faulted in; the test server's echo of 10 connections x 64 KiB
// spent half its time in page faults before (issue 12). The pool keeps the blocks freed last, at most capacity()
// bytes (two of the largest blocks, 8 MiB payload chunks and 10 MiB record blocks), and unmaps older ones, so
// what it adds to the app's memory is bounded. Thread-safe: the spill writer frees chunks on its own thread.
class BulkMemoryPool
{
public:
    static constexpr std::size_t kCapacity = std::size_t(20) << 20;

    static BulkMemoryPool &instance();

    // At most kCapacity. The PayloadCache lowers it with a small budget, which must cover the pool as well; a lower
    // capacity unmaps what is over it at once.
    void setCapacity(std::size_t bytes);
    std::size_t capacity() const;

    // A pooled block of at least `bytes` and at most twice that (a small request must not pin a large block):
    // the smallest such, removed from the pool, its size in *size; null when none fits.
    char *take(std::size_t bytes, std::size_t *size);
    // Takes a mapped block over (one that BulkMemory mapped): pooled, and when the pool is over its capacity the
    // blocks pooled longest ago are unmapped.
    void give(char *data, std::size_t size);

    std::size_t pooledBytes() const;
    std::size_t pooledBlocks() const;
    // Unmaps every pooled block (tests; an app that wants its memory back after a flood).
    void clear();

private:
    BulkMemoryPool() = default;
    struct Block
    {
        char *data;
        std::size_t size;
    };
    static void unmap(const std::vector<Block> &blocks);
    // The blocks pooled longest ago, while the pool holds more than its capacity (under the lock).
    std::vector<Block> takeOverCapacity();
    mutable std::mutex m_mutex;
    std::vector<Block> m_blocks;
    std::size_t m_bytes = 0;
    std::size_t m_capacity = kCapacity;
};

} // namespace wsi
