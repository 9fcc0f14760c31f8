#pragma once

#include "eventrecord.h"
#include "handshakeparser.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <functional>

class QTcpSocket;

namespace wsi {

// One client of the local test server as the front relay carries it: its socket (plain, or TLS already
// terminated), and a plain socket to the QWebSocketServer behind. Every byte both ways is recorded
// before it is passed on. Directions are the server's: Incoming = from the client, Outgoing = to it.
class RelayedClient : public QObject
{
    Q_OBJECT
public:
    // Looks at a complete upgrade request: returns empty to pass it on, or the whole HTTP response to answer
    // with instead (reject mode, a disallowed origin, too many clients); the relay then closes.
    using Gate = std::function<QByteArray(const HttpHead &request)>;

    RelayedClient(QTcpSocket *client, quint16 backendPort, Gate gate, QObject *parent = nullptr);
    ~RelayedClient() override;

    QString peer() const { return m_peer; }            // "127.0.0.1:53122"
    quint16 backendLocalPort() const { return m_backendLocalPort; }
    bool rejected() const { return m_rejected; }
    // Drops both sides at once.
    void abort();

Q_SIGNALS:
    void bytesRecorded(wsi::Direction direction, qint64 timeUs, const QByteArray &bytes);
    // The relay's socket to QWebSocketServer is connected; its local port pairs it with the server-side QWebSocket.
    void backendConnected(quint16 localPort);
    // Both sides are closed; nothing more will be recorded.
    void finished();

private:
    void onClientReadyRead();
    void onClientDisconnected();
    void onBackendConnected();
    void onBackendReadyRead();
    void onBackendDisconnected();
    void answerAndClose(const QByteArray &response);
    void maybeFinish();

    QPointer<QTcpSocket> m_client;
    QTcpSocket *m_backend = nullptr;
    quint16 m_backendPort;
    Gate m_gate;
    QString m_peer;
    HandshakeParser m_request{HandshakeParser::Kind::Request};
    QByteArray m_pending; // client bytes waiting for the backend connection
    quint16 m_backendLocalPort = 0;
    bool m_forwarding = false;
    bool m_rejected = false;
    bool m_clientDone = false;
    bool m_backendDone = true; // until a backend connection is opened
    bool m_finished = false;
};

} // namespace wsi
