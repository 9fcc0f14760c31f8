// PassPacedQueue: hands a thread's event loop at most one heavy item (a batch of rows) per pass, keeping order.
#pragma once

#include <QObject>

#include <deque>
#include <functional>

namespace wsi {

// Issue 12: the window must answer the window manager's _NET_WM_PING within 50 ms during a flood. Qt's
// sendPostedEvents delivers every event posted before a pass began in one go, so batches that queued up while the GUI
// thread was busy were applied back to back (two of the tap's batches: 31 ms) before the X11 events were looked at.
// Here a heavy item runs at once only if none ran in this pass and nothing waits; else it waits, and after each heavy
// item a continuation is posted: events posted during a pass wait for the next pass (Qt's insertionOffset), so the
// next heavy item comes after the other event sources had their turn. Light items (the signals that follow a batch:
// connected, failed, closed, drained...) run at once when nothing waits, else behind what waits, so a signal is still
// handled after the batch of the bytes before it. Not a timer: a timer would add latency and not keep that order.
class PassPacedQueue
{
public:
    // context: the thread's object the continuations are posted to; they die with it.
    explicit PassPacedQueue(QObject *context);
    PassPacedQueue(const PassPacedQueue &) = delete;
    PassPacedQueue &operator=(const PassPacedQueue &) = delete;

    // Runs run now, or after what waits and in a later pass than the last heavy item. run may delete the context.
    void heavy(std::function<void()> run);
    // Runs run now, or after what waits. run may delete the context.
    void light(std::function<void()> run);
    // Drops what waits (the receiver is done with it).
    void clear() { m_waiting.clear(); }
    // Runs everything that waits, now and in order (the sender is going away, and what it says last must come after).
    void runAll();
    bool idle() const { return m_waiting.empty(); }

private:
    struct Item
    {
        bool heavy;
        std::function<void()> run;
    };

    // Runs a heavy item and schedules the next pass; false if it deleted the context.
    bool runHeavy(const std::function<void()> &run);
    // The next pass: what waits up to the second heavy item (the light items behind the first come with it).
    void continuePass();

    QObject *m_context;
    std::deque<Item> m_waiting;
    bool m_heavyThisPass = false; // a heavy item ran and its continuation is posted
};

} // namespace wsi
