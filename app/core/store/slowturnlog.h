// SlowTurnLog: which work held a thread's event loop longer than a limit (WSI_SLOW_TURN_MS), on stderr.
#pragma once

#include <QtGlobal>

namespace wsi {

// The window must answer the window manager's _NET_WM_PING within 50 ms during a flood (issue 12), and an
// answer waits for whatever the event loop does in front of it. With WSI_SLOW_TURN_MS=<ms> set, a 10 ms probe timer
// on the GUI thread notes each time it fires more than that late, with the named sections that ran since its
// previous tick and their times (the rest is "unnamed": Qt's own work, sockets, painting), so a stall can be
// pinned on the work that caused it, on a loaded machine too. Unset, a section costs one branch. Diagnostics only:
// nothing reads the log back.
class SlowTurnLog
{
public:
    // Watches the GUI thread's event loop when WSI_SLOW_TURN_MS is set (call once, from it, after the application).
    static void installFromEnvironment();
    static bool active() { return s_active; }
    static qint64 threadCpuNow(); // the calling thread's CPU time, ns

    // A named piece of a turn's work (a string literal): its time is added to the turn's tally. Only on the
    // watched thread.
    class Section
    {
    public:
        explicit Section(const char *name)
            : m_name(s_active ? name : nullptr)
            , m_startNs(m_name ? now() : 0)
            , m_startCpuNs(m_name ? threadCpuNow() : 0)
        { }
        ~Section()
        {
            if (m_name)
                add(m_name, now() - m_startNs, threadCpuNow() - m_startCpuNs);
        }
        Section(const Section &) = delete;
        Section &operator=(const Section &) = delete;

    private:
        const char *m_name;
        qint64 m_startNs;
        qint64 m_startCpuNs; // the thread's CPU time: on a loaded machine the wall time includes waiting for a core
    };

private:
    static qint64 now();
    static void add(const char *name, qint64 ns, qint64 cpuNs);
    static bool s_active;
};

} // namespace wsi
