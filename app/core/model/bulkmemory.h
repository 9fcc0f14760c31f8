#pragma once

#include <cstddef>

namespace wsi {

// Uninitialized memory for the bulk of a recording: event records and payload chunks, which a flood fills
// at tens of megabytes per second. Blocks of 2 MiB or more are aligned to 2 MiB and advised as transparent
// huge pages, so that filling them costs one page fault per 2 MiB instead of one per 4 KiB: on this kind
// of VM each fault is expensive, and faults on fresh event memory were a quarter of the local test
// server's time under an echo flood. Smaller blocks come from malloc, so that a small recording (an idle
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
    // At least what was asked for (a huge-page block is rounded up to whole huge pages).
    std::size_t size() const { return m_size; }
    // Mapped on its own, 2 MiB aligned, advised for huge pages (whether the kernel grants them is its call).
    bool isHugePageBacked() const { return m_mapped; }

private:
    void release();

    char *m_data = nullptr;
    std::size_t m_size = 0;
    bool m_mapped = false;
};

} // namespace wsi
