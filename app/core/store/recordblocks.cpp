// RecordBlocks: the append-only storage of one connection's event records, in large blocks.
#include "store/recordblocks.h"

#include "store/spillwriter.h"

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
    const size_t index = size_t(m_size);
    EventRecord *slot = nullptr;
    if (index < kFirstBlockRecords) {
        if (index == m_firstBlockCapacity) {
            const size_t capacity = m_firstBlockCapacity == 0 ? kFirstBlockInitial : m_firstBlockCapacity * 2;
            BulkMemory grown(capacity * sizeof(EventRecord));
            if (index > 0)
                std::memcpy(grown.data(), m_blocks[0].memory.data(), index * sizeof(EventRecord));
            if (m_blocks.empty())
                m_blocks.emplace_back();
            const qsizetype growth = qsizetype(grown.size()) - qsizetype(m_blocks[0].memory.size());
            m_bytesReserved += growth;
            m_blocks[0].filling = true;
            PayloadCache::instance().addFilling(growth);
            m_blocks[0].memory = std::move(grown);
            m_firstBlockCapacity = capacity;
        }
        slot = reinterpret_cast<EventRecord *>(m_blocks[0].memory.data()) + index;
    } else {
        const size_t rest = index - kFirstBlockRecords;
        const size_t block = 1 + (rest >> kBlockBits);
        if (block == m_blocks.size()) {
            seal(block - 1);
            m_blocks.emplace_back();
            m_blocks.back().memory = BulkMemory(kBlockRecords * sizeof(EventRecord));
            m_blocks.back().filling = true;
            m_bytesReserved += qsizetype(m_blocks.back().memory.size());
            PayloadCache::instance().addFilling(qsizetype(m_blocks.back().memory.size()));
        }
        // The block being filled is never listed, so never evicted.
        slot = reinterpret_cast<EventRecord *>(m_blocks[block].memory.data()) + (rest & (kBlockRecords - 1));
    }
    std::memcpy(static_cast<void *>(slot), &record, sizeof(EventRecord));
    return m_size++;
}

qsizetype RecordBlocks::blockBytes(size_t block) const
{
    return qsizetype((block == 0 ? kFirstBlockRecords : kBlockRecords) * sizeof(EventRecord));
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

const char *RecordBlocks::resident(size_t index) const
{
    m_lastUsed = index;
    Block &block = m_blocks[index];
    PayloadCache &cache = PayloadCache::instance();
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
    block.memory = std::move(back);
    m_bytesReserved += qsizetype(block.memory.size());
    block.cached = cache.add(const_cast<RecordBlocks *>(this), quint32(index), qsizetype(block.memory.size()));
    block.listed = true;
    return block.memory.data();
}

} // namespace wsi
