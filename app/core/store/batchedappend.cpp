// BatchedAppend: one EventStore::appendRows call: a RowBatch's records and payload bytes copied into a store in bulk.
#include "store/batchedappend.h"

#include "store/eventstore.h"
#include "store/payloadcache.h"
#include "store/rowbatch.h"

#include <cstring>

namespace wsi {

namespace {

bool carriesTraffic(EventType type)
{
    return type == EventType::Message || type == EventType::Frame || type == EventType::Ping || type == EventType::Pong;
}

} // namespace

BatchedAppend::BatchedAppend(EventStore &store, const RowBatch &batch)
    : m_store(store)
    , m_batch(batch)
    , m_budget(PayloadCache::instance().sessionBudget())
{ }

void BatchedAppend::run(qsizetype first, qsizetype end)
{
    // Once per batch rather than per row: a streaming store compacts a batch later at most.
    m_store.compactIfDue();
    for (qsizetype i = first; i < end; ++i) {
        const EventRecord &record = m_batch.record(i);
        if (takesTheOneByOnePath(record))
            appendOneByOne(record);
        else
            appendInBulk(record);
    }
    finishRun();
    commitRecords();
}

bool BatchedAppend::takesTheOneByOnePath(const EventRecord &record) const
{
    if (RowBatch::isAdopted(record))
        return true;
    // EventStore::keptPart: only a message over kKeptBytes can reach (or be cut by) the budget.
    if (record.type != EventType::Message || m_budget <= 0 || record.payloadSize <= EventStore::kKeptBytes)
        return false;
    return m_store.m_budgetReached || m_store.m_droppedPayloadBytes + bytesStored() + record.payloadSize > m_budget;
}

void BatchedAppend::appendOneByOne(const EventRecord &record)
{
    // The one-by-one path appends to the arena and the blocks itself (and may compact): everything before first.
    finishRun();
    commitRecords();
    m_slot = nullptr;
    m_slotRoom = 0;
    const auto bytes = [this](quint64 at, qsizetype size) { return QByteArrayView(m_batch.bytes() + at, size); };
    if (RowBatch::isAdopted(record)) {
        EventRecord plain = record;
        plain.reserved = 0;
        m_store.appendAdopting(plain, QByteArray(m_batch.adopted(record))); // shares the buffer, copies no byte
    } else if ((record.reserved & EventStore::kPairedBit) != 0) {
        const qsizetype headerSize = qsizetype(record.reserved & EventStore::kHeaderSizeMask);
        m_store.appendFrameAndMessage(EventStore::frameHalf(record), bytes(record.value, headerSize),
            EventStore::messageHalf(record), bytes(record.payloadOffset, qsizetype(record.payloadSize)));
    } else {
        m_store.append(record, bytes(record.payloadOffset, qsizetype(record.payloadSize)));
    }
}

void BatchedAppend::appendInBulk(const EventRecord &record)
{
    RowMap &rows = m_store.m_storage->rows;
    const qsizetype row = m_store.size();
    EventRecord stored = record;
    const qsizetype size = qsizetype(record.payloadSize);
    if ((record.reserved & EventStore::kPairedBit) != 0) {
        // Header first, then the payload: the order appendFrameAndMessage() stores them in.
        stored.value = place(record.value, qsizetype(record.reserved & EventStore::kHeaderSizeMask));
        stored.payloadOffset = placeMessage(record.dir, record.payloadOffset, size);
        writeRecord(stored);
        rows.addRecordRow();
        rows.addSecondHalfRow();
        m_store.m_lastTrafficRow = row + 1;
        return;
    }
    stored.reserved = 0;
    if (record.type == EventType::Message)
        stored.payloadOffset = placeMessage(record.dir, record.payloadOffset, size);
    else
        stored.payloadOffset = size == 0 ? 0 : place(record.payloadOffset, size);
    writeRecord(stored);
    rows.addRecordRow();
    if (record.type == EventType::Message || record.type == EventType::Ping || record.type == EventType::Pong)
        m_store.m_lastTrafficRow = row;
    if (!carriesTraffic(record.type)) {
        m_store.m_landmarks.push_back(row);
        m_store.m_landmarkTypes.push_back(record.type);
    }
}

quint64 BatchedAppend::place(quint64 at, qsizetype size)
{
    PayloadArena &arena = m_store.m_storage->arena;
    if (size > PayloadArena::kLargePayload) { // a chunk of its own, as append() gives it
        finishRun();
        return arena.append(QByteArrayView(m_batch.bytes() + at, size));
    }
    if (m_runLength > 0 && at == m_runStart + quint64(m_runLength) && m_runLength + size <= m_runRoom) {
        const quint64 offset = m_runOffset + quint64(m_runLength);
        m_runLength += size;
        return offset;
    }
    finishRun();
    m_runTarget = arena.runSpace(size, &m_runOffset, &m_runRoom);
    m_runStart = at;
    m_runLength = size;
    return m_runOffset;
}

quint64 BatchedAppend::placeMessage(Direction dir, quint64 at, qsizetype size)
{
    if (size == 0)
        return 0;
    if (dir == Direction::None)
        return place(at, size);
    EventStore::Storage &storage = *m_store.m_storage;
    if (!storage.recent)
        storage.recent = std::make_unique<std::array<EventStore::RecentPayloads, 2>>();
    EventStore::RecentPayloads &mine = (*storage.recent)[dir == Direction::Outgoing ? 0 : 1];
    EventStore::RecentPayloads &theirs = (*storage.recent)[dir == Direction::Outgoing ? 1 : 0];
    if (theirs.count > 0) {
        const EventStore::PayloadRef &oldest = theirs.ring[size_t(theirs.first)];
        if (oldest.size == size) {
            // The message it may repeat can be in the run: its bytes must be in the arena to compare.
            if (m_runLength > 0 && oldest.offset >= m_runOffset && oldest.offset < m_runOffset + quint64(m_runLength))
                finishRun();
            if (storage.arena.view(oldest.offset, oldest.size) == QByteArrayView(m_batch.bytes() + at, size)) {
                const quint64 offset = oldest.offset;
                theirs.first = (theirs.first + 1) % EventStore::RecentPayloads::kCapacity;
                --theirs.count;
                return offset;
            }
        }
    }
    const quint64 offset = place(at, size);
    if (mine.count == EventStore::RecentPayloads::kCapacity) {
        mine.first = (mine.first + 1) % EventStore::RecentPayloads::kCapacity;
        --mine.count;
    }
    mine.ring[size_t((mine.first + mine.count) % EventStore::RecentPayloads::kCapacity)] = { offset, size };
    ++mine.count;
    return offset;
}

void BatchedAppend::writeRecord(const EventRecord &record)
{
    if (m_slotRoom == 0) {
        commitRecords();
        m_slot = m_store.m_storage->records.nextSlots(&m_slotRoom);
    }
    std::memcpy(static_cast<void *>(m_slot), &record, sizeof(EventRecord));
    ++m_slot;
    --m_slotRoom;
    ++m_written;
}

void BatchedAppend::finishRun()
{
    if (m_runLength == 0)
        return;
    std::memcpy(m_runTarget, m_batch.bytes() + m_runStart, size_t(m_runLength));
    m_store.m_storage->arena.commitRun(m_runLength);
    m_runLength = 0;
}

void BatchedAppend::commitRecords()
{
    if (m_written == 0)
        return;
    m_store.m_storage->records.commitSlots(m_written);
    m_written = 0;
}

qsizetype BatchedAppend::bytesStored() const
{
    return m_store.m_storage->arena.bytesStored() + m_runLength;
}

} // namespace wsi
