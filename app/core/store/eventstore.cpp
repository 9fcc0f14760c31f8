// EventStore: the append-only event stream of one connection: records, payload arena and row map.
#include "store/eventstore.h"

#include "store/batchedappend.h"
#include "store/payloadcache.h"

#include <QCoreApplication>

#include <algorithm>

namespace wsi {

namespace {

// Streaming: a compaction is due once this many released rows, or this many payload bytes, piled up.
constexpr qsizetype kCompactRows = 4096;
constexpr qsizetype kCompactBytes = qsizetype(1) << 20;

bool isTraffic(EventType type)
{
    return type == EventType::Message || type == EventType::Frame || type == EventType::Ping || type == EventType::Pong;
}

} // namespace

EventStore::EventStore()
    : m_storage(std::make_unique<Storage>())
{ }

EventStore::~EventStore() = default;

qsizetype EventStore::append(EventRecord record, QByteArrayView payload)
{
    if (record.type == EventType::Message)
        payload = keptPart(payload, record.timeUs);
    return appendAsIs(record, payload);
}

qsizetype EventStore::appendAsIs(EventRecord record, QByteArrayView payload)
{
    compactIfDue();
    record.payloadSize = quint32(payload.size());
    record.payloadOffset = record.type == EventType::Message ? storeMessagePayload(record.dir, payload)
                                                             : m_storage->arena.append(payload);
    return store(record);
}

qsizetype EventStore::appendAdopting(EventRecord record, QByteArray &&payload)
{
    if (record.type == EventType::Message) {
        const QByteArrayView kept = keptPart(payload, record.timeUs);
        if (kept.size() < payload.size())
            return appendAsIs(record, kept); // a copy of the first part; the caller keeps the buffer
    }
    compactIfDue();
    record.payloadSize = quint32(payload.size());
    record.payloadOffset = m_storage->arena.adopt(std::move(payload));
    return store(record);
}

qsizetype EventStore::appendFrameAndMessage(
    const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message, QByteArrayView payload)
{
    const quint64 length = quint64(payload.size());
    const bool pairs = pairable(frame, headerBytes.size(), message, length);
    const QByteArrayView kept = keptPart(payload, message.timeUs);
    if (!pairs || kept.size() < payload.size()) {
        const qsizetype row = appendAsIs(frame, headerBytes);
        appendAsIs(message, kept);
        return row;
    }
    compactIfDue();
    EventRecord pair = frame;
    pair.type = EventType::Message;
    pair.flags = quint8(frame.flags | message.flags);
    pair.value = m_storage->arena.append(headerBytes);
    pair.reserved = kPairedBit | quint32(headerBytes.size());
    pair.payloadSize = quint32(length);
    pair.payloadOffset = storeMessagePayload(pair.dir, payload);
    m_storage->records.push(pair);
    const qsizetype row = size();
    m_storage->rows.addRecordRow();
    m_storage->rows.addSecondHalfRow();
    m_lastTrafficRow = row + 1;
    return row;
}

bool EventStore::pairable(const EventRecord &frame, qsizetype headerSize, const EventRecord &message, quint64 length)
{
    return frame.type == EventType::Frame && message.type == EventType::Message && frame.timeUs == message.timeUs
        && frame.dir == message.dir && frame.value == length && message.value == length && message.sub == 1
        && message.maskKey == 0 && (message.flags & ~quint8(FlagText)) == 0 && (frame.flags & FlagText) == 0
        && headerSize > 0 && quint64(headerSize) <= kHeaderSizeMask && length <= 0xFFFFFFFFu;
}

qsizetype EventStore::appendRows(const RowBatch &batch, qsizetype first, qsizetype end)
{
    const qsizetype row = size();
    BatchedAppend(*this, batch).run(first, end);
    return row;
}

EventRecord EventStore::frameHalf(const EventRecord &pair)
{
    EventRecord frame = pair;
    frame.type = EventType::Frame;
    frame.flags = quint8(pair.flags & ~quint8(FlagText));
    frame.payloadOffset = pair.value;
    frame.payloadSize = pair.reserved & kHeaderSizeMask;
    frame.value = pair.payloadSize;
    frame.reserved = 0;
    return frame;
}

EventRecord EventStore::messageHalf(const EventRecord &pair)
{
    EventRecord message = pair;
    message.flags = quint8(pair.flags & FlagText);
    message.value = pair.payloadSize;
    message.sub = 1;
    message.maskKey = 0;
    message.reserved = 0;
    return message;
}

quint64 EventStore::storeMessagePayload(Direction dir, QByteArrayView payload)
{
    if (payload.isEmpty() || dir == Direction::None)
        return m_storage->arena.append(payload);
    // An echo repeats the message it answers: both are kept once. Comparing costs less than storing, and
    // fresh memory is the dearest part of recording a flood.
    if (!m_storage->recent)
        m_storage->recent = std::make_unique<std::array<RecentPayloads, 2>>();
    RecentPayloads &mine = (*m_storage->recent)[dir == Direction::Outgoing ? 0 : 1];
    RecentPayloads &theirs = (*m_storage->recent)[dir == Direction::Outgoing ? 1 : 0];
    if (theirs.count > 0) {
        const PayloadRef &oldest = theirs.ring[size_t(theirs.first)];
        if (oldest.size == payload.size() && m_storage->arena.view(oldest.offset, oldest.size) == payload) {
            const quint64 offset = oldest.offset;
            theirs.first = (theirs.first + 1) % RecentPayloads::kCapacity;
            --theirs.count;
            return offset;
        }
    }
    const quint64 offset = m_storage->arena.append(payload);
    if (mine.count == RecentPayloads::kCapacity) { // forget the oldest
        mine.first = (mine.first + 1) % RecentPayloads::kCapacity;
        --mine.count;
    }
    mine.ring[size_t((mine.first + mine.count) % RecentPayloads::kCapacity)] = { offset, payload.size() };
    ++mine.count;
    return offset;
}

QByteArrayView EventStore::keptPart(QByteArrayView payload, qint64 timeUs)
{
    const qint64 budget = PayloadCache::instance().sessionBudget();
    if (budget <= 0 || payload.size() <= kKeptBytes)
        return payload;
    if (!m_budgetReached) {
        if (m_droppedPayloadBytes + m_storage->arena.bytesStored() + payload.size() <= budget)
            return payload;
        m_budgetReached = true;
        EventRecord info;
        info.type = EventType::Info;
        info.timeUs = timeUs;
        const QByteArray text = QCoreApplication::translate("EventStore",
            "This session reached its disk budget (%1 MiB of payloads): from here on each message keeps only its "
            "first %2 bytes. Its size and every record are still kept. Raise the budget in Preferences > Memory "
            "(wsinspector-cli: --session-budget-mb).")
                                    .arg(budget >> 20)
                                    .arg(kKeptBytes)
                                    .toUtf8();
        info.payloadSize = quint32(text.size());
        info.payloadOffset = m_storage->arena.append(text);
        store(info);
    }
    m_bytesNotKept += payload.size() - kKeptBytes;
    return payload.first(kKeptBytes);
}

qsizetype EventStore::store(const EventRecord &record)
{
    EventRecord stored = record;
    stored.reserved = 0; // the store's own field (kPairedBit)
    m_storage->records.push(stored);
    const qsizetype row = size();
    m_storage->rows.addRecordRow();
    if (record.type == EventType::Message || record.type == EventType::Ping || record.type == EventType::Pong)
        m_lastTrafficRow = row;
    if (!isTraffic(record.type)) {
        m_landmarks.push_back(row);
        m_landmarkTypes.push_back(record.type);
    }
    return row;
}

QByteArrayView EventStore::payload(qsizetype row) const
{
    const qsizetype local = localRow(row);
    if (local < 0)
        return {};
    const RowMap::Slot slot = m_storage->rows.at(local);
    const EventRecord &r = m_storage->records.at(slot.record);
    if ((r.reserved & kPairedBit) != 0 && !slot.secondHalf)
        return m_storage->arena.view(r.value, qsizetype(r.reserved & kHeaderSizeMask));
    return m_storage->arena.view(r.payloadOffset, qsizetype(r.payloadSize));
}

QByteArrayView EventStore::lendPayload(qsizetype row, std::shared_ptr<const void> *owner) const
{
    const QByteArrayView bytes = payload(row); // read back first if it was spilled
    const qsizetype local = localRow(row);
    if (bytes.isEmpty() || local < 0) {
        owner->reset();
        return bytes;
    }
    const RowMap::Slot slot = m_storage->rows.at(local);
    const EventRecord &r = m_storage->records.at(slot.record);
    const bool header = (r.reserved & kPairedBit) != 0 && !slot.secondHalf;
    *owner = m_storage->arena.lend(header ? r.value : r.payloadOffset);
    return bytes;
}

bool EventStore::prefetch(qsizetype row) const
{
    const qsizetype local = localRow(row);
    if (local < 0)
        return true;
    const RowMap::Slot slot = m_storage->rows.at(local);
    if (!m_storage->records.prefetch(slot.record))
        return false;
    const EventRecord &r = m_storage->records.at(slot.record);
    // As payload(): a pair's Frame row shows the header bytes.
    const bool header = (r.reserved & kPairedBit) != 0 && !slot.secondHalf;
    const qsizetype size = header ? qsizetype(r.reserved & kHeaderSizeMask) : qsizetype(r.payloadSize);
    return size == 0 || m_storage->arena.prefetch(header ? r.value : r.payloadOffset);
}

qsizetype EventStore::memoryUsed() const
{
    qsizetype bytes = m_storage->records.bytesReserved() + m_storage->rows.bytesReserved()
        + m_storage->arena.bytesReserved() + qsizetype(m_sparse.capacity() * sizeof(qsizetype));
    if (m_retired)
        bytes
            += m_retired->records.bytesReserved() + m_retired->rows.bytesReserved() + m_retired->arena.bytesReserved();
    return bytes;
}

qsizetype EventStore::sparseIndex(qsizetype row) const
{
    const auto it = std::lower_bound(m_sparse.begin(), m_sparse.end(), row);
    return it != m_sparse.end() && *it == row ? qsizetype(it - m_sparse.begin()) : -1;
}

qsizetype EventStore::nextHeld(qsizetype row) const
{
    if (row >= m_contiguousFirst)
        return qMin(row, size());
    const auto it = std::lower_bound(m_sparse.begin(), m_sparse.end(), row);
    return it != m_sparse.end() ? *it : m_contiguousFirst;
}

qsizetype EventStore::previousHeld(qsizetype row) const
{
    if (row >= m_contiguousFirst)
        return qMin(row, size() - 1);
    const auto it = std::upper_bound(m_sparse.begin(), m_sparse.end(), row);
    return it != m_sparse.begin() ? *(it - 1) : -1;
}

void EventStore::pin(qsizetype row)
{
    if (row < 0 || row >= size() || !isHeld(row))
        return;
    // Rows are pinned in the order they were recorded, mostly: the end of the list.
    const auto it = std::lower_bound(m_pinned.begin(), m_pinned.end(), row);
    if (it == m_pinned.end() || *it != row)
        m_pinned.insert(it, row);
}

void EventStore::unpin(qsizetype row)
{
    const auto it = std::lower_bound(m_pinned.begin(), m_pinned.end(), row);
    if (it != m_pinned.end() && *it == row)
        m_pinned.erase(it);
}

bool EventStore::droppable(qsizetype row, const EventRecord &record) const
{
    return row < m_released && row != m_lastTrafficRow && row != size() - 1 && isTraffic(record.type)
        && !std::binary_search(m_pinned.begin(), m_pinned.end(), row);
}

void EventStore::compactIfDue()
{
    if (m_retention != Retention::Streaming)
        return;
    const qsizetype releasedRows = m_released - m_contiguousFirst;
    if (releasedRows <= 1)
        return;
    const qsizetype bytes = m_storage->arena.bytesStored();
    if (releasedRows >= kCompactRows || bytes >= qMax(kCompactBytes, 2 * m_heldBytesAfterCompaction))
        compact();
}

void EventStore::compact()
{
    // The held rows go into a fresh storage, one record each; the old one is freed at the next compaction.
    auto fresh = std::make_unique<Storage>();
    // The storage retired at the last compaction goes now: its payload memory, already faulted in, takes the
    // fresh storage's payloads instead of fresh pages (a flood through the CLI compacts every megabyte or so).
    if (m_retired)
        fresh->arena.reuseMemoryOf(m_retired->arena);
    std::vector<qsizetype> sparse;
    const qsizetype end = size();
    const qsizetype contiguousFirst = qMin(m_released, end);
    auto keep = [&](qsizetype row, const EventRecord &record) {
        EventRecord copy = record;
        const QByteArrayView bytes = payload(row);
        copy.payloadSize = quint32(bytes.size());
        copy.payloadOffset = fresh->arena.append(bytes);
        copy.reserved = 0;
        fresh->records.push(copy);
        fresh->rows.addRecordRow();
    };
    for (qsizetype row = nextHeld(0); row < contiguousFirst; row = nextHeld(row + 1)) {
        const EventRecord record = at(row);
        if (droppable(row, record))
            continue;
        keep(row, record);
        sparse.push_back(row);
    }
    for (qsizetype row = contiguousFirst; row < end; ++row)
        keep(row, at(row));
    m_droppedPayloadBytes += m_storage->arena.bytesStored() - fresh->arena.bytesStored();
    m_heldBytesAfterCompaction = fresh->arena.bytesStored();
    m_retired = std::move(m_storage);
    m_storage = std::move(fresh);
    m_sparse = std::move(sparse);
    m_contiguousFirst = contiguousFirst;
    m_shift = contiguousFirst - qsizetype(m_sparse.size());
}

} // namespace wsi
