// TimingBreakdown: a connection's opening time as named parts that add up to the total shown.
#pragma once

#include "store/handshakerecord.h"

#include <QList>

namespace wsi {

// The steps are measured by different clocks at different points (the tap times DNS and TCP, the recorder the
// TLS and upgrade bytes, the connection its start and open), so the total is more than the measured steps:
// the rest is the time the app's own WebSocket spends with its local tap (the proxy exchange on loopback and
// the hand-offs between steps). It is a part of its own, so the parts always add up to the total, also after
// rounding to the precision they are shown in.
class TimingBreakdown
{
public:
    enum class Step { Dns, Tcp, Tls, Upgrade, Rest };
    struct Part
    {
        Step step;
        qint64 us; // -1: not measured (shown, not counted)
    };

    // unitUs: the precision shown (10 for hundredths of a millisecond); every part is rounded to it.
    explicit TimingBreakdown(const ConnectionTimings &timings, bool withTls, qint64 unitUs = 1);

    // In order: DNS, TCP, TLS (when withTls or measured), upgrade, then the rest once the total is known.
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
