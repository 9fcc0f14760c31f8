// TimingBreakdown: a connection's opening time as named parts that add up to the total shown.
#pragma once

#include "store/handshakerecord.h"

#include <QList>

namespace wsi {

// Our own connections measure every part of their opening on one clock between shared moments (see
// TapTimeline): the app's WebSocket starting and reaching its local tap, DNS, TCP, TLS, the upgrade, and the
// local tap's own proxy exchange and hand-offs; those parts make up the total exactly. Time no part measured
// (an imported session's, which knows only some steps, or the encrypted upgrade of wss the tap cannot read) is
// the rest, a part of its own, so the parts always add up to the total, also after rounding to the precision
// they are shown in.
class TimingBreakdown
{
public:
    enum class Step { SocketStart, Dns, Tcp, Tls, Upgrade, LocalTap, Rest };
    struct Part
    {
        Step step;
        qint64 us; // -1: not measured (shown, not counted)
    };

    // unitUs: the precision shown (10 for hundredths of a millisecond); every part is rounded to it.
    explicit TimingBreakdown(const ConnectionTimings &timings, bool withTls, qint64 unitUs = 1);

    // In order: socket start (when measured), DNS, TCP, TLS (when withTls or measured), upgrade, local tap
    // (when measured), then the rest once the total is known (0 when the measured parts make up the total).
    const QList<Part> &parts() const { return m_parts; }
    // The sum of the parts; -1 while the total is not known.
    qint64 totalUs() const { return m_totalUs; }
    // The unit for showing a total of this size: hundredths of a millisecond below 10 ms (or unknown), tenths above.
    static qint64 unitFor(qint64 totalUs);

private:
    QList<Part> m_parts;
    qint64 m_totalUs = -1;
};

} // namespace wsi
