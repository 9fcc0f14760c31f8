// wallClockUs(): wall-clock microseconds that never go backwards, for event times.
#pragma once

#include <QtGlobal>

namespace wsi {

// Wall-clock microseconds since the epoch that never go backwards: the epoch is read once, then a
// monotonic clock advances it, so event order and durations are exact even if the system clock jumps.
qint64 wallClockUs();

} // namespace wsi
