// TransportResult: what one transport cost and how fast it delivered, measured in the comparison.
#pragma once

#include "server/transportkind.h"
#include "server/transporttally.h"

#include <QString>

namespace wsi {

// One transport's measured outcome: the server's counts of its sockets, and the delivery latencies the
// client saw (from the server's event to the client's receipt).
struct TransportResult
{
    TransportKind kind = TransportKind::Polling;
    TransportTally tally;
    int expected = 0; // server messages pushed
    int delivered = 0; // distinct server messages the client received
    int clientMessagesSent = 0;
    double latencyP50Ms = 0;
    double latencyP95Ms = 0;
    QString error; // what went wrong, when the transport did not run through

    qint64 totalBytes() const { return tally.headerBytes + tally.payloadBytes; }
    bool deliveredAll() const { return error.isEmpty() && delivered == expected; }
};

} // namespace wsi
