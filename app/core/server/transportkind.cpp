// TransportKind: the four ways a server can push messages that the transport comparison measures.
#include "server/transportkind.h"

namespace wsi {

QByteArray transportName(TransportKind kind)
{
    switch (kind) {
    case TransportKind::Polling:
        return "polling";
    case TransportKind::LongPolling:
        return "long-polling";
    case TransportKind::Streaming:
        return "streaming";
    case TransportKind::WebSocket:
        return "websocket";
    }
    return {};
}

bool transportFromName(QByteArrayView name, TransportKind *kind)
{
    for (TransportKind candidate : allTransportKinds()) {
        if (name == transportName(candidate)) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

} // namespace wsi
