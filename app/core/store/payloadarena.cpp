// PayloadArena: append-only payload bytes in large chunks, addressed by offset.
#include "store/payloadarena.h"

#include "store/spillwriter.h"

#include <atomic>
#include <cstring>

namespace wsi {

PayloadArena::~PayloadArena()
{
    PayloadCache &cache = PayloadCache::instance();
    for (Chunk &chunk : m_chunks) {
        stopFilling(chunk);
        if (chunk.listed)
            cache.remove(chunk.cached);
        if (chunk.spillOffset >= 0)
            cache.release(chunk.spillOffset, chunk.used);
    }
}

void PayloadArena::stopFilling(Chunk &chunk)
{
    if (!chunk.filling)
        return;
    PayloadCache::instance().addFilling(-chunk.ramBytes);
    chunk.filling = false;
}

quint64 PayloadArena::append(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    if (size == 0)
        return 0;

    if (size > kLargePayload) {
        Chunk chunk;
        chunk.data = takeMemory(size);
        chunk.capacity = size;
        chunk.used = size;
        chunk.ramBytes = size;
        std::memcpy(chunk.data.data(), bytes.data(), size_t(size));
        m_chunks.push_back(std::move(chunk));
        m_bytesStored += size;
        m_bytesReserved += size;
        seal(qsizetype(m_chunks.size() - 1));
        return quint64(m_chunks.size() - 1) << 32;
    }

    if (m_current < 0 || m_chunks[size_t(m_current)].capacity - m_chunks[size_t(m_current)].used < size)
        openChunkFor(size);
    Chunk &chunk = m_chunks[size_t(m_current)];
    const quint64 offset = (quint64(m_current) << 32) | quint64(chunk.used);
    std::memcpy(chunk.memory() + chunk.used, bytes.data(), size_t(size));
    chunk.used += size;
    m_bytesStored += size;
    return offset;
}

void PayloadArena::openChunkFor(qsizetype size)
{
    if (m_current >= 0)
        seal(m_current);
    Chunk chunk;
    // As large as the budget allows while every other connection fills a chunk too (PayloadCache::fillingSize).
    const qsizetype allowed = qsizetype(PayloadCache::instance().fillingSize(m_nextChunkSize, kMinSharedChunk));
    chunk.data = takeMemory(qMax(size, allowed));
    m_nextChunkSize = qMin(m_nextChunkSize * 2, kMaxChunkSize);
    // All of a reused block (a retired arena's chunk may be larger than asked for).
    const qsizetype capacity = qsizetype(chunk.data.size());
    chunk.capacity = capacity;
    chunk.ramBytes = capacity;
    chunk.filling = true;
    m_chunks.push_back(std::move(chunk));
    m_current = qsizetype(m_chunks.size() - 1);
    m_bytesReserved += capacity;
    PayloadCache::instance().addFilling(capacity);
}

char *PayloadArena::runSpace(qsizetype size, quint64 *offset, qsizetype *room)
{
    Q_ASSERT(size > 0 && size <= kLargePayload);
    if (m_current < 0 || m_chunks[size_t(m_current)].capacity - m_chunks[size_t(m_current)].used < size)
        openChunkFor(size);
    Chunk &chunk = m_chunks[size_t(m_current)];
    *offset = (quint64(m_current) << 32) | quint64(chunk.used);
    *room = chunk.capacity - chunk.used;
    return chunk.memory() + chunk.used;
}

void PayloadArena::commitRun(qsizetype size)
{
    m_chunks[size_t(m_current)].used += size;
    m_bytesStored += size;
}

quint64 PayloadArena::adopt(QByteArray &&bytes)
{
    const qsizetype size = bytes.size();
    if (size <= kLargePayload)
        return append(bytes);
    Chunk chunk;
    chunk.adopted = std::move(bytes);
    chunk.capacity = size;
    chunk.used = size;
    chunk.ramBytes = size;
    m_chunks.push_back(std::move(chunk));
    m_bytesStored += size;
    m_bytesReserved += size;
    seal(qsizetype(m_chunks.size() - 1));
    return quint64(m_chunks.size() - 1) << 32;
}

BulkMemory PayloadArena::takeMemory(qsizetype bytes)
{
    auto best = m_spare.end();
    for (auto it = m_spare.begin(); it != m_spare.end(); ++it) {
        if (qsizetype(it->size()) >= bytes && (best == m_spare.end() || it->size() < best->size()))
            best = it;
    }
    if (best == m_spare.end())
        return BulkMemory(size_t(bytes));
    BulkMemory memory = std::move(*best);
    m_spare.erase(best);
    m_spareBytes -= qsizetype(memory.size());
    return memory;
}

void PayloadArena::keepSpare(BulkMemory &&memory)
{
    if (!memory.data() || m_spareBytes + qsizetype(memory.size()) > kMaxSpareBytes)
        return; // freed with `memory`
    m_spareBytes += qsizetype(memory.size());
    m_spare.push_back(std::move(memory));
}

void PayloadArena::reuseMemoryOf(PayloadArena &retired)
{
    PayloadCache &cache = PayloadCache::instance();
    for (BulkMemory &memory : retired.m_spare)
        keepSpare(std::move(memory));
    retired.m_spare.clear();
    retired.m_spareBytes = 0;
    for (Chunk &chunk : retired.m_chunks) {
        retired.stopFilling(chunk);
        if (chunk.listed) {
            cache.remove(chunk.cached);
            chunk.listed = false;
        }
        if (chunk.spillOffset >= 0) {
            cache.release(chunk.spillOffset, chunk.used);
            chunk.spillOffset = -1;
        }
        if (takeBack(chunk))
            keepSpare(std::move(chunk.data));
        chunk.lent.reset(); // still lent: freed by its last owner
        chunk.lentAdopted.reset();
        chunk.data = BulkMemory();
        chunk.fetch.reset();
        chunk.adopted = QByteArray();
        retired.m_bytesReserved -= chunk.ramBytes;
        chunk.ramBytes = 0;
    }
}

void PayloadArena::seal(qsizetype index)
{
    Chunk &chunk = m_chunks[size_t(index)];
    stopFilling(chunk);
    chunk.cached = PayloadCache::instance().add(this, quint32(index), chunk.ramBytes);
    chunk.listed = true;
}

bool PayloadArena::evict(quint32 index)
{
    Chunk &chunk = m_chunks[size_t(index)];
    if (!takeBack(chunk)) {
        // The journal's writer still reads it: to the back of the cache's list, the cache evicts another.
        PayloadCache::instance().touch(chunk.cached);
        return false;
    }
    chunk.lentAdopted.reset();
    PayloadCache &cache = PayloadCache::instance();
    if (chunk.spillOffset < 0) {
        qint64 offset = 0;
        if (!cache.spill(QByteArrayView(chunk.bytes(), chunk.used), &offset))
            return false;
        // The spill writer's thread writes the bytes from where they are, and frees their memory after.
        SpillWriter::ofPayloadCache()->adopt(
            offset, SpillWriter::Bytes { std::move(chunk.data), std::move(chunk.adopted) });
        chunk.spillOffset = offset;
        m_bytesSpilled += chunk.used;
    }
    chunk.data = BulkMemory();
    chunk.adopted = QByteArray();
    m_bytesReserved -= chunk.ramBytes;
    chunk.ramBytes = 0;
    cache.remove(chunk.cached);
    chunk.listed = false;
    return true;
}

bool PayloadArena::prefetch(quint64 offset) const
{
    const size_t index = size_t(offset >> 32);
    if (index >= m_chunks.size())
        return true;
    Chunk &chunk = m_chunks[index];
    if (chunk.inRam() || chunk.spillOffset < 0)
        return true;
    if (chunk.fetch) {
        if (!chunk.fetch->finished())
            return false;
        // A failed fetch leaves the chunk spilled: view() then tries in place, as it always did.
        takeFetched(index);
        return true;
    }
    chunk.fetch = PayloadCache::instance().fetchLater(chunk.spillOffset, chunk.used);
    return !chunk.fetch;
}

void PayloadArena::takeFetched(size_t index) const
{
    Chunk &chunk = m_chunks[index];
    const std::shared_ptr<SpillReader::Fetch> fetch = std::move(chunk.fetch);
    chunk.fetch.reset();
    if (!fetch || !fetch->succeeded())
        return;
    chunk.data = std::move(fetch->memory);
    chunk.ramBytes = chunk.used;
    m_bytesReserved += chunk.ramBytes;
    chunk.cached = PayloadCache::instance().add(const_cast<PayloadArena *>(this), quint32(index), chunk.ramBytes);
    chunk.listed = true;
}

const PayloadArena::Chunk &PayloadArena::resident(size_t index) const
{
    Chunk &chunk = m_chunks[index];
    PayloadCache &cache = PayloadCache::instance();
    if (!chunk.inRam() && chunk.fetch && chunk.fetch->finished())
        takeFetched(index);
    if (chunk.inRam()) {
        if (chunk.listed)
            cache.touch(chunk.cached);
        return chunk;
    }
    BulkMemory back(size_t(chunk.used));
    if (!cache.readBack(chunk.spillOffset, back.data(), chunk.used))
        return chunk; // still not in RAM: view() gives nothing rather than wrong bytes
    chunk.fetch.reset(); // read here after all (a view could not wait): a fetch on its way is not needed
    chunk.data = std::move(back);
    chunk.ramBytes = chunk.used;
    m_bytesReserved += chunk.ramBytes;
    chunk.cached = cache.add(const_cast<PayloadArena *>(this), quint32(index), chunk.ramBytes);
    chunk.listed = true;
    return chunk;
}

bool PayloadArena::takeBack(Chunk &chunk)
{
    if (!chunk.lent)
        return true;
    // Only this thread makes new owners, so a count of one cannot grow behind our back; the fence pairs with the
    // release in the last other owner's decrement, so its reads of the bytes happen before we write them again.
    if (chunk.lent.use_count() > 1)
        return false;
    std::atomic_thread_fence(std::memory_order_acquire);
    chunk.data = std::move(*chunk.lent);
    chunk.lent.reset();
    return true;
}

std::shared_ptr<const void> PayloadArena::lend(quint64 offset) const
{
    const size_t index = size_t(offset >> 32);
    if (index >= m_chunks.size())
        return {};
    Chunk &chunk = m_chunks[index];
    if (chunk.data.data()) {
        chunk.lent = std::make_shared<BulkMemory>(std::move(chunk.data));
        chunk.data = BulkMemory();
    }
    if (chunk.lent)
        return chunk.lent;
    if (chunk.adopted.isNull())
        return {};
    if (!chunk.lentAdopted)
        chunk.lentAdopted = std::make_shared<const QByteArray>(chunk.adopted);
    return chunk.lentAdopted;
}

QByteArrayView PayloadArena::view(quint64 offset, qsizetype size) const
{
    if (size == 0)
        return {};
    const size_t chunkIndex = size_t(offset >> 32);
    const qsizetype position = qsizetype(offset & 0xFFFFFFFFu);
    if (chunkIndex >= m_chunks.size())
        return {};
    const Chunk &chunk = resident(chunkIndex);
    if (position + size > chunk.used || !chunk.inRam())
        return {};
    return QByteArrayView(chunk.bytes() + position, size);
}

} // namespace wsi
