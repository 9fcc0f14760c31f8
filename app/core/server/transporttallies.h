// TransportTallies: the four transports' tallies, counted on the server thread and read from any other.
#pragma once

#include "server/transportkind.h"
#include "server/transporttally.h"

#include <QMutex>

#include <array>

namespace wsi {

// Issue 12: the transport endpoints count on the server thread while the comparison reads on the GUI thread. A lock
// rather than an atomic per field, so that a reader gets one tally as it was at one moment (heads and payloads of
// the same write), and because a count is added before its bytes are written: whatever a client has received is
// already in the tally the GUI thread reads next. Nothing here is a flood path (a few thousand counts per run).
class TransportTallies
{
public:
    TransportTally snapshot(TransportKind kind) const;
    void clear();

    // An accepted connection whose first request named this transport.
    void addConnection(TransportKind kind);
    // A parsed request: its head and its body, as they came in.
    void addRequest(TransportKind kind, qint64 headBytes, qint64 bodyBytes);
    // Bytes that crossed the socket either way: heads or frame headers, and bodies or frame payloads.
    void addBytes(TransportKind kind, qint64 headerBytes, qint64 payloadBytes);
    void addClientMessage(TransportKind kind);

private:
    mutable QMutex m_lock;
    std::array<TransportTally, 4> m_tallies;
};

} // namespace wsi
