// TransportKind: the four ways a server can push messages that the transport comparison measures.
#pragma once

#include <QByteArray>
#include <QList>

namespace wsi {

enum class TransportKind { Polling, LongPolling, Streaming, WebSocket };

// In the order the comparison runs and shows them.
inline QList<TransportKind> allTransportKinds()
{
    return { TransportKind::Polling, TransportKind::LongPolling, TransportKind::Streaming, TransportKind::WebSocket };
}

// The name in paths (/transports/<name>/...) and in the CLI's JSON: "polling", "long-polling", ...
QByteArray transportName(TransportKind kind);
// False for a name that is none of the four.
bool transportFromName(QByteArrayView name, TransportKind *kind);

} // namespace wsi
