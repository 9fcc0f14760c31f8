// RelayedClient: one client of the local test server, served and recorded on its own socket.
#pragma once

#include "connection/serversideendpoint.h"
#include "server/answerbuffer.h"
#include "server/clientdeadlines.h"
#include "server/servedrecording.h"
#include "store/eventrecord.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>
#include <memory>

class QTcpSocket;

namespace wsi {

class ReadPassGauge;

// One client of the local test server, served by the front relay itself: its socket (plain, or TLS
// already terminated) is the only one, and the relay speaks the server side of RFC 6455 on it (the 101
// or a refusal, pongs, the Close handshake, limits and timeouts). Every byte both ways is recorded exactly as it
// crossed the socket by its ServedRecording, whose recorder decodes the client's bytes once and tells this endpoint
// what they were; the relay hands what was recorded to the GUI thread in ServedBatches (issue 12: this object, its
// socket and its recorder live on the server thread). Directions are the server's: Incoming = from the client.
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

    // While this many recorded bytes wait in batches the GUI thread has not acknowledged, the client is not read
    // (as the capture thread's tap): TCP holds a flooding client back instead of memory.
    static constexpr qint64 kMaxHeldBytes = 512 * 1024;

    // id: the relay's name for the client in its batches. gauge (not owned, may be null) tells whether answers are
    // written as they come or once per read.
    RelayedClient(
        QTcpSocket *client, quint64 id, const Settings &settings, ReadPassGauge *gauge, QObject *parent = nullptr);
    ~RelayedClient() override;

    // Starts serving the client.
    void serve(Gate gate, MessageHandler handler);

    // With the side door open, a loopback connection whose first request asks for the transport endpoints (GET or
    // POST under /transports/) is handed on (sideDoorTaken) before anything is recorded.
    void setSideDoorOpen(bool open) { m_sideDoorOpen = open; }

    // The server stopped (and may be deleted) while this client finishes its Close handshake: no more
    // answers from it; the relay still pongs, closes and records.
    void stopServing();

    quint64 id() const { return m_id; }
    QString peer() const { return m_peer; } // "127.0.0.1:53122"
    bool isOpen() const { return m_open && !m_closeSent; }
    // Open or closing: counted against the server's max clients.
    bool isAdmitted() const { return m_open && !m_finished; }

    // What was recorded since the last batch (see ServedRecording); its bytes count as held until batchTaken().
    bool hasNews() const { return m_recording.hasNews(); }
    ServedBatch takeBatch();
    // The GUI thread applied a batch of that many bytes: reading may go on.
    void batchTaken(qint64 bytes);
    // The GUI thread took a batch or the disk caught up (DiskBacklog::caughtUp): a client held back reads on.
    void readOnIfReleased();
    // A Close the server sends on its own (idle timeout, the server stopping): the Connection follows (Closing).
    bool closeByServer(int code, const QString &reason);
    // The user removed the client's Connection from the workspace: nothing records it any more, so nothing serves it.
    void forget();
    // The relay goes away with this client still connected: the record ends here.
    void endWithRelay();
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
    // Something was recorded: the relay hands it on within 16 ms, or at once when urgent (the arrival, the opening,
    // the end, a full batch).
    void recorded(bool urgent);
    // The connection went to the transport endpoints (the socket, without parent, is theirs); finished() follows.
    void sideDoorTaken(QTcpSocket *socket);
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
    // A new answer: written now outside a read; during one, at its end (or at once for a client that talks alone).
    void answerQueued();
    void flush();
    void answerAndClose(const QByteArray &response);
    void finish();
    void recordWire(Direction direction, const QByteArray &bytes);
    // Not read on while the GUI thread has not taken kMaxHeldBytes, or while the spill file's disk is behind
    // (DiskBacklog): TCP then holds the client back. The bytes left when the client is gone are read regardless.
    bool heldBack() const;

    QPointer<QTcpSocket> m_socket;
    quint64 m_id;
    Settings m_settings;
    Gate m_gate;
    MessageHandler m_handler;
    QString m_peer;
    ReadPassGauge *m_gauge = nullptr;
    ServedRecording m_recording;
    qint64 m_heldBytes = 0; // handed to the GUI thread in batches not yet acknowledged
    bool m_sideDoorOpen = false; // until the first bytes decided
    AnswerBuffer m_answers; // what the server side answers during a read, written and recorded at its end
    bool m_plainTcp = true; // not a QSslSocket: written straight to the descriptor when Qt holds nothing
    bool m_eager = false; // this read's answers are written as they come
    quint64 m_eagerWrites = 0;
    ClientDeadlines m_deadlines;
    bool m_reading = false; // inside a read's recording: frames wait in m_answers
    bool m_answered = false; // the upgrade was answered (101 or a refusal)
    bool m_open = false; // the 101 went out
    bool m_closeSent = false;
    bool m_disconnectAfterFlush = false;
    bool m_readPaused = false; // the client does not read what we send: stop reading what it sends
    bool m_heldPaused = false; // the GUI thread has not taken kMaxHeldBytes yet: stop reading
    bool m_forgotten = false;
    bool m_draining = false; // the client is gone: what it sent last is read whatever holds it back
    bool m_finished = false;
};

} // namespace wsi
