// BulkMemory: uninitialized memory blocks for the bulk of a recording (records, payload chunks).
#include "store/bulkmemory.h"

#include "store/bulkmemorypool.h"

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
// a huge page (when it has one free and huge pages are on for everyone), and mmap promises 4 KiB alignment.
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
    // No MADV_HUGEPAGE. With the kernel's usual defrag=madvise, an advised range is given a whole huge page
    // on its first touch, compacted for if need be, and on this kind of VM fresh huge pages are slow: 430 MB/s
    // of first touches against 3,000 MB/s for plain pages (a 1 GiB probe), and the test server's
    // 100-connection echo flood went from 1.26-1.32 to 1.85-1.89 M messages/s without the advice
    // (docs/architecture.md). Where huge pages are on for everyone, the aligned span still gets free ones.
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
        std::size_t pooledSize = 0;
        if (char *pooled = BulkMemoryPool::instance().take(rounded, &pooledSize)) {
            m_data = pooled;
            m_size = pooledSize;
            m_mapped = true;
            return;
        }
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
        BulkMemoryPool::instance().give(m_data, m_size);
        m_data = nullptr;
        return;
    }
#endif
    std::free(m_data);
    m_data = nullptr;
}

} // namespace wsi
