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
    m_parts << Part { Step::Dns, rounded(timings.dnsUs, unitUs) } << Part { Step::Tcp, rounded(timings.tcpUs, unitUs) };
    if (withTls || timings.tlsUs >= 0)
        m_parts << Part { Step::Tls, rounded(timings.tlsUs, unitUs) };
    m_parts << Part { Step::Upgrade, rounded(timings.upgradeUs, unitUs) };
    if (timings.totalUs < 0)
        return;
    qint64 measured = 0;
    for (const Part &part : qAsConst(m_parts))
        measured += qMax<qint64>(0, part.us);
    // Clocks read at slightly different moments may make the steps exceed the total: then there is no rest,
    // and the total shown is the steps' sum.
    const qint64 rest = qMax<qint64>(0, rounded(timings.totalUs, unitUs) - measured);
    m_parts << Part { Step::Rest, rest };
    m_totalUs = measured + rest;
}

qint64 TimingBreakdown::unitFor(qint64 totalUs)
{
    return totalUs < 10000 ? 10 : 100;
}

} // namespace wsi
