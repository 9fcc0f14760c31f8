// ProxiedBatch: what one reverse proxy client recorded on the proxy thread, for the GUI thread to apply in order.
#pragma once

#include "connection/connectionleg.h"
#include "connection/decodedbatch.h"
#include "proxy/acknowledgedbytes.h"
#include "proxy/proxiedstep.h"

#include <QString>

#include <memory>
#include <vector>

namespace wsi {

// Issue 12: a ProxiedClient on the ProxyThread never touches its Connection. Both legs' bytes are decoded there
// (ProxiedDecoder) into a DecodedBatch per leg, and every recording call it made (notes, the opening, the end, the
// rules' marks) is a step here, in the order it made them, between Rows steps that say how far each leg's rows go at
// that point: so the two legs' rows keep their wire order (connection/LegOrder) and a mark follows the row it is for.
// The GUI thread (ProxiedClients) runs the steps on the client's ProxiedTransport and acknowledges wireBytes
// (AcknowledgedBytes).
struct ProxiedBatch
{
    quint64 client = 0; // the ProxyListener's number for the client
    bool first = false; // the client's first batch: the GUI thread makes its Connection (peer)
    bool last = false; // the client finished: nothing more comes
    QString peer;
    qint64 acceptedUs = 0; // when the proxy accepted the client: the connection's start
    std::vector<ProxiedStep> steps;
    // Each leg's rows decoded on the proxy thread (null when it has none in this batch).
    std::shared_ptr<const DecodedBatch> clientRows;
    std::shared_ptr<const DecodedBatch> serverRows;
    // Messages each leg took from the other instead of decoding them (decode-once), since the client started.
    quint64 clientDecodedOnce = 0;
    quint64 serverDecodedOnce = 0;
    qint64 wireBytes = 0; // the recorded socket bytes the steps carry (the back-pressure's measure)
    std::shared_ptr<AcknowledgedBytes> acknowledged; // where the GUI thread adds wireBytes once applied

    const DecodedBatch *rows(ConnectionLeg::Facing facing) const
    {
        return (facing == ConnectionLeg::Facing::Client ? clientRows : serverRows).get();
    }
};

} // namespace wsi
