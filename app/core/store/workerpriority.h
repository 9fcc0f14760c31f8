// WorkerPriority: the app's worker threads yield the CPU to the GUI thread when both want it.
#pragma once

namespace wsi {

// In the window, the threads that take a flood (the capture, proxy and server threads, the journal's writer, the
// spill file's writer and reader) run this much nicer than the GUI thread, so that on a busy machine the scheduler
// gives the GUI thread its share first: a window that answers the window manager is worth more than a flood read
// faster. On a shared 2-core machine, the GUI thread's turns under a 10 M message flood took 2-3 times their own
// CPU in wall time, preempted by the window's own workers among others, and about one _NET_WM_PING in 400-2,000 came
// later than 50 ms (issue 12). A worker kept waiting only slows the peer through TCP's flow control: nothing is lost.
// The CLI has no GUI thread and leaves its workers as they are.
class WorkerPriority
{
public:
    // How much nicer than the process a worker runs once enabled (a weight of about a third on Linux's scheduler).
    static constexpr int kNicer = 5;

    // Process-wide, before the first worker starts (the window's main()).
    static void enableForWorkers();
    static bool enabled();
    // Called by each worker thread as it starts: makes the calling thread nicer when enabled (Linux: a thread has
    // its own nice value), else nothing.
    static void applyToThisWorker();
};

} // namespace wsi
