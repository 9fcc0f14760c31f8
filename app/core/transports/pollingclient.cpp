// PollingClient: asks the server for new messages, every interval (polling) or again at once (long polling).
#include "transports/pollingclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace wsi {

PollingClient::PollingClient(TransportKind kind, int intervalMs, QObject *parent)
    : HttpTransportClient(kind, parent)
    , m_interval(this) // a child: it moves with the client to the client's thread
{
    m_interval.setInterval(qMax(1, intervalMs));
    connect(&m_interval, &QTimer::timeout, this, &PollingClient::poll);
}

void PollingClient::begin()
{
    poll();
    if (kind() == TransportKind::Polling)
        m_interval.start();
    Q_EMIT ready();
}

void PollingClient::poll()
{
    if (stopped() || m_inFlight || !network())
        return; // a tick while the last poll is out is skipped
    m_inFlight = true;
    QNetworkReply *reply = network()->get(request("poll?after=" + QByteArray::number(lastSeq())));
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onPolled(reply); });
}

void PollingClient::onPolled(QNetworkReply *reply)
{
    reply->deleteLater();
    m_inFlight = false;
    if (stopped()) {
        m_interval.stop();
        return;
    }
    if (checkFailed(reply)) {
        m_interval.stop();
        return;
    }
    const QList<QByteArray> lines = reply->readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.isEmpty())
            take(line);
    }
    if (kind() == TransportKind::LongPolling)
        poll(); // at once: the next message is held for us again
}

} // namespace wsi
