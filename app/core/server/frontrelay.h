// FrontRelay: the local test server's listening socket; hands each client to a RelayedClient.
#pragma once

#include "server/readpassgauge.h"
#include "server/relayedclient.h"
#include "server/servedbatch.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <memory>

namespace wsi {

class ServerBehaviour;
class TransportEndpoints;
class TransportTallies;

// The local test server's public face: a QTcpServer on the address and port the user chose, which hands
// each accepted client to a RelayedClient that serves and records it on that one socket. For wss it
// terminates TLS itself, so what it records is the plaintext. Issue 12: it lives on the ServerThread with its
// clients and its side door (RelayHandle makes it there); what they recorded leaves in ServedBatches (batchReady), one
// per client per 16 ms at most, and everything the GUI asks of a client comes posted, by the client's id.
class FrontRelay : public QTcpServer
{
    Q_OBJECT
public:
    explicit FrontRelay(QObject *parent = nullptr);
    // Clients still connected end their record here (their last batch leaves before the relay is gone).
    ~FrontRelay() override;

    // What the answers depend on (echo, broadcast, auto-replies, the gate); none: no answers, no refusals.
    void setBehaviour(std::unique_ptr<ServerBehaviour> behaviour);
    ServerBehaviour *behaviour() const { return m_behaviour.get(); }
    // Loopback requests under /transports/ go to the side door: TransportEndpoints owned by this relay, on its
    // thread, counting into these tallies (shared with the GUI thread's TransportEndpointsHandle).
    void openSideDoor(std::shared_ptr<TransportTallies> tallies);
    // The side door's endpoints (null unless opened); use them on this relay's thread only.
    TransportEndpoints *sideDoor() const { return m_sideDoor; }
    // A client by its id, null once it is gone (its last batch has left).
    RelayedClient *client(quint64 id) const { return m_byId.value(id); }
    // Every client: the 1001 (or an abort before the 101), and no answers any more (the server stops).
    void stopServing(int code, const QString &reason);

    // A null configuration means plain TCP.
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    void setClientSettings(const RelayedClient::Settings &settings) { m_settings = settings; }
    // At most this many clients are handed on per event-loop turn (tests lower it to see the bound at work).
    void setMaxAcceptsPerTurn(int count);

Q_SIGNALS:
    // What a client recorded since its last batch; its first batch is its arrival.
    void batchReady(const wsi::ServedBatch &batch);
    // A client failed the TLS handshake (it does not trust the certificate, speaks plain HTTP, ...).
    void tlsFailed(const QString &peer, const QString &reason);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onPendingConnection();
    void acceptPending();
    void accept(QTcpSocket *socket);
    void watchDeadlines(RelayedClient *client);
    void sweepDeadlines();
    void onRecorded(RelayedClient *client, bool urgent);
    void sendBatch(RelayedClient *client);
    void sendDueBatches();
    int admittedCount() const;

    QSslConfiguration m_tls;
    RelayedClient::Settings m_settings;
    QSet<RelayedClient *> m_clients;
    QHash<quint64, RelayedClient *> m_byId;
    quint64 m_nextId = 1;
    std::unique_ptr<ServerBehaviour> m_behaviour;
    bool m_stopped = false; // stopServing() ran: a client whose TLS or accept comes later is let go, not served
    TransportEndpoints *m_sideDoor = nullptr; // a child: it and its sockets stay on this thread
    // The clients with something recorded that waits for the next 16 ms tick (one timer for all of them).
    QSet<RelayedClient *> m_due;
    QTimer m_batchTick;
    // Tells the clients whether to write each answer at once (few talking) or once per read (many).
    ReadPassGauge m_gauge;
    // Runs the next batch of pending clients on the next event-loop turn, after timers and painting.
    QTimer m_acceptTurn;
    int m_maxAcceptsPerTurn = 1;
    // The clients with a deadline running (handshake, idle timeout, our Close): 10,000 open clients without
    // an idle timeout have none, and the sweep should not walk them ten times a second.
    QSet<RelayedClient *> m_watched;
    // One timer for every client's handshake, idle and close deadlines: a timer per client would cost
    // 10,000 registrations in the event dispatcher with as many idle clients.
    QTimer m_sweep;
};

} // namespace wsi
