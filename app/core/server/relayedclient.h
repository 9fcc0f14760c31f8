// RelayedClient: one client of the local test server, served and recorded on its own socket.
#pragma once

#include "connection/connection.h"
#include "connection/serversideendpoint.h"
#include "store/eventrecord.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>
#include <memory>

class QTcpSocket;

namespace wsi {

class MessageDeflater;
class ReadPassGauge;
class TransportEndpoints;

// One client of the local test server, served by the front relay itself: its socket (plain, or TLS
// already terminated) is the only one, and the relay speaks the server side of RFC 6455 on it (the 101
// or a refusal, pongs, the Close handshake, limits and timeouts). Every byte both ways is recorded into
// the client's Connection exactly as it crossed the socket; the Connection's recorder decodes the client's
// bytes once and tells this endpoint what they were. Directions are the server's: Incoming = from the client.
class RelayedClient : public QObject, public ServerSideEndpoint
{
    Q_OBJECT
public:
    // Looks at a complete upgrade request: returns empty to accept it, or the whole HTTP response to answer
    // with instead (reject mode, a disallowed origin, too many clients); the relay then closes.
    using Gate = std::function<QByteArray(const HttpHead &request)>;
    // Every complete data message from the open connection (echo, broadcast, auto-replies live there).
    using MessageHandler = std::function<void(RelayedClient *client, bool isText, QByteArrayView payload)>;

    struct Settings
    {
        QStringList subprotocols; // supported, in preference order
        quint64 maxMessageSize = quint64(64) * 1024 * 1024;
        int handshakeTimeoutMs = 10000;
        int idleTimeoutMs = 0; // 0: never
        bool deflate = false; // accept a permessage-deflate offer (RFC 7692)
    };

    // gauge (not owned, may be null) tells whether answers are written as they come or once per read.
    RelayedClient(QTcpSocket *client, const Settings &settings, ReadPassGauge *gauge, QObject *parent = nullptr);
    ~RelayedClient() override;

    // Starts serving the client, recording into connection (not owned; it may go away first).
    void serve(Connection *connection, Gate gate, MessageHandler handler);

    // The transport endpoints (not owned, may be null): a loopback connection whose first request asks for them
    // (GET or POST under /transports/) is handed to them before anything is recorded, and diverted() follows.
    void setSideDoor(TransportEndpoints *endpoints) { m_sideDoor = endpoints; }

    // The server stopped (and may be deleted) while this client finishes its Close handshake: no more
    // answers from it; the relay still pongs, closes and records.
    void stopServing();

    Connection *connection() const { return m_connection.data(); }
    QString peer() const { return m_peer; } // "127.0.0.1:53122"
    bool isOpen() const { return m_open && !m_closeSent; }
    // Answers written the moment they were framed because this client talked alone (see ReadPassGauge),
    // rather than once at the end of the read.
    quint64 answersWrittenAsTheyCame() const { return m_eagerWrites; }
    // The relay's one sweep timer calls this for every client with a deadline (no timer per client: 10,000
    // idle clients).
    void checkDeadlines(qint64 nowMs);
    // A deadline is running: the upgrade is not answered yet, our Close waits for the client's, or the idle
    // timeout watches an open connection. The sweep skips the others until deadlineArmed().
    bool hasDeadline() const;

    // ServerSideEndpoint: the client's decoded stream...
    void onRequestHead(const HttpHead &request) override;
    void onRequestInvalid(const QString &error) override;
    void onMessage(bool isText, QByteArrayView payload) override;
    void onPing(QByteArrayView payload) override;
    void onClose(int code, QByteArrayView reason) override;
    void onViolation(const ProtocolViolation &violation) override;
    quint64 maxMessageSize() const override { return m_settings.maxMessageSize; }
    // ... and sending to it.
    bool sendMessage(bool isText, QByteArrayView payload) override;
    bool sendPing(QByteArrayView payload) override;
    bool sendClose(int code, const QString &reason) override;
    void abort() override;

Q_SIGNALS:
    // The connection went to the transport endpoints: it was no WebSocket client; finished() follows.
    void diverted();
    // The socket is closed; nothing more will be recorded.
    void finished();
    // A client without a deadline got one (we sent a Close): the sweep must watch it again.
    void deadlineArmed();

private:
    void onReadyRead();
    // True when the socket went to the side door, or its first bytes do not tell yet.
    bool divertToSideDoor();
    void onBytesWritten();
    void onDisconnected();
    void queueFrame(quint8 opcode, QByteArrayView payload, bool rsv1 = false);
    void queueClose(int code, QByteArrayView reason);
    void flush();
    void answerAndClose(const QByteArray &response);
    void finish();

    QPointer<QTcpSocket> m_socket;
    QPointer<Connection> m_connection;
    Settings m_settings;
    Gate m_gate;
    MessageHandler m_handler;
    QString m_peer;
    // permessage-deflate negotiated: what we send goes out compressed (what the client sends is inflated by
    // the recorder, which hands this endpoint the inflated messages).
    std::unique_ptr<MessageDeflater> m_deflater;
    QByteArray m_out; // server frames gathered while a read is recorded, written (and recorded) at once
    qsizetype m_outSent = 0; // the part of m_out already written (answers written as they came)
    ReadPassGauge *m_gauge = nullptr;
    TransportEndpoints *m_sideDoor = nullptr; // until the first bytes decided
    bool m_plainTcp = true; // not a QSslSocket: written straight to the descriptor when Qt holds nothing
    bool m_eager = false; // this read's answers are written as they come
    quint64 m_eagerWrites = 0;
    qint64 m_acceptedMs = 0;
    qint64 m_lastActivityMs = 0;
    qint64 m_closeSentMs = 0;
    bool m_recording = false; // inside recordWire(): frames wait in m_out
    bool m_answered = false; // the upgrade was answered (101 or a refusal)
    bool m_open = false; // the 101 went out
    bool m_closeSent = false;
    bool m_disconnectAfterFlush = false;
    bool m_readPaused = false; // the client does not read what we send: stop reading what it sends
    bool m_finished = false;
};

} // namespace wsi
