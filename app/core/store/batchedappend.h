// BatchedAppend: one EventStore::appendRows call: a RowBatch's records and payload bytes copied into a store in bulk.
#pragma once

#include "store/eventrecord.h"

#include <QtGlobal>

namespace wsi {

class EventStore;
class RowBatch;

// Appends a batch's records to a store as appendFrameAndMessage()/append() would have one by one, but without a
// call per row into the store's parts: records are written straight into their block's free slots, and the payload
// bytes that follow each other in the batch are copied into the arena a run at a time (a run ends where a chunk
// is full or the batch's bytes are not all stored: an echo shares the bytes it repeats). Where the bytes go, the
// echo sharing and the session budget are exactly the one-by-one path's, so the store holds the same; a message
// the budget cuts (and an adopted buffer) is handed to that path itself. Lives for one call.
class BatchedAppend
{
public:
    BatchedAppend(EventStore &store, const RowBatch &batch);
    BatchedAppend(const BatchedAppend &) = delete;
    BatchedAppend &operator=(const BatchedAppend &) = delete;

    void run(qsizetype first, qsizetype end);

private:
    bool takesTheOneByOnePath(const EventRecord &record) const;
    void appendOneByOne(const EventRecord &record);
    void appendInBulk(const EventRecord &record);
    // The arena offset of `size` bytes of the batch at `at`, placed at the end of the current run when they follow
    // it and fit in its chunk, else starting a new run.
    quint64 place(quint64 at, qsizetype size);
    // As EventStore::storeMessagePayload: the bytes of the oldest unanswered message of the other direction when
    // they are the same (an echo), else placed.
    quint64 placeMessage(Direction dir, quint64 at, qsizetype size);
    void writeRecord(const EventRecord &record);
    void finishRun(); // the run's bytes copied into the arena
    void commitRecords(); // the records written so far counted in their blocks
    qsizetype bytesStored() const; // the arena's, the current run included

    EventStore &m_store;
    const RowBatch &m_batch;
    const qint64 m_budget;
    // The run: bytes of the batch from m_runStart on, going to the arena at m_runOffset (m_runRoom bytes free).
    char *m_runTarget = nullptr;
    quint64 m_runStart = 0;
    quint64 m_runOffset = 0;
    qsizetype m_runLength = 0;
    qsizetype m_runRoom = 0;
    // Free record slots of the block being filled; m_written of them are written and not yet committed.
    EventRecord *m_slot = nullptr;
    qsizetype m_slotRoom = 0;
    qsizetype m_written = 0;
};

} // namespace wsi
