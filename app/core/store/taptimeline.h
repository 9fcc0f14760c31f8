// TapTimeline: the moments of an outgoing connection's opening as the tap saw them, and the tap's share of it.
#pragma once

#include "store/handshakerecord.h"

namespace wsi {

// Our own connections reach their server through the local tap, so part of their opening is spent with the
// tap rather than on the network: the app's WebSocket starting and reaching the tap, the proxy exchange, and
// the hand-offs through the tunnel. These moments, all read from wallClockUs(), measure those parts directly;
// with the steps read from the same clock between the same moments, every part ends where the next begins
// and together they make up the total exactly. -1: the moment did not happen (yet).
class TapTimeline
{
public:
    qint64 startedUs = -1; // connect started (the total's start)
    qint64 acceptedUs = -1; // the tap accepted the WebSocket's TCP connection
    qint64 connectParsedUs = -1; // the authenticated CONNECT head was read: the tap starts its DNS
    qint64 upstreamReadyUs = -1; // the last upstream step done (TCP, or the real server's TLS when intercepting)
    // The WebSocket's first use of the tunnel was read: the upgrade request's head, or the first TLS byte
    // when the wire is opaque (then the TLS step starts here).
    qint64 tunnelUsedUs = -1;
    qint64 responseHeadUs = -1; // the upgrade response's head was read from the server
    qint64 openUs = -1; // the WebSocket reported open (the total's end)

    // Connect started -> the tap accepted; -1 unless both are known.
    qint64 socketStartUs() const;
    // The tap's own time: accepted -> CONNECT parsed, upstream ready -> tunnel used, response head -> open;
    // -1 before the proxy exchange is done. A hand-off whose ends are not both known is not counted.
    qint64 localTapUs() const;
    // Sets timings' socketStartUs and localTapUs; leaves the other steps alone.
    void applyTo(ConnectionTimings &timings) const;
};

} // namespace wsi
