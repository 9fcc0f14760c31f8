#include "bulkmemory.h"

#include <QtGlobal>

#include <cstdint>
#include <cstdlib>
#include <new>
#include <utility>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace wsi {

namespace {

#ifdef Q_OS_LINUX
// An anonymous mapping trimmed to a 2 MiB-aligned span: the kernel can only back aligned 2 MiB ranges with
// a huge page, and mmap itself promises 4 KiB alignment only.
char *mapHugePageAligned(std::size_t size)
{
    const std::size_t span = size + BulkMemory::kHugePageSize;
    void *raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return nullptr;
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (start + BulkMemory::kHugePageSize - 1) & ~(BulkMemory::kHugePageSize - 1);
    if (aligned > start)
        munmap(raw, aligned - start);
    const std::uintptr_t end = aligned + size;
    if (start + span > end)
        munmap(reinterpret_cast<void *>(end), start + span - end);
#ifdef MADV_HUGEPAGE
    // Advice only: with huge pages off or none free, the span is still ordinary memory.
    madvise(reinterpret_cast<void *>(aligned), size, MADV_HUGEPAGE);
#endif
    return reinterpret_cast<char *>(aligned);
}
#endif

} // namespace

BulkMemory::BulkMemory(std::size_t bytes)
{
    if (bytes == 0)
        return;
#ifdef Q_OS_LINUX
    if (bytes >= kHugePageSize) {
        const std::size_t rounded = (bytes + kHugePageSize - 1) & ~(kHugePageSize - 1);
        m_data = mapHugePageAligned(rounded);
        if (!m_data)
            throw std::bad_alloc();
        m_size = rounded;
        m_mapped = true;
        return;
    }
#endif
    m_data = static_cast<char *>(std::malloc(bytes));
    if (!m_data)
        throw std::bad_alloc();
    m_size = bytes;
}

BulkMemory::~BulkMemory()
{
    release();
}

BulkMemory::BulkMemory(BulkMemory &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_mapped(std::exchange(other.m_mapped, false))
{ }

BulkMemory &BulkMemory::operator=(BulkMemory &&other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_mapped = std::exchange(other.m_mapped, false);
    }
    return *this;
}

void BulkMemory::release()
{
    if (!m_data)
        return;
#ifdef Q_OS_LINUX
    if (m_mapped) {
        munmap(m_data, m_size);
        m_data = nullptr;
        return;
    }
#endif
    std::free(m_data);
    m_data = nullptr;
}

} // namespace wsi
