// DiskBacklog: whether the spill writer is behind the recording, for the producers that can stop reading.
#pragma once

#include <QObject>

#include <atomic>

namespace wsi {

// Issue 12: when the recording outruns the disk, the evicted chunks pile up in the spill writer's queue. The GUI
// thread used to wait for them in PayloadCache::trim() (a turn held 845 ms once, the journal sharing the disk). Now
// the producers hold back instead: a socket that records checks isBehind() before it reads, stops while it is true
// (TCP then holds the sender back, as the tap's 512 KiB bound does), and reads on when caughtUp() arrives.
//
// How to adopt it (the tap does, capture/WireTap; the local server and the proxies can the same way, on any thread):
//   - before each read of a recorded socket: `if (DiskBacklog::instance().isBehind()) return;` (leave the bytes in
//     the socket: with a bounded read buffer Qt stops reading the kernel too);
//   - once: `connect(&DiskBacklog::instance(), &DiskBacklog::caughtUp, reader, &Reader::readWhatWaits);` with a
//     receiver that lives on the reading thread: the signal is emitted on the writer's thread, so the slot is queued.
//   The slot must look at isBehind() again: a wake may be stale (the writer fell behind again meanwhile), never
//   missing (every end of a behind spell emits caughtUp() after the flag went down).
//
// The flag is set and cleared by the spill writer under its own lock, as what it holds changes (noteHeld()), so it
// always follows the held bytes in order; caughtUp() is emitted after that lock is let go. Behind above mark(),
// caught up at half of it: a chunk written is not a reason to wake every producer for a read or two.
class DiskBacklog : public QObject
{
    Q_OBJECT
public:
    // The app's one backlog, fed by the PayloadCache's spill writer. Never destroyed: producers on other threads and
    // the writer's thread may still look at it while statics are torn down.
    static DiskBacklog &instance();

    // Producers: true while they should not read. Any thread.
    bool isBehind() const { return m_behind.load(std::memory_order_acquire); }
    // How many times it fell behind so far (tests, benchmarks).
    quint64 spells() const { return m_spells.load(std::memory_order_relaxed); }

    // The writer side. Behind above `bytes` held (the cache sets its disk reserve).
    void setMark(qint64 bytes) { m_mark.store(bytes, std::memory_order_relaxed); }
    qint64 mark() const { return m_mark.load(std::memory_order_relaxed); }
    // What the writer holds changed (called under the writer's lock, so the calls come in the held bytes' order).
    // True when this ended a behind spell: the caller emits caughtUp() through announceCaughtUp() once unlocked.
    bool noteHeld(qint64 heldBytes);
    // The writer will hold no less for now (a write failed, or it stops): nobody may wait for it. As noteHeld().
    bool giveUp();
    void announceCaughtUp() { Q_EMIT caughtUp(); }

Q_SIGNALS:
    // The writer caught up: producers read on. Emitted on the writer's thread.
    void caughtUp();

private:
    DiskBacklog() = default;

    std::atomic<qint64> m_mark { qint64(64) << 20 };
    std::atomic<bool> m_behind { false };
    std::atomic<quint64> m_spells { 0 };
};

} // namespace wsi
