// WorkerPriority: the app's worker threads yield the CPU to the GUI thread when both want it.
#include "store/workerpriority.h"

#include <QtGlobal>

#include <atomic>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace wsi {

namespace {

std::atomic<bool> g_enabled { false };

} // namespace

void WorkerPriority::enableForWorkers()
{
    g_enabled.store(true, std::memory_order_relaxed);
}

bool WorkerPriority::enabled()
{
    return g_enabled.load(std::memory_order_relaxed);
}

void WorkerPriority::applyToThisWorker()
{
    if (!enabled())
        return;
#ifdef Q_OS_LINUX
    // PRIO_PROCESS with a thread's id sets that thread's nice value alone. Raising it needs no privilege; a failure
    // leaves the worker as it was, which is only less kind to the window.
    const pid_t tid = ::gettid();
    errno = 0;
    const int now = ::getpriority(PRIO_PROCESS, id_t(tid));
    if (errno == 0)
        ::setpriority(PRIO_PROCESS, id_t(tid), qMin(now + kNicer, 19));
#endif
}

} // namespace wsi
