// LocalServer: the local test server: options, modes, clients as Connections, broadcast and kick.
#pragma once

#include "server/serverbehaviour.h"
#include "server/serveroptions.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>

class QSslCertificate;
class QSslConfiguration;
class QSslKey;

namespace wsi {

class CertificateAuthority;
class Connection;
class RelayHandle;
class TransportEndpointsHandle;
class Workspace;

// The local test server: a FrontRelay on the address the user chose speaks the server side of every client
// itself (docs/architecture.md, "Local server"). Every client becomes an incoming Connection in the
// workspace, recorded wire-true by the relay. The relay, its sockets and what decides the answers (ServerBehaviour)
// run on the ServerThread (issue 12); this class keeps the options, posts their changes there through its
// RelayHandle, and keeps the clients' Connections.
class LocalServer : public QObject
{
    Q_OBJECT
public:
    struct Stats
    {
        int clients = 0;
        quint64 messagesIn = 0;
        quint64 messagesOut = 0;
        double inPerSecond = 0;
        double outPerSecond = 0;
    };

    // Supplies a certificate for wss when the user picked none (the app's own CA issues it).
    using CertificateProvider
        = std::function<bool(const QStringList &hostNames, QSslCertificate *certificate, QSslKey *key, QString *error)>;

    explicit LocalServer(Workspace *workspace, QObject *parent = nullptr);
    ~LocalServer() override;

    void setCertificateProvider(CertificateProvider provider) { m_certificateProvider = std::move(provider); }
    // wss without a user certificate: leaves for localhost, 127.0.0.1 and ::1 issued by the app's own CA.
    void useCertificateAuthority(CertificateAuthority *authority);

    bool start(const ServerOptions &options, QString *error = nullptr);
    // Closes every client with 1001 Going Away and stops listening.
    void stop();
    bool isRunning() const;

    const ServerOptions &options() const { return m_options; }
    // Mode and auto-replies can change while running.
    void setMode(ServerMode mode);
    // Unusable rules (an invalid regular expression, an empty pattern) are refused with the reason, and the
    // rules in force stay.
    bool setAutoReplies(const QList<AutoReplyRule> &rules, QString *error = nullptr);

    quint16 port() const;
    // ws://127.0.0.1:port/ (a wildcard bind shows the loopback address, which always works from here).
    QUrl url() const;

    // In arrival order.
    QList<Connection *> clients() const;
    // Without building a list: the panel asks on every stats update, with 10,000 clients.
    bool hasClient(const Connection *client) const
    {
        return client && m_clients.contains(const_cast<Connection *>(client));
    }
    Stats stats() const;

    // What the server answers under /transports/ on its port (loopback clients only): HTTP polling, long
    // polling, streaming and a counted WebSocket, for the transport comparison. The endpoints run on the server
    // thread; this is their handle on this one.
    TransportEndpointsHandle *transports() const { return m_transports; }

    int broadcast(const QString &text, Connection *except = nullptr);
    bool kick(Connection *client, int code, const QString &reason);

Q_SIGNALS:
    void started(const QUrl &url);
    void stopped();
    void clientConnected(wsi::Connection *client);
    void clientDisconnected(wsi::Connection *client);
    void statsChanged();
    // Something worth telling the user that belongs to no single client (a TLS failure before the handshake).
    void notice(const QString &message);

private:
    bool tlsConfiguration(const ServerOptions &options, QSslConfiguration *tls, QString *error);
    void onClientArrived(Connection *client);
    void onRateTick();

    Workspace *m_workspace;
    ServerOptions m_options;
    RelayHandle *m_relay = nullptr;
    TransportEndpointsHandle *m_transports;
    // Sets, not lists: 10,000 clients leaving at once each removed themselves from a list of 10,000.
    QSet<Connection *> m_clients;
    // Counted on the server thread as the messages are answered.
    std::shared_ptr<ServerBehaviour::Counts> m_counts;
    CertificateProvider m_certificateProvider;
    Stats m_stats;
    quint64 m_lastIn = 0;
    quint64 m_lastOut = 0;
    QTimer m_rateTimer;
    // Client arrivals and departures update the stats once per burst, not once per client.
    QTimer m_statsCoalesce;
    QElapsedTimer m_rateClock;
};

} // namespace wsi
