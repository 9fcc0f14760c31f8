// TapHandle: the GUI thread's side of a WireTap that runs on the capture thread; every call is a queued message.
#pragma once

#include "capture/tapbatch.h"
#include "capture/tapdecoder.h"
#include "capture/taptlssettings.h"
#include "language/recordedtext.h"
#include "store/eventrecord.h"
#include "store/passpacedqueue.h"
#include "tls/tlsreport.h"

#include <QNetworkProxy>
#include <QObject>
#include <QPointer>

#include <memory>

namespace wsi {

class CaptureThread;
class WireTap;

// Issue 12: the tap and its sockets live on the CaptureThread, so that a flood is read, relayed and recorded beside
// the GUI thread instead of inside it. This mirrors WireTap for the GUI: setters and decisions are posted to it, and
// what the GUI reads of it (its state, the upstream backlog, the opening's moments) is what it last reported. The
// tap's signals arrive queued, in the order it sent them, each after the batch of the bytes recorded before it.
// Each batch is handed on (batchArrived) and then acknowledged, which lets the tap read on (TapBatcher's bound).
// At most one batch is handed on per pass of the event loop (PassPacedQueue): batches that queued up while the GUI
// thread was busy would otherwise be applied back to back before the window manager's ping is answered; the tap's
// other signals wait behind a waiting batch, so each still comes after the batch of the bytes before it.
class TapHandle : public QObject
{
    Q_OBJECT
public:
    TapHandle(const QString &targetHost, quint16 targetPort, QObject *parent = nullptr);
    // Drops both sides on the capture thread (the tap's deleteLater()); nothing more arrives here.
    ~TapHandle() override;

    // Before listen().
    void setCloseGraceMs(int ms) { m_closeGraceMs = ms; }
    void setTls(const TapTlsSettings &settings) { m_tls = settings; }
    void setSkipMessages(bool skip) { m_skipMessages = skip; }
    // The tap decodes its chunks on the capture thread with this (its batches carry what it made of them).
    void setDecoder(std::unique_ptr<TapDecoder> decoder) { m_decoder = std::move(decoder); }
    // Auto-pong off: the server's pings are recorded but not passed on. Before or after listen().
    void setHoldBackPings(bool hold);
    // Makes the tap, has it listen (the socket needs its port) and moves it to the capture thread.
    bool listen(RecordedText *error = nullptr);
    // The proxy a QWebSocket must use to go through the tap.
    QNetworkProxy proxy() const { return m_proxy; }

    // Drops both sides, and ends what this handle reports: whatever the tap sent before it heard of this and is
    // still on its way (a batch, a failure, its close) is dropped here, so a connection that finishes at once (a
    // cancel while connecting, the deadline) records nothing after its finish.
    void shutdown();
    void proceedDespiteTlsErrors();
    void cancelTls();
    // The QWebSocket is connected: the tap stops sending every chunk at once.
    void openingDone();
    // Answers drained() once every byte recorded so far has arrived.
    void drain();
    // A frame for the server, injected at a frame boundary of the client's stream (WireTap::inject); with
    // afterClientQuiet (framed sends) only once nothing the client wrote is unread.
    void inject(const QByteArray &frame, bool afterClientQuiet = false);
    // Bytes not yet handed to the kernel towards the server: those the tap reported plus the injected frames on their
    // way to it (FramedSender keeps this bounded).
    qint64 upstreamBacklog() const { return m_upstreamBacklog + m_injecting; }

    bool tunnelEstablished() const { return m_tunnelUp; }
    qint64 acceptedUs() const { return m_acceptedUs; }
    qint64 connectParsedUs() const { return m_connectParsedUs; }
    qint64 upstreamReadyUs() const { return m_upstreamReadyUs; }

    // The tap itself, for tests (which thread it is on, what it holds); read its state on its own thread only.
    WireTap *tapOnCaptureThread() const { return m_tap; }

Q_SIGNALS:
    void batchArrived(const wsi::TapBatch &batch);
    void upstreamConnected(qint64 dnsUs, qint64 tcpUs);
    void tlsEstablished(const wsi::TlsReport &report, qint64 tlsUs);
    void tlsVerificationFailed(const wsi::TlsReport &report);
    void failed(wsi::ErrorLayer layer, const wsi::RecordedText &message);
    void refused(const QString &reason);
    void upstreamClosed(bool byPeer);
    void pingHeldBack();
    void drained();

private:
    void connectTap();
    // Re-emits the tap's signal as this handle's own, until shutdown().
    template <typename TapSignal, typename HandleSignal> void forward(TapSignal tapSignal, HandleSignal handleSignal);
    void onBatch(const TapBatch &batch);
    void handOn(const TapBatch &batch);
    // Runs f with the tap on the capture thread, after everything posted before.
    template <typename F> void post(F f);

    QString m_targetHost;
    quint16 m_targetPort;
    std::shared_ptr<CaptureThread> m_thread; // held until the tap is gone
    WireTap *m_tap = nullptr; // lives on m_thread; deleted there
    QNetworkProxy m_proxy;
    TapTlsSettings m_tls;
    std::unique_ptr<TapDecoder> m_decoder; // until listen() gives it to the tap
    int m_closeGraceMs = 500;
    bool m_skipMessages = false;
    bool m_holdBackPings = false;
    PassPacedQueue m_paced { this }; // the tap's batches and signals, one batch per pass
    bool m_openingDone = false; // from here on batches are paced, one per pass
    bool m_tunnelUp = false;
    bool m_shutDown = false; // shutdown() was called: nothing of the tap arrives any more
    qint64 m_acceptedUs = -1;
    qint64 m_connectParsedUs = -1;
    qint64 m_upstreamReadyUs = -1;
    qint64 m_upstreamBacklog = 0; // as of the last batch
    qint64 m_injecting = 0; // frame bytes handed to the tap and not yet written or dropped by it
};

} // namespace wsi
