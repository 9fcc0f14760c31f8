// EventStore: the append-only event stream of one connection: records, payload arena and row map.
#pragma once

#include "store/eventrecord.h"
#include "store/payloadarena.h"
#include "store/recordblocks.h"
#include "store/rowmap.h"

#include <QByteArray>
#include <QString>
#include <array>
#include <memory>

namespace wsi {

// The append-only event stream of one connection. Not a QObject: the owner (Connection) signals appends.
//
// Recording a flood is mostly a matter of fresh memory, so a single-frame message is stored compactly: its
// Frame row and its Message row share one record, and a message that repeats the previous message (an
// echo) shares its payload bytes. Readers never see the difference: at() and payload() give every row
// exactly as if each had been appended on its own.
class EventStore
{
public:
    EventStore() = default;

    // Stores the record with its payload; returns the new row index.
    qsizetype append(EventRecord record, QByteArrayView payload);
    // The same, keeping a large payload's buffer instead of copying it (see PayloadArena::adopt). When the
    // session budget keeps only a part, the buffer is left to the caller as it was.
    qsizetype appendAdopting(EventRecord record, QByteArray &&payload);
    // A single-frame message: its Frame row (payload: the raw header bytes) and its Message row, appended
    // together; returns the Frame row's index. Kept as one record when the two agree (same time, direction,
    // length, one frame), else exactly as two append() calls.
    qsizetype appendFrameAndMessage(
        const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message, QByteArrayView payload);

    qsizetype size() const { return m_rows.size(); }
    EventRecord at(qsizetype row) const
    {
        const RowMap::Slot slot = m_rows.at(row);
        const EventRecord &stored = m_records.at(slot.record);
        if ((stored.reserved & kPairedBit) == 0)
            return stored;
        return slot.secondHalf ? messageHalf(stored) : frameHalf(stored);
    }
    // A view into the arena; valid as long as the store lives.
    QByteArrayView payload(qsizetype row) const;
    QByteArray payloadCopy(qsizetype row) const { return payload(row).toByteArray(); }
    QString payloadText(qsizetype row) const { return QString::fromUtf8(payload(row)); }

    // The session budget (PayloadCache::sessionBudget()): once this store holds that many payload bytes, a
    // message keeps only its first kKeptBytes (its record's value still says its full size, payloadSize
    // what was kept), and an Info row says so where it began. Every record is still kept.
    static constexpr qsizetype kKeptBytes = 1024;
    bool budgetReached() const { return m_budgetReached; }
    qint64 bytesNotKept() const { return m_bytesNotKept; }

    qsizetype memoryUsed() const;
    qsizetype payloadBytesStored() const { return m_arena.bytesStored(); } // shared payloads count once
    qsizetype recordsStored() const { return m_records.size(); } // a pair counts once

private:
    // A stored pair is a Message record whose reserved field holds this bit and the header's size, whose
    // value holds the header bytes' arena offset, and whose sub, flags and maskKey are the frame's (the
    // message's only flag, Text, is not a frame flag).
    static constexpr quint32 kPairedBit = 0x80000000u;
    static constexpr quint32 kHeaderSizeMask = 0xFFu;
    static EventRecord frameHalf(const EventRecord &pair);
    static EventRecord messageHalf(const EventRecord &pair);
    quint64 storeMessagePayload(Direction dir, QByteArrayView payload);
    qsizetype appendAsIs(EventRecord record, QByteArrayView payload); // the budget already applied
    // The part of a message payload the budget lets this store keep (all of it below the budget); notes
    // the budget being reached with an Info row at `timeUs`.
    QByteArrayView keptPart(QByteArrayView payload, qint64 timeUs);
    qsizetype store(const EventRecord &record);

    RecordBlocks m_records;
    RowMap m_rows;
    PayloadArena m_arena;
    // Recent message payloads per direction, oldest first, that an answer may repeat (an echo). Messages
    // answered in order (the echo of a window of messages in flight) each find theirs at the front of the
    // other direction's queue. Made on the first message: an idle client of the test server has none.
    struct PayloadRef
    {
        quint64 offset;
        qsizetype size;
    };
    struct RecentPayloads
    {
        static constexpr int kCapacity = 32;
        std::array<PayloadRef, kCapacity> ring;
        int first = 0;
        int count = 0;
    };
    std::unique_ptr<std::array<RecentPayloads, 2>> m_recent; // [0]: outgoing, [1]: incoming
    bool m_budgetReached = false;
    qint64 m_bytesNotKept = 0;
};

} // namespace wsi
