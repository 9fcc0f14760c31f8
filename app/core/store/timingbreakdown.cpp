// TimingBreakdown: a connection's opening time as named parts that add up to the total shown.
#include "store/timingbreakdown.h"

#include <QtGlobal>

namespace wsi {

namespace {

qint64 rounded(qint64 us, qint64 unitUs)
{
    return us < 0 ? -1 : (us + unitUs / 2) / unitUs * unitUs;
}

} // namespace

TimingBreakdown::TimingBreakdown(const ConnectionTimings &timings, bool withTls, qint64 unitUs)
{
    unitUs = qMax<qint64>(1, unitUs);
    QList<Part> raw;
    if (timings.socketStartUs >= 0)
        raw << Part { Step::SocketStart, timings.socketStartUs };
    raw << Part { Step::Dns, timings.dnsUs } << Part { Step::Tcp, timings.tcpUs };
    if (withTls || timings.tlsUs >= 0)
        raw << Part { Step::Tls, timings.tlsUs };
    raw << Part { Step::Upgrade, timings.upgradeUs };
    if (timings.localTapUs >= 0)
        raw << Part { Step::LocalTap, timings.localTapUs };
    qint64 measuredRaw = 0;
    qint64 measured = 0;
    for (const Part &part : qAsConst(raw)) {
        m_parts << Part { part.step, rounded(part.us, unitUs) };
        measuredRaw += qMax<qint64>(0, part.us);
        measured += qMax<qint64>(0, m_parts.constLast().us);
    }
    if (timings.totalUs < 0)
        return;
    // Only time no part measured is a rest: parts that make up the total leave none, whatever the rounding
    // does. Clocks read at slightly different moments may make the steps exceed the total: then there is no
    // rest either, and the total shown is the steps' sum.
    const qint64 rest
        = timings.totalUs > measuredRaw ? qMax<qint64>(0, rounded(timings.totalUs, unitUs) - measured) : 0;
    m_parts << Part { Step::Rest, rest };
    m_totalUs = measured + rest;
}

qint64 TimingBreakdown::unitFor(qint64 totalUs)
{
    return totalUs < 10000 ? 10 : 100;
}

} // namespace wsi
