// BulkMemory: uninitialized memory blocks for the bulk of a recording (records, payload chunks).
#pragma once

#include <cstddef>

namespace wsi {

// Uninitialized memory for the bulk of a recording: event records and payload chunks, which a flood fills
// at a hundred megabytes per second. Blocks of 2 MiB or more are mappings of their own, aligned to 2 MiB
// (so the kernel can use huge pages where they are on for everyone and free) and recycled when freed
// (BulkMemoryPool: a new block takes a freed one's pages, already faulted in, else the pool unmaps it); they
// are deliberately not advised for huge pages, because an advised range waits for memory compaction on
// its first touch (see bulkmemory.cpp). Smaller blocks come from malloc, so that a small recording (an idle
// client of the test server) stays small.
class BulkMemory
{
public:
    static constexpr std::size_t kHugePageSize = std::size_t(2) << 20;

    BulkMemory() = default;
    // Throws std::bad_alloc when the memory cannot be had. The contents are unspecified.
    explicit BulkMemory(std::size_t bytes);
    ~BulkMemory();
    BulkMemory(BulkMemory &&other) noexcept;
    BulkMemory &operator=(BulkMemory &&other) noexcept;
    BulkMemory(const BulkMemory &) = delete;
    BulkMemory &operator=(const BulkMemory &) = delete;

    char *data() const { return m_data; }
    // At least what was asked for (a mapped block is rounded up to whole 2 MiB, a recycled one up to twice that).
    std::size_t size() const { return m_size; }
    // Mapped on its own and 2 MiB aligned (else it came from malloc).
    bool isMapped() const { return m_mapped; }

private:
    void release();

    char *m_data = nullptr;
    std::size_t m_size = 0;
    bool m_mapped = false;
};

} // namespace wsi
