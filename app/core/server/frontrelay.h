// FrontRelay: the local test server's listening socket; hands each client to a RelayedClient.
#pragma once

#include "server/readpassgauge.h"
#include "server/relayedclient.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

namespace wsi {

// The local test server's public face: a QTcpServer on the address and port the user chose, which hands
// each accepted client to a RelayedClient that serves and records it on that one socket. For wss it
// terminates TLS itself, so what it records is the plaintext.
class FrontRelay : public QTcpServer
{
    Q_OBJECT
public:
    explicit FrontRelay(QObject *parent = nullptr);

    // A null configuration means plain TCP.
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    void setClientSettings(const RelayedClient::Settings &settings) { m_settings = settings; }
    // At most this many clients are handed on per event-loop turn (tests lower it to see the bound at work).
    void setMaxAcceptsPerTurn(int count);

Q_SIGNALS:
    void clientAccepted(wsi::RelayedClient *client);
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

    QSslConfiguration m_tls;
    RelayedClient::Settings m_settings;
    QSet<RelayedClient *> m_clients;
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
