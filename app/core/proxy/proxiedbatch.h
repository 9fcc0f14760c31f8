// ProxiedBatch: what one reverse proxy client recorded on the proxy thread, for the GUI thread to apply in order.
#pragma once

#include "proxy/acknowledgedbytes.h"
#include "proxy/proxiedstep.h"

#include <QString>

#include <memory>
#include <vector>

namespace wsi {

// Issue 12: a ProxiedClient on the ProxyThread never touches its Connection. Every recording call it made (both legs'
// bytes, notes, the opening, the end) is a step here, in the order it made them, so the two legs' rows keep their
// wire order (connection/LegOrder) and each leg's WireRecorder decodes exactly what it decoded on the GUI thread
// before. The GUI thread (ProxiedClients) runs the steps on the client's ProxiedTransport and acknowledges wireBytes
// (AcknowledgedBytes).
struct ProxiedBatch
{
    quint64 client = 0; // the ProxyListener's number for the client
    bool first = false; // the client's first batch: the GUI thread makes its Connection (peer)
    bool last = false; // the client finished: nothing more comes
    QString peer;
    qint64 acceptedUs = 0; // when the proxy accepted the client: the connection's start
    std::vector<ProxiedStep> steps;
    qint64 wireBytes = 0; // the recorded socket bytes the steps carry (the back-pressure's measure)
    std::shared_ptr<AcknowledgedBytes> acknowledged; // where the GUI thread adds wireBytes once applied
};

} // namespace wsi
