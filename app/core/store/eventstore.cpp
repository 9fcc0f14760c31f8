// EventStore: the append-only event stream of one connection: records, payload arena and row map.
#include "store/eventstore.h"

#include "store/payloadcache.h"

#include <QCoreApplication>

namespace wsi {

qsizetype EventStore::append(EventRecord record, QByteArrayView payload)
{
    if (record.type == EventType::Message)
        payload = keptPart(payload, record.timeUs);
    return appendAsIs(record, payload);
}

qsizetype EventStore::appendAsIs(EventRecord record, QByteArrayView payload)
{
    record.payloadSize = quint32(payload.size());
    record.payloadOffset
        = record.type == EventType::Message ? storeMessagePayload(record.dir, payload) : m_arena.append(payload);
    return store(record);
}

qsizetype EventStore::appendAdopting(EventRecord record, QByteArray &&payload)
{
    if (record.type == EventType::Message) {
        const QByteArrayView kept = keptPart(payload, record.timeUs);
        if (kept.size() < payload.size())
            return appendAsIs(record, kept); // a copy of the first part; the caller keeps the buffer
    }
    record.payloadSize = quint32(payload.size());
    record.payloadOffset = m_arena.adopt(std::move(payload));
    return store(record);
}

qsizetype EventStore::appendFrameAndMessage(
    const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message, QByteArrayView payload)
{
    const quint64 length = quint64(payload.size());
    const bool pairs = frame.type == EventType::Frame && message.type == EventType::Message
        && frame.timeUs == message.timeUs && frame.dir == message.dir && frame.value == length
        && message.value == length && message.sub == 1 && message.maskKey == 0
        && (message.flags & ~quint8(FlagText)) == 0 && (frame.flags & FlagText) == 0 && !headerBytes.isEmpty()
        && quint32(headerBytes.size()) <= kHeaderSizeMask && length <= 0xFFFFFFFFu;
    const QByteArrayView kept = keptPart(payload, message.timeUs);
    if (!pairs || kept.size() < payload.size()) {
        const qsizetype row = appendAsIs(frame, headerBytes);
        appendAsIs(message, kept);
        return row;
    }
    EventRecord pair = frame;
    pair.type = EventType::Message;
    pair.flags = quint8(frame.flags | message.flags);
    pair.value = m_arena.append(headerBytes);
    pair.reserved = kPairedBit | quint32(headerBytes.size());
    pair.payloadSize = quint32(length);
    pair.payloadOffset = storeMessagePayload(pair.dir, payload);
    m_records.push(pair);
    const qsizetype row = m_rows.size();
    m_rows.addRecordRow();
    m_rows.addSecondHalfRow();
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
        return m_arena.append(payload);
    // An echo repeats the message it answers: both are kept once. Comparing costs less than storing, and
    // fresh memory is the dearest part of recording a flood.
    if (!m_recent)
        m_recent = std::make_unique<std::array<RecentPayloads, 2>>();
    RecentPayloads &mine = (*m_recent)[dir == Direction::Outgoing ? 0 : 1];
    RecentPayloads &theirs = (*m_recent)[dir == Direction::Outgoing ? 1 : 0];
    if (theirs.count > 0) {
        const PayloadRef &oldest = theirs.ring[size_t(theirs.first)];
        if (oldest.size == payload.size() && m_arena.view(oldest.offset, oldest.size) == payload) {
            const quint64 offset = oldest.offset;
            theirs.first = (theirs.first + 1) % RecentPayloads::kCapacity;
            --theirs.count;
            return offset;
        }
    }
    const quint64 offset = m_arena.append(payload);
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
        if (m_arena.bytesStored() + payload.size() <= budget)
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
        info.payloadOffset = m_arena.append(text);
        store(info);
    }
    m_bytesNotKept += payload.size() - kKeptBytes;
    return payload.first(kKeptBytes);
}

qsizetype EventStore::store(const EventRecord &record)
{
    EventRecord stored = record;
    stored.reserved = 0; // the store's own field (kPairedBit)
    m_records.push(stored);
    const qsizetype row = m_rows.size();
    m_rows.addRecordRow();
    return row;
}

QByteArrayView EventStore::payload(qsizetype row) const
{
    const RowMap::Slot slot = m_rows.at(row);
    const EventRecord &r = m_records.at(slot.record);
    if ((r.reserved & kPairedBit) != 0 && !slot.secondHalf)
        return m_arena.view(r.value, qsizetype(r.reserved & kHeaderSizeMask));
    return m_arena.view(r.payloadOffset, qsizetype(r.payloadSize));
}

qsizetype EventStore::memoryUsed() const
{
    return m_records.bytesReserved() + m_rows.bytesReserved() + m_arena.bytesReserved();
}

} // namespace wsi
