// SlowTurnLog: which work held a thread's event loop longer than a limit (WSI_SLOW_TURN_MS), on stderr.
#include "store/slowturnlog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace wsi {

bool SlowTurnLog::s_active = false;

namespace {

struct Tally
{
    const char *name = nullptr;
    qint64 ns = 0;
    qint64 cpuNs = 0;
    int count = 0;
};

// A probe timer fires every kProbeMs; when it comes late, whatever ran since the previous tick held the loop (a
// window manager's ping waits just as long). Works with either event dispatcher (glib's does not report waking up).
constexpr int kProbeMs = 10;

struct TurnState
{
    QElapsedTimer clock;
    qint64 limitNs = 0;
    qint64 lastTickNs = 0;
    qint64 lastTickCpuNs = 0;
    std::array<Tally, 24> tallies {};
};

TurnState &state()
{
    static TurnState turn;
    return turn;
}

void onProbe()
{
    TurnState &turn = state();
    const qint64 nowNs = turn.clock.nsecsElapsed();
    const qint64 lateNs = nowNs - turn.lastTickNs - qint64(kProbeMs) * 1000000;
    if (lateNs > turn.limitNs) {
        std::fprintf(stderr,
            "slow turn: the loop answered %.1f ms late (at %.3f s); since the last answer:", double(lateNs) / 1e6,
            double(nowNs) / 1e9);
        qint64 namedNs = 0;
        for (const Tally &tally : turn.tallies) {
            if (!tally.name)
                break;
            std::fprintf(stderr, " %s %.1f ms (CPU %.1f) x%d;", tally.name, double(tally.ns) / 1e6,
                double(tally.cpuNs) / 1e6, tally.count);
            namedNs += tally.ns;
        }
        const qint64 cpuNs = SlowTurnLog::threadCpuNow();
        std::fprintf(stderr, " unnamed %.1f ms; the thread's CPU in all %.1f ms\n",
            double(nowNs - turn.lastTickNs - namedNs) / 1e6, double(cpuNs - turn.lastTickCpuNs) / 1e6);
    }
    turn.tallies.fill(Tally {});
    turn.lastTickNs = nowNs;
    turn.lastTickCpuNs = SlowTurnLog::threadCpuNow();
}

} // namespace

void SlowTurnLog::installFromEnvironment()
{
    const char *limit = std::getenv("WSI_SLOW_TURN_MS");
    if (!limit || !*limit || s_active || !QCoreApplication::instance())
        return;
    TurnState &turn = state();
    turn.limitNs = qint64(std::atof(limit) * 1e6);
    turn.clock.start();
    s_active = true;
    auto *probe = new QTimer(QCoreApplication::instance());
    probe->setTimerType(Qt::PreciseTimer);
    probe->setInterval(kProbeMs);
    QObject::connect(probe, &QTimer::timeout, probe, [] { onProbe(); });
    probe->start();
}

qint64 SlowTurnLog::now()
{
    return state().clock.nsecsElapsed();
}

qint64 SlowTurnLog::threadCpuNow()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

void SlowTurnLog::add(const char *name, qint64 ns, qint64 cpuNs)
{
    for (Tally &tally : state().tallies) {
        if (tally.name == name || !tally.name) {
            tally.name = name;
            tally.ns += ns;
            tally.cpuNs += cpuNs;
            ++tally.count;
            return;
        }
    }
}

} // namespace wsi
