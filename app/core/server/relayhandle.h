// RelayHandle: the GUI thread's side of the local server's FrontRelay, which runs on the ServerThread.
#pragma once

#include "server/relayedclient.h"
#include "server/serverbehaviour.h"
#include "server/serveroptions.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <memory>

namespace wsi {

class FrontRelay;
class ServedClients;
class ServerThread;
class TransportEndpoints;
class TransportTallies;

// Issue 12: the GUI thread never reads a socket of the local server. This handle holds the ServerThread, makes the
// FrontRelay there and has it listen (the one call that waits for the server thread, with stop()'s close of the
// listening socket), and posts everything else: mode and rule changes, the stop. Its ServedClients turns the relay's
// batches into Connections. Deleting it deletes the relay on its thread, applies the clients' last batches, and
// releases the thread (joined by the last holder).
class RelayHandle : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        QHostAddress address;
        quint16 port = 0;
        RelayedClient::Settings settings;
        QSslConfiguration tls; // null: plain TCP
        ServerOptions options; // what the answers depend on (ServerBehaviour)
        std::shared_ptr<ServerBehaviour::Counts> counts;
        // Not null: loopback requests under /transports/ go to the relay's TransportEndpoints, counted into these.
        std::shared_ptr<TransportTallies> sideDoor;
    };

    explicit RelayHandle(QObject *parent = nullptr);
    ~RelayHandle() override;

    // False with Qt's reason (and whether the address is in use) when the relay cannot listen.
    bool listen(const Setup &setup, QString *error, bool *addressInUse);
    bool isListening() const { return m_listening; }
    quint16 port() const { return m_port; }
    ServedClients *clients() const { return m_clients; }
    // The relay itself, for tests (which thread it and its clients are on); use it on its own thread only.
    FrontRelay *relayOnServerThread() const { return m_relay; }
    // The relay's side door (null without one): posted to, never called from here (TransportEndpointsHandle).
    TransportEndpoints *sideDoorOnServerThread() const { return m_sideDoor; }

    void setMode(ServerMode mode);
    void setAutoReplies(const QList<AutoReplyRule> &rules);
    // Stops listening (waits until the server thread closed the socket), then every client gets the Close (code,
    // reason; an abort before its 101) and nothing more is answered.
    void stop(int code, const QString &reason);
    // Goes (with the relay) after ms, owned by the application meanwhile: the clients finish their Close handshake.
    void retireAfter(int ms);

Q_SIGNALS:
    // A client failed the TLS handshake.
    void tlsFailed(const QString &peer, const QString &reason);

private:
    std::shared_ptr<ServerThread> m_thread;
    FrontRelay *m_relay = nullptr; // lives on m_thread
    TransportEndpoints *m_sideDoor = nullptr; // the relay's child, on m_thread
    ServedClients *m_clients = nullptr;
    quint16 m_port = 0;
    bool m_listening = false;
};

} // namespace wsi
