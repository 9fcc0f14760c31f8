// wallClockUs(): wall-clock microseconds that never go backwards, for event times.
#include "store/wallclock.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace wsi {

qint64 wallClockUs()
{
    struct Anchor
    {
        Anchor()
        {
            epochUs = QDateTime::currentMSecsSinceEpoch() * 1000;
            timer.start();
        }
        qint64 epochUs;
        QElapsedTimer timer;
    };
    static const Anchor anchor;
    return anchor.epochUs + anchor.timer.nsecsElapsed() / 1000;
}

} // namespace wsi
