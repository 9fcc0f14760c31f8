// ServedClients: the GUI thread's side of the relay's clients: a Connection each, fed by the relay's batches.
#pragma once

#include "server/servedbatch.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <memory>

namespace wsi {

class Connection;
class FrontRelay;
class ServedClientLink;

// Issue 12: the relay and its clients run on the server thread; this object, on the GUI thread, turns each client's
// ServedBatches into its Connection: the first batch makes it (clientArrived), the rest apply rows and moments in
// order, and each applied batch is acknowledged so that the relay reads on. Batches from another thread wait in a
// queue that is applied at most kApplyBudgetMs per event-loop pass, so that a burst (a hundred arrivals, each a
// Connection and a journal file) does not hold the window in one pass. What the GUI asks of a client (the
// composer's sends, a kick, removing it) is posted to the relay through the client's ServedClientLink.
class ServedClients : public QObject
{
    Q_OBJECT
public:
    // The relay may live on another thread (its batches arrive queued) or on this one (tests).
    explicit ServedClients(FrontRelay *relay, QObject *parent = nullptr);
    ~ServedClients() override;

    // Where the clients connected (their Connections' URL).
    void setUrl(const QUrl &url) { m_url = url; }
    // Runs f with the relay, on its thread, after everything posted before. Nothing once relayGone().
    template <typename F> void post(F f)
    {
        if (m_relay)
            QMetaObject::invokeMethod(
                m_relayObject, [relay = m_relay, f = std::move(f)] { f(relay); }, Qt::QueuedConnection);
    }
    // The relay is about to be deleted: nothing more is posted to it.
    void relayGone() { m_relay = nullptr; }
    // Applies what the relay sent (also its last batches, when it was deleted with clients still connected).
    void apply(const ServedBatch &batch);
    // Applies every batch still queued, now.
    void applyQueued();

Q_SIGNALS:
    // A new client's Connection (not owned by anyone yet: the receiver adds it to the workspace).
    void clientArrived(wsi::Connection *connection, quint64 client);
    // A client that was no WebSocket client: the side door took it; its Connection finished.
    void clientDiverted(wsi::Connection *connection);

private:
    static constexpr qint64 kApplyBudgetMs = 10;

    void enqueue(const ServedBatch &batch);
    void applySome();

    FrontRelay *m_relay;
    QObject *m_relayObject; // the same, for posting (FrontRelay is only declared here)
    QUrl m_url;
    QHash<quint64, std::shared_ptr<ServedClientLink>> m_links;
    std::deque<ServedBatch> m_queue;
    QTimer m_applyTurn; // the next part of the queue, on the next event-loop pass
};

} // namespace wsi
