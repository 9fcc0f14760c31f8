// ServedBatch: what the server thread hands the GUI thread about one client: its decoded rows and its moments.
#pragma once

#include "connection/decodedbatch.h"

#include <QString>

#include <memory>

namespace wsi {

// Issue 12: a client of the local server is decoded and answered on the server thread; the GUI thread gets one of
// these per client per 16 ms (at once for the arrival, the opening and the end), applies the rows to the client's
// Connection (ConnectionLegWriter::apply) and then the moments, in that order: they happened after the rows.
struct ServedBatch
{
    quint64 client = 0; // the relay's id for the client: the first batch makes its Connection
    QString peer; // "127.0.0.1:53122"
    qint64 acceptedUs = 0; // when the relay accepted it: the Connection's start
    std::shared_ptr<const DecodedBatch> decoded; // null: nothing recorded since the last batch
    qint64 wireBytes = 0; // the recorded bytes it carries: acknowledged once applied (the relay's bound)
    qint64 openedUs = -1; // the 101 went out (after the rows)
    bool closing = false; // the server sent a Close on its own (idle timeout), after the rows
    bool diverted = false; // no WebSocket client: the side door took it (finished follows)
    bool finished = false; // the socket is done, nothing more comes
};

} // namespace wsi
