// OutgoingTransport: a connection this app opens, a QWebSocket whose bytes go through its own WireTap.
#pragma once

#include "capture/tapbatch.h"
#include "connection/connectiontransport.h"
#include "connection/outgoingfailuretext.h"
#include "connection/outgoingsender.h"
#include "connection/recorderstate.h"
#include "language/recordedtext.h"
#include "store/eventrecord.h"

#include <QAbstractSocket>
#include <QObject>
#include <memory>
#include <optional>

class QTimer;
class QWebSocket;

namespace wsi {

class ClientTlsSettings;
class ConnectionLegWriter;
class InterceptionTls;
class OutgoingSocketTls;
class TapHandle;
class TapInjector;

// The tap's byte records are the source of truth for the handshake, frames and messages; the QWebSocket's
// signals drive the state and let the user send. With wss the tap either intercepts (it opens the real TLS
// itself, and the socket talks TLS with the tap only) or relays the encrypted bytes, and then the socket's
// own TLS is the real one and its messages are the only plaintext there is. The tap runs on the capture thread
// (TapHandle) and decodes its bytes there (TapRecorder): its rows arrive here in batches, in order, in the store's own
// format, and nothing here reads a socket of it or decodes.
class OutgoingTransport : public QObject, public ConnectionTransport
{
    Q_OBJECT
public:
    explicit OutgoingTransport(Connection *connection, QObject *parent = nullptr);
    ~OutgoingTransport() override;

    // Starts the tap and the socket for the connection's options, which Connection::open() validated. What
    // goes wrong here is an error row; a client certificate that cannot be loaded is one (layer TLS, naming
    // the file) whether the tap or the socket does the TLS, and the connection goes on without it.
    void start();
    // The options were refused before anything started: nothing is left to wait for.
    void giveUp() { m_ended = kBothEnded; }
    QWebSocket *socket() const { return m_socket.get(); }

    // wss with interception: the tap's TLS and the user's decisions on it; null otherwise.
    InterceptionTls *interception() const { return m_interception.get(); }
    bool isSendingFramed() const { return m_sender && m_sender->isSendingFramed(); }

    bool recordingDone() const override { return m_ended == kBothEnded; }
    int firstCloseDirection() const override;
    bool sendText(const QString &text) override { return m_sender && m_sender->sendText(text); }
    bool sendAutomaticText(const QString &text) override { return m_sender && m_sender->sendText(text, true); }
    bool sendBinary(const QByteArray &data) override { return m_sender && m_sender->sendBinary(data); }
    bool ping(const QByteArray &payload) override { return m_sender && m_sender->ping(payload); }
    bool close(int code, const QString &reason, bool byUser) override;
    void abort(bool byUser) override;
    bool sendFramed(const QByteArray &payload, bool isText, qint64 frameSize, QString *error) override;
    bool sendRawFrame(const RawFrameSpec &spec, QString *error) override;

protected:
    void autoPongChanged() override;

private:
    // Which halves have nothing more to report: the wire (the tap) and the QWebSocket.
    enum Ended : quint8 { kTapEnded = 1, kSocketEnded = 2, kBothEnded = 3 };

    bool startTap(const ClientTlsSettings &tls, bool intercept);
    void startSocket(const ClientTlsSettings &tls, bool secure);
    void failAtStart(ErrorLayer layer, const RecordedText &message);
    void onTapBatch(const TapBatch &batch);
    // The socket is done and the wire ends with it: every batch the tap still has on its way is recorded first.
    void endWireWithSocket();
    void onTapFailed(ErrorLayer layer, const RecordedText &message);
    void onTapFinished();
    void onSocketConnected();
    void onSocketDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    // The socket's word on how an open connection ended, unless the wire explained it meanwhile.
    bool socketErrorExplainsTheEnd() const;
    void recordPendingSocketError();
    void onDeadline();
    // Without a tunnel (or with an opaque one) the wire has nothing more to say once the socket is done.
    bool wireEndsWithSocket() const;

    // The rows the tap's recorder decoded go into the leg through this; what the recorder knew after the last batch.
    std::unique_ptr<ConnectionLegWriter> m_rows;
    RecorderState m_wireState;
    std::unique_ptr<TapHandle> m_tap;
    std::unique_ptr<TapInjector> m_injector;
    std::unique_ptr<InterceptionTls> m_interception; // wss with interception only
    std::unique_ptr<QWebSocket> m_socket;
    std::unique_ptr<OutgoingSocketTls> m_socketTls; // made with the socket
    std::unique_ptr<OutgoingSender> m_sender; // made with the socket
    QTimer *m_deadline = nullptr;
    quint8 m_ended = 0; // Ended bits
    bool m_endingExplained = false; // a failure was named already; Qt's follow-up error adds nothing
    // The socket's error of an open connection, waiting for the tap's last batch (see onSocketError).
    std::optional<OutgoingFailureText::Text> m_pendingSocketError;
    bool m_closeRequested = false;
};

} // namespace wsi
