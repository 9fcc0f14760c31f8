// TransportClient: one client side of the transport comparison: receives the server's pushes, sends upstream.
#include "transports/transportclient.h"

#include "transports/transportworkload.h"

#include <chrono>

namespace wsi {

TransportClient::TransportClient(QObject *parent)
    : QObject(parent)
{ }

void TransportClient::take(QByteArrayView message)
{
    const int seq = TransportWorkload::sequenceOf(message);
    // The feed is in order; a number seen before (a stream that reconnected) is no new delivery.
    if (seq <= m_lastSeq)
        return;
    m_lastSeq = seq;
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    Q_EMIT received(seq, qint64(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
}

} // namespace wsi
