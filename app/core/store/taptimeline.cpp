// TapTimeline: the moments of an outgoing connection's opening as the tap saw them, and the tap's share of it.
#include "store/taptimeline.h"

namespace wsi {

namespace {

qint64 between(qint64 fromUs, qint64 toUs)
{
    return fromUs < 0 || toUs < fromUs ? -1 : toUs - fromUs;
}

} // namespace

qint64 TapTimeline::socketStartUs() const
{
    return between(startedUs, acceptedUs);
}

qint64 TapTimeline::localTapUs() const
{
    const qint64 proxyExchange = between(acceptedUs, connectParsedUs);
    if (proxyExchange < 0)
        return -1;
    qint64 us = proxyExchange;
    for (const qint64 handOff : { between(upstreamReadyUs, tunnelUsedUs), between(responseHeadUs, openUs) })
        us += qMax<qint64>(0, handOff);
    return us;
}

void TapTimeline::applyTo(ConnectionTimings &timings) const
{
    timings.socketStartUs = socketStartUs();
    timings.localTapUs = localTapUs();
}

} // namespace wsi
