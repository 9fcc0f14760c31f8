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
#include <vector>

namespace wsi {

class RowBatch;

// The append-only event stream of one connection. Not a QObject: the owner (Connection) signals appends.
//
// Recording a flood is mostly a matter of fresh memory, so a single-frame message is stored compactly: its
// Frame row and its Message row share one record, and a message that repeats the previous message (an
// echo) shares its payload bytes. Readers never see the difference: at() and payload() give every row
// exactly as if each had been appended on its own.
//
// What it keeps is its owner's choice (Retention): everything, for as long as the store lives (the window,
// the session files), or, for a consumer that reads each row once and is done with it (the CLI printing
// its log), only what is still needed: rows not yet released, every row that is not traffic (handshake,
// open, close, error, info, tls: few, and read by whatever explains the ending), and the newest message,
// ping or pong. Row numbers never change: a dropped row is simply not held any more (isHeld()).
class EventStore
{
public:
    enum class Retention { KeepAll, Streaming };

    EventStore();
    ~EventStore();
    EventStore(const EventStore &) = delete;
    EventStore &operator=(const EventStore &) = delete;

    Retention retention() const { return m_retention; }
    void setRetention(Retention retention) { m_retention = retention; }
    // Streaming: the rows before `row` have been read and may go. They are dropped at a later append (not
    // at once: whoever else reads the rows as they are appended reads them first).
    void release(qsizetype row) { m_released = qMax(m_released, qMin(row, size())); }
    bool isHeld(qsizetype row) const { return row >= m_contiguousFirst || sparseIndex(row) >= 0; }
    // Streaming: a pinned row stays held through compactions even once released, until unpinned (then it goes
    // with the next compaction). A proxy pins the message rows its rules may still mark (a held message, and
    // those waiting behind it): a mark decided a flood later must find its row. Pinning a row no longer held
    // does nothing. Few rows are pinned at a time.
    void pin(qsizetype row);
    void unpin(qsizetype row);
    qsizetype pinnedCount() const { return qsizetype(m_pinned.size()); }
    // The first held row at or after `row` (size() if none), and the last one at or before it (-1 if none):
    // every row under KeepAll.
    qsizetype nextHeld(qsizetype row) const;
    qsizetype previousHeld(qsizetype row) const;

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

    // The records [first, end) of a batch built where the store is not (the capture thread), in bulk: records
    // copied into their blocks, payload bytes into the arena a run at a time (BatchedAppend); returns the first new
    // row's index. Every row reads back as if appended one by one with the calls that filled the batch; a message
    // the session budget cuts (and an adopted buffer) still takes the one-by-one path.
    qsizetype appendRows(const RowBatch &batch, qsizetype first, qsizetype end);
    // Whether appendFrameAndMessage() keeps the two rows as one record (a RowBatch pairs them the same way).
    static bool pairable(const EventRecord &frame, qsizetype headerSize, const EventRecord &message, quint64 length);

    qsizetype size() const { return m_storage->rows.size() + m_shift; }
    // A row that is not held (see Retention) reads as an empty Info row.
    EventRecord at(qsizetype row) const
    {
        const qsizetype local = localRow(row);
        if (local < 0)
            return {};
        const RowMap::Slot slot = m_storage->rows.at(local);
        const EventRecord &stored = m_storage->records.at(slot.record);
        if ((stored.reserved & kPairedBit) == 0)
            return stored;
        return slot.secondHalf ? messageHalf(stored) : frameHalf(stored);
    }
    // A view into the arena; valid as long as the store lives (under Streaming: as long as the row is held,
    // and until control returns to the event loop).
    QByteArrayView payload(qsizetype row) const;
    QByteArray payloadCopy(qsizetype row) const { return payload(row).toByteArray(); }
    // payload(row), with an owner that keeps those bytes valid on any thread for as long as it lives
    // (PayloadArena::lend): another thread reads them without a copy. A null owner: copy them instead.
    QByteArrayView lendPayload(qsizetype row, std::shared_ptr<const void> *owner) const;
    // Whether at(row) and payload(row) read nothing back from the spill file now. If they would, what they need is
    // read back on the spill reader's thread instead (started now unless it is already: RecordBlocks::prefetch),
    // and the caller asks again later. For readers that walk the rows in order and can wait: the session journal's
    // collection read spilled 10 MiB record blocks back on the GUI thread during a flood (issue 12).
    bool prefetch(qsizetype row) const;
    QString payloadText(qsizetype row) const { return QString::fromUtf8(payload(row)); }

    // The session budget (PayloadCache::sessionBudget()): once this store holds that many payload bytes, a
    // message keeps only its first kKeptBytes (its record's value still says its full size, payloadSize
    // what was kept), and an Info row says so where it began. Every record is still kept.
    static constexpr qsizetype kKeptBytes = 1024;
    bool budgetReached() const { return m_budgetReached; }
    qint64 bytesNotKept() const { return m_bytesNotKept; }

    // The rows that are not traffic (handshake, open, close, error, info, tls), ascending: few, always held, and
    // what explains how a connection ended, without reading (or reading back from the spill file) every
    // message of a flood.
    const std::vector<qsizetype> &landmarkRows() const { return m_landmarks; }
    // Each landmark row's type, in the same order: a reader after one kind reads no record for the others. An Info
    // row in the middle of a long flood ("reached its disk budget") sits in a record block spilled long ago, and
    // reading it at each connection's end read 10 MiB back per connection (ten closing at once: ~106 MiB).
    const std::vector<EventType> &landmarkTypes() const { return m_landmarkTypes; }

    qsizetype memoryUsed() const;
    // What the store holds now (under Streaming: far less than every row): shared payloads count once, a
    // Frame and Message pair is one record.
    qsizetype payloadBytesStored() const { return m_storage->arena.bytesStored(); }
    qsizetype recordsStored() const { return m_storage->records.size(); }

private:
    friend class BatchedAppend;
    friend class RowBatch;
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
    // Streaming: drops the released rows that nothing needs any more, once enough of them piled up.
    void compactIfDue();
    void compact();
    qsizetype localRow(qsizetype row) const { return row >= m_contiguousFirst ? row - m_shift : sparseIndex(row); }
    qsizetype sparseIndex(qsizetype row) const; // -1 when not held
    bool droppable(qsizetype row, const EventRecord &record) const;

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
    struct Storage
    {
        RecordBlocks records;
        RowMap rows;
        PayloadArena arena;
        std::unique_ptr<std::array<RecentPayloads, 2>> recent; // [0]: outgoing, [1]: incoming
    };
    std::unique_ptr<Storage> m_storage; // never null
    // The storage before the last compaction, freed at the next one: views into it stay valid meanwhile.
    std::unique_ptr<Storage> m_retired;
    // Rows held from before the last compaction (sorted) are the storage's first rows; every row from
    // m_contiguousFirst on is held, at local row (row - m_shift). KeepAll: none, 0 and 0.
    std::vector<qsizetype> m_sparse;
    std::vector<qsizetype> m_landmarks;
    std::vector<EventType> m_landmarkTypes;
    std::vector<qsizetype> m_pinned; // sorted
    qsizetype m_contiguousFirst = 0;
    qsizetype m_shift = 0;
    Retention m_retention = Retention::KeepAll;
    qsizetype m_released = 0;
    qsizetype m_lastTrafficRow = -1; // the newest message, ping or pong: kept, for "last seen"
    qsizetype m_heldBytesAfterCompaction = 0;
    qint64 m_droppedPayloadBytes = 0; // payload bytes compactions let go: the budget still counts them
    bool m_budgetReached = false;
    qint64 m_bytesNotKept = 0;
};

} // namespace wsi
