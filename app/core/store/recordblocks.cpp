// RecordBlocks: the append-only storage of one connection's event records, in large blocks.
#include "store/recordblocks.h"

#include "store/spillwriter.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace wsi {

RecordBlocks::~RecordBlocks()
{
    PayloadCache &cache = PayloadCache::instance();
    for (size_t i = 0; i < m_blocks.size(); ++i) {
        Block &block = m_blocks[i];
        if (block.filling)
            cache.addFilling(-qsizetype(block.memory.size()));
        if (block.listed)
            cache.remove(block.cached);
        if (block.spillOffset >= 0)
            cache.release(block.spillOffset, blockBytes(i));
    }
}

qsizetype RecordBlocks::push(const EventRecord &record)
{
    static_assert(std::is_trivially_copyable_v<EventRecord> && std::is_trivially_destructible_v<EventRecord>);
    EventRecord *slot = nullptr;
    if (!m_blocks.empty() && m_size - m_blocks.back().first < m_blocks.back().capacity) {
        // The block being filled is never listed, so never evicted.
        const Block &block = m_blocks.back();
        slot = reinterpret_cast<EventRecord *>(block.memory.data()) + (m_size - block.first);
    } else {
        slot = slotForNext();
    }
    std::memcpy(static_cast<void *>(slot), &record, sizeof(EventRecord));
    return m_size++;
}

EventRecord *RecordBlocks::nextSlots(qsizetype *room)
{
    if (m_blocks.empty() || m_size - m_blocks.back().first >= m_blocks.back().capacity)
        slotForNext(); // the block the next record goes into (nothing is written until commitSlots())
    const Block &block = m_blocks.back();
    *room = block.capacity - (m_size - block.first);
    return reinterpret_cast<EventRecord *>(block.memory.data()) + (m_size - block.first);
}

EventRecord *RecordBlocks::slotForNext()
{
    PayloadCache &cache = PayloadCache::instance();
    constexpr qint64 kRecordBytes = qint64(sizeof(EventRecord));
    if (m_blocks.empty())
        m_blocks.emplace_back();
    if (m_blocks.size() == 1) {
        // The first block doubles, copying only itself, while the budget has room for it.
        Block &first = m_blocks[0];
        const qint64 capacity = first.capacity == 0 ? qint64(kFirstBlockInitial) : first.capacity * 2;
        const qint64 bytes = capacity * kRecordBytes;
        if (capacity <= qint64(kFirstBlockRecords)
            && cache.fillingSize(bytes, qint64(kMinBlockRecords) * kRecordBytes) >= bytes) {
            BulkMemory grown { size_t(bytes) };
            if (m_size > 0)
                std::memcpy(grown.data(), first.memory.data(), size_t(m_size) * sizeof(EventRecord));
            const qsizetype growth = qsizetype(grown.size()) - qsizetype(first.memory.size());
            m_bytesReserved += growth;
            first.filling = true;
            cache.addFilling(growth);
            first.memory = std::move(grown);
            first.capacity = qsizetype(capacity);
            return reinterpret_cast<EventRecord *>(first.memory.data()) + m_size;
        }
    }
    seal(m_blocks.size() - 1);
    const qint64 bytes
        = cache.fillingSize(qint64(kBlockRecords) * kRecordBytes, qint64(kMinBlockRecords) * kRecordBytes);
    Block &block = m_blocks.emplace_back();
    block.memory = BulkMemory(size_t(bytes));
    block.first = m_size;
    // All of it: a mapped block is rounded up to whole 2 MiB, a recycled one may be larger still.
    block.capacity = qsizetype(block.memory.size() / sizeof(EventRecord));
    block.filling = true;
    m_bytesReserved += qsizetype(block.memory.size());
    cache.addFilling(qsizetype(block.memory.size()));
    return reinterpret_cast<EventRecord *>(block.memory.data());
}

qsizetype RecordBlocks::blockBytes(size_t block) const
{
    return m_blocks[block].capacity * qsizetype(sizeof(EventRecord));
}

size_t RecordBlocks::blockOf(qsizetype index) const
{
    // The last block whose first record is at or before `index`.
    const auto after = std::upper_bound(
        m_blocks.begin(), m_blocks.end(), index, [](qsizetype i, const Block &block) { return i < block.first; });
    return size_t(std::distance(m_blocks.begin(), after)) - 1;
}

qsizetype RecordBlocks::blocksSpilled() const
{
    qsizetype spilled = 0;
    for (const Block &block : m_blocks)
        spilled += block.memory.data() ? 0 : 1;
    return spilled;
}

void RecordBlocks::seal(size_t index)
{
    Block &block = m_blocks[index];
    PayloadCache &cache = PayloadCache::instance();
    if (block.filling)
        cache.addFilling(-qsizetype(block.memory.size()));
    block.filling = false;
    block.cached = cache.add(this, quint32(index), qsizetype(block.memory.size()));
    block.listed = true;
}

bool RecordBlocks::evict(quint32 index)
{
    Block &block = m_blocks[size_t(index)];
    PayloadCache &cache = PayloadCache::instance();
    m_bytesReserved -= qsizetype(block.memory.size());
    if (block.spillOffset < 0) {
        qint64 offset = 0;
        if (!cache.spill(QByteArrayView(block.memory.data(), blockBytes(index)), &offset)) {
            m_bytesReserved += qsizetype(block.memory.size());
            return false;
        }
        block.spillOffset = offset;
        // The spill writer's thread writes the records from where they are, and frees their memory after.
        SpillWriter::ofPayloadCache()->adopt(offset, SpillWriter::Bytes { std::move(block.memory), {} });
    }
    block.memory = BulkMemory();
    cache.remove(block.cached);
    block.listed = false;
    return true;
}

bool RecordBlocks::prefetch(qsizetype index) const
{
    if (index < 0 || index >= m_size)
        return true;
    size_t found = m_lastUsed; // as at(): a reader in order stays in one block for a while
    if (found >= m_blocks.size() || index < m_blocks[found].first
        || index - m_blocks[found].first >= m_blocks[found].capacity)
        found = blockOf(index);
    Block &block = m_blocks[found];
    if (block.memory.data())
        return true;
    if (block.fetch) {
        if (!block.fetch->finished())
            return false;
        // A failed fetch leaves the block spilled: at() then tries in place, as it always did.
        takeFetched(found);
        return true;
    }
    block.fetch = PayloadCache::instance().fetchLater(block.spillOffset, blockBytes(found));
    return !block.fetch;
}

void RecordBlocks::takeFetched(size_t index) const
{
    Block &block = m_blocks[index];
    const std::shared_ptr<SpillReader::Fetch> fetch = std::move(block.fetch);
    block.fetch.reset();
    if (!fetch || !fetch->succeeded())
        return;
    block.memory = std::move(fetch->memory);
    m_bytesReserved += qsizetype(block.memory.size());
    block.cached = PayloadCache::instance().add(
        const_cast<RecordBlocks *>(this), quint32(index), qsizetype(block.memory.size()));
    block.listed = true;
}

const char *RecordBlocks::resident(size_t index) const
{
    m_lastUsed = index;
    Block &block = m_blocks[index];
    PayloadCache &cache = PayloadCache::instance();
    if (!block.memory.data() && block.fetch && block.fetch->finished())
        takeFetched(index);
    if (block.memory.data()) {
        if (block.listed)
            cache.touch(block.cached);
        return block.memory.data();
    }
    const qsizetype bytes = blockBytes(index);
    BulkMemory back { size_t(bytes) };
    // A spill file that cannot be read back gives empty records rather than garbage.
    if (!cache.readBack(block.spillOffset, back.data(), bytes))
        std::memset(back.data(), 0, size_t(bytes));
    block.fetch.reset(); // read here after all (a view could not wait): a fetch on its way is not needed
    block.memory = std::move(back);
    m_bytesReserved += qsizetype(block.memory.size());
    block.cached = cache.add(const_cast<RecordBlocks *>(this), quint32(index), qsizetype(block.memory.size()));
    block.listed = true;
    return block.memory.data();
}

} // namespace wsi
