// HeapTrimmer: gives back to the system the heap glibc keeps after a flood, once the flood has calmed.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace wsi {

// After a flood glibc keeps what the flood's buffers used in its free lists (the tap's reads, the journal's batches):
// 18.6 MiB of a 37 MiB heap after 10 M messages in the window (issue 12), kept until the process exits, since glibc
// gives back by itself only the top of the heap. Whoever moves a flood's bytes in batches notes each batch here; once
// at least kMinWorkBytes went by since the last trim and no batch of kBusyBytes or more for kQuietMs, malloc_trim(0)
// gives the free pages back. It runs from a coarse timer on this object's thread (the GUI thread: an idle turn, never
// inside traffic's), which runs only while a trim is pending. During a flood it never trims: that would cost a few ms
// a turn cannot spare, and glibc would take the pages again at once. Without glibc it never trims.
class HeapTrimmer : public QObject
{
    Q_OBJECT
public:
    // Less than this since the last trim is no flood: nothing worth a trim is left over.
    static constexpr qint64 kMinWorkBytes = qint64(32) << 20;
    // A batch this big is traffic: the flood goes on. Smaller ones (a chatty feed) count, but do not hold the trim.
    static constexpr qint64 kBusyBytes = qint64(64) << 10;
    static constexpr int kQuietMs = 2000;
    static constexpr int kCheckMs = 1000;

    explicit HeapTrimmer(QObject *parent = nullptr);
    ~HeapTrimmer() override;

    // Whether this build can trim (glibc's malloc_trim).
    static bool available();

    // A batch of `bytes` went by (a turn's worth of a flood, not one message): a clock read and two additions.
    void noteBatch(qint64 bytes);
    // Trims if a flood went by and has calmed; true when it trimmed. The timer calls it.
    bool trimIfDue();

    int trims() const { return m_trims; }
    qint64 pendingBytes() const { return m_pendingBytes; } // noted since the last trim
    bool checking() const { return m_check.isActive(); }

    // Tests: the clock (ms, monotonic) and what a trim does, instead of the real ones.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }
    void setTrim(std::function<void()> trim) { m_trim = std::move(trim); }

private:
    qint64 nowMs() const { return m_nowMs ? m_nowMs() : m_clock.elapsed(); }

    QTimer m_check;
    QElapsedTimer m_clock;
    std::function<qint64()> m_nowMs;
    std::function<void()> m_trim;
    qint64 m_pendingBytes = 0;
    qint64 m_lastBusyMs = 0;
    int m_trims = 0;
};

} // namespace wsi
