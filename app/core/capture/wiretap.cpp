// WireTap: one outgoing connection's private CONNECT proxy; relays and records every byte, intercepts TLS.
#include "capture/wiretap.h"

#include "capture/tapbatcher.h"
#include "capture/tapdialer.h"
#include "capture/upstreamfailure.h"
#include "language/qterrortext.h"
#include "store/diskbacklog.h"
#include "store/wallclock.h"

#include <sys/ioctl.h>

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace wsi {

namespace {

// What may wait for the tap's WebSocket; beyond it the tap stops reading the server and TCP holds a faster sender
// back (issue 12: in a 10 M message flood this write buffer held hundreds of MB, which glibc kept once freed).
constexpr qint64 kMaxClientBacklog = 1024 * 1024;

} // namespace

WireTap::WireTap(const QString &targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetHost(targetHost)
    , m_targetPort(targetPort)
    , m_listener(new TapListener(targetHost, targetPort, this))
    , m_dialer(new TapDialer(targetHost, targetPort, &m_tls, this))
    , m_incoming([this](QByteArrayView bytes) { writeToClient(bytes); },
          [this] {
              m_batcher->flush(); // the ping's bytes are recorded before the row saying it was held back
              Q_EMIT pingHeldBack();
          })
    , m_batcher(new TapBatcher([this] { return upstreamBacklog(); }, this))
{
    connect(m_batcher, &TapBatcher::ready, this, &WireTap::batchReady);
    // Emitted on the spill writer's thread, so queued to this tap's thread (it was moved there before anything reads).
    connect(&DiskBacklog::instance(), &DiskBacklog::caughtUp, this, &WireTap::resumeReading);
    connect(m_listener, &TapListener::tunnelRequested, this, &WireTap::onTunnelRequested);
    connect(m_listener, &TapListener::refused, this, [this](const QString &reason) {
        m_batcher->flush(); // a second client may come while the tunnel relays: its bytes are recorded before
        Q_EMIT refused(reason);
    });
    connect(m_dialer, &TapDialer::socketCreated, this, &WireTap::adoptUpstream);
    connect(m_dialer, &TapDialer::connected, this, &WireTap::onUpstreamConnected);
    connect(m_dialer, &TapDialer::tlsEstablished, this, &WireTap::onUpstreamEncrypted);
    connect(m_dialer, &TapDialer::tlsVerificationFailed, this, &WireTap::tlsVerificationFailed);
    connect(m_dialer, &TapDialer::lookupFailed, this, &WireTap::failUpstream);
}

WireTap::~WireTap()
{
    shutdown();
}

void WireTap::setDecoder(std::unique_ptr<TapDecoder> decoder)
{
    m_decoder = std::move(decoder);
    m_batcher->setDecoder(m_decoder.get());
}

void WireTap::shutdown()
{
    m_listener->close();
    if (m_upstream) {
        m_upstream->disconnect(this);
        m_upstream->abort();
    }
    if (m_client) {
        m_client->disconnect(this);
        m_client->abort();
    }
    // Silent on purpose: shutdown() runs from destructors, where nobody should be called back.
    m_upstreamDone = true;
    m_dialer->abortLookup();
}

qint64 WireTap::upstreamReadyUs() const
{
    return m_dialer->readyUs();
}

QHostAddress WireTap::upstreamAddress() const
{
    return m_dialer->address();
}

void WireTap::onTunnelRequested(QTcpSocket *client, const QByteArray &bytesAfterHead)
{
    m_client = client;
    m_pendingToUpstream = bytesAfterHead;
    connect(client, &QTcpSocket::readyRead, this, &WireTap::onClientReadyRead);
    connect(client, &QTcpSocket::disconnected, this, &WireTap::onClientDisconnected);
    connect(client, &QTcpSocket::bytesWritten, this, [this] {
        if (m_upstream && m_upstream->bytesAvailable() > 0)
            onUpstreamReadyRead(); // the client caught up: what waited upstream goes on
    });
    m_dialer->dial(m_listener->connectParsedUs());
}

void WireTap::onClientReadyRead()
{
    if (!m_tunnelUp) {
        // Bytes before the tunnel is up: keep them for upstream (a client should wait for the 200).
        m_pendingToUpstream += m_client->readAll();
        return;
    }
    const QByteArray data = m_client->readAll();
    if (data.isEmpty())
        return;
    if (m_upstream)
        m_upstream->write(data);
    record(Direction::Outgoing, data);
    m_injections.clientBytes(data);
    injectWhenQuiet();
}

void WireTap::adoptUpstream(QTcpSocket *socket)
{
    m_upstream = socket;
    connect(m_upstream, &QTcpSocket::readyRead, this, &WireTap::onUpstreamReadyRead);
    connect(m_upstream, &QTcpSocket::disconnected, this, &WireTap::onUpstreamDisconnected);
    connect(m_upstream, &QTcpSocket::errorOccurred, this, &WireTap::onUpstreamError);
    connect(m_upstream, &QTcpSocket::bytesWritten, this, [this] {
        if (!m_reportBacklog)
            return;
        m_reportBacklog = upstreamBacklog() > 0;
        m_batcher->noteStateChanged(); // a framed send on the GUI side waits for this backlog to shrink
    });
}

void WireTap::onUpstreamConnected(qint64 dnsUs, qint64 tcpUs)
{
    if (!m_client) {
        finishUpstream(false);
        return;
    }
    Q_EMIT upstreamConnected(dnsUs, tcpUs);
    if (!m_tls.enabled())
        openTunnel(); // with interception, the tunnel opens once the real server's TLS is up
}

void WireTap::onUpstreamEncrypted(const TlsReport &report, qint64 tlsUs)
{
    Q_EMIT tlsEstablished(report, tlsUs);
    openTunnel();
}

void WireTap::proceedDespiteTlsErrors()
{
    if (!m_tls.proceed())
        return;
    m_upstream = nullptr; // the dialer drops the failed handshake's socket and makes the next one
    m_dialer->redial(wallClockUs());
}

void WireTap::cancelTls()
{
    RecordedText message;
    if (m_tls.cancel(m_targetHost, &message))
        failUpstream(UpstreamFailure(ErrorLayer::Tls, message));
}

void WireTap::openTunnel()
{
    m_client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_client->write("HTTP/1.1 200 Connection established\r\n\r\n");
    auto startRelaying = [this] {
        m_tunnelUp = true;
        Q_EMIT tunnelOpened(acceptedUs(), connectParsedUs(), upstreamReadyUs());
        if (!m_pendingToUpstream.isEmpty()) {
            const QByteArray data = std::exchange(m_pendingToUpstream, {});
            m_upstream->write(data);
            record(Direction::Outgoing, data);
            m_injections.clientBytes(data);
        }
    };
    if (!m_tls.enabled()) {
        startRelaying();
        return;
    }
    // The same socket now speaks TLS with the app's QWebSocket, which trusts only the app's CA.
    auto *client = qobject_cast<QSslSocket *>(m_client.data());
    client->setSslConfiguration(m_tls.clientConfiguration());
    connect(client, &QSslSocket::encrypted, this, startRelaying);
    connect(client, &QSslSocket::errorOccurred, this, [this, client](QAbstractSocket::SocketError) {
        // After the upstream failed (its reason is named) the client's TLS ends because the tap dropped it: not news.
        if (!client->isEncrypted() && !m_tunnelUp && !m_upstreamDone)
            Q_EMIT failed(ErrorLayer::Tls,
                RecordedText("wsi::WireTap",
                    QT_TRANSLATE_NOOP(
                        "wsi::WireTap", "TLS between the inspector's tap and its own WebSocket failed: %1"))
                    .arg(QtErrorText::recorded(client->errorString())));
    });
    client->startServerEncryption();
}

void WireTap::onUpstreamReadyRead()
{
    // The rest waits in the upstream socket, whose buffer is bounded: the kernel's fills and TCP holds the sender.
    // The client, the GUI thread (the recorder) and the disk the recording spills to must all keep up.
    if ((m_client && m_client->bytesToWrite() > kMaxClientBacklog) || m_batcher->holdingTooMuch())
        return;
    if (DiskBacklog::instance().isBehind()) {
        ++m_readsHeldForDisk; // DiskBacklog::caughtUp() calls resumeReading()
        return;
    }
    relayFromUpstream();
}

void WireTap::relayFromUpstream()
{
    const QByteArray data = m_upstream->readAll();
    if (data.isEmpty())
        return;
    record(Direction::Incoming, data);
    forwardToClient(data);
}

void WireTap::forwardToClient(const QByteArray &data)
{
    if (!m_client || m_client->state() != QAbstractSocket::ConnectedState)
        return;
    m_incoming.push(data);
}

void WireTap::writeToClient(QByteArrayView bytes)
{
    if (m_client)
        m_client->write(bytes.data(), bytes.size());
}

void WireTap::record(Direction direction, const QByteArray &bytes, bool injected)
{
    m_batcher->add(direction, injected, wallClockUs(), bytes);
}

void WireTap::inject(const QByteArray &frame, bool afterClientQuiet)
{
    m_injections.push(frame, afterClientQuiet);
    injectWhenQuiet();
}

void WireTap::injectWhenQuiet()
{
    if (!m_tunnelUp || !m_upstream || m_upstream->state() != QAbstractSocket::ConnectedState || m_upstreamDone) {
        if (const qint64 dropped = m_injections.dropAll())
            m_batcher->noteInjectionSettled(dropped); // nowhere to go: the GUI side stops counting them
        return;
    }
    m_injections.pump(clientDrained(), [this](const QByteArray &frame) {
        m_upstream->write(frame);
        m_reportBacklog = true;
        record(Direction::Outgoing, frame, true);
        m_batcher->noteInjectionSettled(frame.size());
    });
}

void WireTap::batchTaken(qint64 bytes)
{
    const bool wasHolding = m_batcher->holdingTooMuch();
    m_batcher->taken(bytes);
    if (wasHolding && !m_batcher->holdingTooMuch())
        resumeReading();
}

void WireTap::resumeReading()
{
    if (m_upstream && !m_upstreamDone && m_upstream->bytesAvailable() > 0)
        onUpstreamReadyRead();
}

void WireTap::drain()
{
    m_batcher->flush();
    Q_EMIT drained();
}

qint64 WireTap::upstreamBacklog() const
{
    return m_upstream ? m_upstream->bytesToWrite() : 0;
}

qint64 WireTap::clientBacklog() const
{
    return m_client ? m_client->bytesToWrite() : 0;
}

bool WireTap::clientDrained() const
{
    if (!m_client)
        return true;
    if (m_client->bytesAvailable() > 0)
        return false;
    int pending = 0;
    const qintptr fd = m_client->socketDescriptor();
    return fd < 0 || ::ioctl(int(fd), FIONREAD, &pending) != 0 || pending == 0;
}

void WireTap::setHoldBackPings(bool hold)
{
    m_incoming.setHoldingPings(hold);
}

void WireTap::onUpstreamDisconnected()
{
    if (m_tls.awaitingDecision())
        return; // the failed handshake's socket; the user's decision decides what comes next
    relayFromUpstream(); // all of it, however much the client still has to take
    if (m_client)
        m_client->disconnectFromHost(); // flushes what was relayed, then closes
    finishUpstream(true);
}

void WireTap::onUpstreamError()
{
    if (m_tls.awaitingDecision())
        return;
    if (m_tunnelUp) {
        // RemoteHostClosed and friends after the tunnel was up: disconnected() reports the end.
        return;
    }
    const QAbstractSocket::SocketError error = m_upstream->error();
    const bool droppedAfterTls = m_dialer->tlsUp() && error == QAbstractSocket::RemoteHostClosedError;
    failUpstream(UpstreamFailure(error, droppedAfterTls, ConnectGate::authority(m_targetHost, m_targetPort),
        m_dialer->address(), m_upstream->errorString()));
}

void WireTap::onClientDisconnected()
{
    if (!m_upstream || m_upstreamDone)
        return;
    if (m_upstream->state() != QAbstractSocket::ConnectedState) {
        m_upstream->abort();
        finishUpstream(false);
        return;
    }
    // QWebSocket drops TCP right after its Close frame; keep listening briefly so the peer's Close
    // reply, or the rest of an error body, is still recorded.
    QTimer::singleShot(m_closeGraceMs, this, [this] {
        if (m_upstreamDone)
            return;
        if (m_upstream) {
            m_upstream->disconnect(this);
            m_upstream->abort();
        }
        finishUpstream(false);
    });
}

void WireTap::failUpstream(const UpstreamFailure &failure)
{
    // The client still waits for the answer to its CONNECT: it learns why too.
    TapListener::reply(m_client, "HTTP/1.1 502 Bad Gateway", {}, failure.message().english().toUtf8() + '\n', true);
    m_batcher->flush();
    Q_EMIT failed(failure.layer(), failure.message());
    finishUpstream(false);
}

void WireTap::finishUpstream(bool byPeer)
{
    if (m_upstreamDone)
        return;
    m_upstreamDone = true;
    m_dialer->abortLookup();
    injectWhenQuiet(); // drops what waits: the GUI side stops counting it
    m_batcher->upstreamEnded(wallClockUs());
    m_batcher->flush();
    Q_EMIT upstreamClosed(byPeer);
}

} // namespace wsi
