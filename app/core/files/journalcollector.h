// JournalCollector: copies a connection's rows not journaled yet into the journal writer's batches.
#pragma once

#include "files/legcursor.h"

#include <QDeadlineTimer>
#include <QString>

#include <memory>

namespace wsi {

class Connection;
class ForwardedPayloads;
class JournalWriter;

// The GUI thread's share of journaling (SessionJournal decides when): it copies records and payload bytes of
// the rows after a position, on every leg of the connection in time order (LegCursor), into batches for the
// writer thread, which formats and appends them. Rows whose line needs the connection (handshakes, TLS, a
// proxy's mark) are formatted here, the rest there.
class JournalCollector
{
public:
    // A batch is posted to the writer at this size, so that it starts formatting while the rest is taken.
    static constexpr qsizetype kBatchBytes = 1024 * 1024;
    // How far the writer may fall behind. Beyond it no more rows are taken until the writer catches up: they stay
    // in the connection's legs, which hold every row for as long as the connection lives, and are taken on a
    // later turn. So the GUI thread never waits for the writer during a flood and nothing is dropped, silently
    // or not; only the file lags further (a kill -9 then loses more than one flush interval).
    static constexpr qsizetype kMaxQueuedBytes = 16 * 1024 * 1024;
    // Rows taken between two looks at the slice's clock, so the most a turn takes past its slice: 2048 rows took
    // 30-60 ms on a loaded machine when the rows had to be read back from the spill file, past the 8 ms slice and
    // the window's 50 ms (issue 12). A look costs a clock read. Large rows make a count of rows meaningless (256
    // echoes of 64 KiB are 16 MiB to copy: 50-140 ms of one turn in the window's own test server), so the clock is
    // also read each time a batch is posted (at most every kBatchBytes).
    static constexpr qsizetype kSliceCheckEvents = 256;

    enum class Outcome {
        AllTaken, // every row the connection holds now is with the writer
        Sliced, // the slice expired: the rest on the next turn of the event loop
        WriterBehind, // see kMaxQueuedBytes: the rest once the writer caught up
        WaitingForSpill, // the next row is being read back from the spill file off this thread: the rest after that
    };
    // Whether the rows left in the spill file are read back here (the collection must take every row now: a removed
    // connection, the journal's flush) or on the spill reader's thread while the collection waits (a flood).
    enum class SpilledRows { ReadHere, ReadElsewhere };

    explicit JournalCollector(JournalWriter &writer)
        : m_writer(writer)
    { }

    // Hands the connection's rows after `taken` to the writer as batches for journal `file` at `path`, advancing
    // taken with every batch posted. bounded: stop while the writer is far behind (see kMaxQueuedBytes). spilled:
    // ReadElsewhere stops at a row whose record or payload the cache spilled, until the spill reader has read it
    // back (EventStore::prefetch): a flood more than the cache's budget ahead of the journal had the GUI thread read
    // 10 MiB record blocks back, 30-46 ms of CPU in one turn (issue 12).
    // forwarded: the journal's message lines so far, handed to the writer with each batch.
    Outcome collect(const Connection &connection, int file, const QString &path, LegCursor::Position &taken,
        const QDeadlineTimer &slice, bool bounded, const std::shared_ptr<ForwardedPayloads> &forwarded = {},
        SpilledRows spilled = SpilledRows::ReadHere);
    // Bytes of the batches posted so far (records and payloads), what they cost in memory until written.
    qint64 postedBytes() const { return m_postedBytes; }
    // Payload bytes of those batches lent by the store rather than copied (EventStore::lendPayload).
    qint64 lentBytes() const { return m_lentBytes; }

private:
    JournalWriter &m_writer;
    qint64 m_postedBytes = 0;
    qint64 m_lentBytes = 0;
};

} // namespace wsi
