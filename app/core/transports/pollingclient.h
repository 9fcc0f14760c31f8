// PollingClient: asks the server for new messages, every interval (polling) or again at once (long polling).
#pragma once

#include "transports/httptransportclient.h"

#include <QTimer>

namespace wsi {

// Polling asks GET .../poll?after=N every interval, as a page's setInterval() with fetch() would (a request
// still out when the next is due is not doubled); long polling asks again as soon as the held answer comes.
class PollingClient : public HttpTransportClient
{
    Q_OBJECT
public:
    // kind: Polling (intervalMs used) or LongPolling.
    PollingClient(TransportKind kind, int intervalMs, QObject *parent = nullptr);

protected:
    void begin() override;

private:
    void poll();
    void onPolled(QNetworkReply *reply);

    QTimer m_interval;
    bool m_inFlight = false;
};

} // namespace wsi
