// WireTap: one outgoing connection's private CONNECT proxy; relays and records every byte, intercepts TLS.
#pragma once

#include "capture/clientfeed.h"
#include "capture/injectionqueue.h"
#include "capture/tapbatch.h"
#include "capture/tapbatcher.h"
#include "capture/tapdecoder.h"
#include "capture/taplistener.h"
#include "capture/taptlssettings.h"
#include "capture/tlsinterception.h"
#include "language/recordedtext.h"
#include "store/eventrecord.h"
#include "tls/tlsreport.h"

#include <QByteArray>
#include <QHostAddress>
#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>

#include <memory>

class QTcpSocket;
class QSslSocket;

namespace wsi {

class TapDialer;
class UpstreamFailure;

// A one-connection HTTP CONNECT proxy on 127.0.0.1 through which a single QWebSocket reaches its server,
// so that every byte both ways is recorded exactly as it crossed the wire.
//
// It is never an open proxy: it listens on loopback only, demands random per-tap credentials (answering
// the first CONNECT with a 407 challenge, as Qt only sends credentials after one), relays to nothing but
// the target it was created for, and carries exactly one authenticated tunnel. TapListener is that door (ConnectGate
// makes its answers), TlsInterception holds the wss interception's trust, and this class relays.
//
// It runs on the CaptureThread (issue 12); TapHandle is its GUI side and talks to it only by queued calls. What it
// records leaves in TapBatches (TapBatcher), and every signal comes after the batch of the bytes before it.
class WireTap : public QObject
{
    Q_OBJECT
public:
    WireTap(const QString &targetHost, quint16 targetPort, QObject *parent = nullptr);
    ~WireTap() override;

    // Starts listening on 127.0.0.1 with a free port. Returns false with a reason on failure.
    bool listen(RecordedText *error = nullptr) { return m_listener->listen(error); }
    quint16 port() const { return m_listener->port(); }
    QString user() const { return m_listener->user(); }
    QString password() const { return m_listener->password(); }
    // The proxy a QWebSocket must use to go through this tap.
    QNetworkProxy proxy() const { return m_listener->proxy(); }

    // How long to keep the upstream side open after the client side closed, to record the peer's reply.
    void setCloseGraceMs(int ms) { m_closeGraceMs = ms; }
    // Drops both sides at once.
    void shutdown();

    void setTls(const TapTlsSettings &settings) { m_tls.setSettings(settings); }
    // Decodes every chunk here, on the tap's thread (see TapDecoder). Before the tunnel opens.
    void setDecoder(std::unique_ptr<TapDecoder> decoder);

    // Writes a frame to the server as if the client had sent it (raw frames, framed sends), recorded as injected,
    // where the client's stream is between two frames (InjectionQueue); frames go in the order they were given.
    void inject(const QByteArray &frame, bool afterClientQuiet);
    // Bytes written upstream that the socket has not handed to the kernel yet: back-pressure for large sends.
    qint64 upstreamBacklog() const;
    // The server's bytes passed on to the client that its socket has not handed to the kernel yet. Bounded:
    // past a megabyte the tap stops reading the server until the client catches up.
    qint64 clientBacklog() const;
    // True when every byte the client has sent so far has been read and recorded (nothing waits in our
    // buffer or in the kernel's), so that an injected frame cannot overtake bytes the client already wrote.
    bool clientDrained() const;
    // Auto-pong off: the server's pings are recorded but not passed on to the client, so it never answers.
    void setHoldBackPings(bool hold);
    // The connection takes its messages from what was recorded: whole well-formed messages are not passed on to
    // the client at all (ClientFeed says what still is). Set before the tunnel opens; only for plaintext the tap
    // can read (ws://, or wss:// with interception).
    void setSkipMessages(bool skip) { m_incoming.setSkippingMessages(skip); }
    // After tlsVerificationFailed: connect again, accepting exactly the errors that were reported.
    void proceedDespiteTlsErrors();
    // After tlsVerificationFailed: give up (the client gets a 502).
    void cancelTls();

    // The GUI side took a batch of this many bytes: reading the server goes on once few enough are held.
    void batchTaken(qint64 bytes);
    // The opening is over (the QWebSocket is connected): chunks may wait for the next batch from now on.
    void openingDone() { m_batcher->setUrgent(false); }
    // Sends what is gathered and answers drained(): the GUI side then has every byte recorded so far.
    void drain();
    // What the GUI side has not taken yet (TapBatcher::kMaxHeldBytes bounds it), for tests and benchmarks.
    qint64 heldBytes() const { return m_batcher->heldBytes(); }
    qint64 peakHeldBytes() const { return m_batcher->peakHeldBytes(); }
    quint64 batchesSent() const { return m_batcher->batchesSent(); }
    // How many times the server's bytes were left unread because the spill writer was behind (DiskBacklog).
    quint64 readsHeldForDisk() const { return m_readsHeldForDisk; }

    bool tunnelEstablished() const { return m_tunnelUp; }
    // Moments of the opening on wallClockUs()'s clock (-1 until they happen), for TapTimeline: the first client
    // accepted, the authenticated CONNECT parsed, the last upstream step (TCP, or TLS when intercepting) done.
    qint64 acceptedUs() const { return m_listener->acceptedUs(); }
    qint64 connectParsedUs() const { return m_listener->connectParsedUs(); }
    qint64 upstreamReadyUs() const;
    QHostAddress upstreamAddress() const;

Q_SIGNALS:
    // What was relayed (and injected) after the tunnel is up, in order. Outgoing: client -> server.
    void batchReady(const wsi::TapBatch &batch);
    // The tunnel is up: the opening's moments (acceptedUs(), connectParsedUs(), upstreamReadyUs()).
    void tunnelOpened(qint64 acceptedUs, qint64 connectParsedUs, qint64 upstreamReadyUs);
    // Answers drain(), after the batch of everything recorded before it.
    void drained();
    void upstreamConnected(qint64 dnsUs, qint64 tcpUs);
    // Interception: the real server's TLS is up (verified, or accepted despite errors).
    void tlsEstablished(const wsi::TlsReport &report, qint64 tlsUs);
    // Interception: verification against the system CAs failed; the tap waits for proceed or cancel.
    void tlsVerificationFailed(const wsi::TlsReport &report);
    // The tap could not reach the target (DNS, TCP) or was misused (Proxy).
    void failed(wsi::ErrorLayer layer, const wsi::RecordedText &message);
    // A CONNECT was refused (missing or wrong credentials, another target, a second tunnel).
    void refused(const QString &reason);
    // The upstream side closed (or was dropped after the grace period): nothing more will be recorded.
    void upstreamClosed(bool byPeer);
    // A ping from the server that was recorded and not passed on (auto-pong off).
    void pingHeldBack();

private:
    void onTunnelRequested(QTcpSocket *client, const QByteArray &bytesAfterHead);
    void onClientReadyRead();
    void adoptUpstream(QTcpSocket *socket);
    void onUpstreamConnected(qint64 dnsUs, qint64 tcpUs);
    void onUpstreamEncrypted(const wsi::TlsReport &report, qint64 tlsUs);
    void onUpstreamReadyRead();
    void relayFromUpstream();
    void onUpstreamDisconnected();
    void onUpstreamError();
    void openTunnel();
    void onClientDisconnected();
    void failUpstream(const UpstreamFailure &failure);
    void finishUpstream(bool byPeer);
    void forwardToClient(const QByteArray &data);
    void writeToClient(QByteArrayView bytes);
    void record(Direction direction, const QByteArray &bytes, bool injected = false);
    void injectWhenQuiet();
    void resumeReading();

    QString m_targetHost;
    quint16 m_targetPort;
    TapListener *m_listener; // a child: the door the one tunnel's client came in through
    QPointer<QTcpSocket> m_client; // the authenticated tunnel's client side
    QTcpSocket *m_upstream = nullptr;
    TlsInterception m_tls;
    TapDialer *m_dialer; // DNS, TCP and the real server's TLS (a child); the tap relays
    ClientFeed m_incoming; // the server's bytes on their way to the client
    TapBatcher *m_batcher; // a child: what was recorded, on its way to the GUI thread
    std::unique_ptr<TapDecoder> m_decoder; // decodes the chunks before they go (null: the chunks go)
    InjectionQueue m_injections; // frames waiting for a quiet boundary of the client's stream
    QByteArray m_pendingToUpstream; // client bytes that arrived with the CONNECT head
    int m_closeGraceMs = 500;
    bool m_tunnelUp = false;
    bool m_upstreamDone = false;
    bool m_reportBacklog = false; // injected bytes wait upstream: the GUI side's sender watches them drain
    quint64 m_readsHeldForDisk = 0;
};

} // namespace wsi
