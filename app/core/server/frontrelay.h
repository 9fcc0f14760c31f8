#pragma once

#include "relayedclient.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTcpServer>

namespace wsi {

// The local test server's public face: a QTcpServer on the address and port the user chose, which hands
// each accepted client to a RelayedClient that records it and carries it to the QWebSocketServer listening
// on 127.0.0.1 behind. For wss it terminates TLS itself, so what it records is the plaintext.
class FrontRelay : public QTcpServer
{
    Q_OBJECT
public:
    explicit FrontRelay(QObject *parent = nullptr);

    // A null configuration means plain TCP.
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    void setBackendPort(quint16 port) { m_backendPort = port; }
    void setGate(RelayedClient::Gate gate) { m_gate = std::move(gate); }

Q_SIGNALS:
    void clientAccepted(wsi::RelayedClient *client);
    // A client failed the TLS handshake (it does not trust the certificate, speaks plain HTTP, ...).
    void tlsFailed(const QString &peer, const QString &reason);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onPendingConnection();
    void accept(QTcpSocket *socket);

    QSslConfiguration m_tls;
    quint16 m_backendPort = 0;
    RelayedClient::Gate m_gate;
};

} // namespace wsi
