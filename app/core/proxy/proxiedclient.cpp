// ProxiedClient: relays one reverse proxy client to the upstream, frame by frame, recording both legs.
#include "proxy/proxiedclient.h"

#include "capture/peername.h"
#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "proxy/clientrules.h"
#include "proxy/proxiedclienttext.h"
#include "proxy/proxiedrecording.h"
#include "proxy/recordingbatch.h"
#include "proxy/upstreamdialer.h"
#include "server/upgradeanswers.h"
#include "store/wallclock.h"

#include <QTcpSocket>

#include <utility>

namespace wsi {

namespace {

// Qt's own buffer in front of a read is bounded, so that a leg we stop reading waits in the kernel; one read may
// take all of it (readSize()). A smaller bound (256 KiB until issue 13's copy cuts) made a busy proxy copy every
// read whose block Qt had filled past it: 6% of its samples at 10 x 64 KiB.
constexpr qint64 kSocketReadBuffer = 1024 * 1024;
constexpr qint64 kReadChunk = kSocketReadBuffer;

using Facing = ConnectionLeg::Facing;

// What one read takes: all that is buffered, up to kReadChunk. Asking for exactly what Qt's buffer holds lets
// QIODevice::read() hand over the block it read from the kernel instead of copying it (asking for kReadChunk
// copied whenever less was there).
qint64 readSize(const QTcpSocket *socket)
{
    return qMin(kReadChunk, socket->bytesAvailable());
}

} // namespace

ProxiedClient::ProxiedClient(QTcpSocket *client, const ReverseProxyOptions &options,
    const QHostAddress &listeningAddress, quint16 listeningPort, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(options)
    , m_upgrade(options)
{
    client->setParent(this);
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    client->setReadBufferSize(kSocketReadBuffer);
    m_peer = peerName(client);
    // Created after the client socket took this parent, so the two sockets go away in the order they came.
    m_dialer = new UpstreamDialer(options, listeningAddress, listeningPort, this);
    connect(m_dialer, &UpstreamDialer::socketCreated, this, &ProxiedClient::onUpstreamSocketCreated);
    connect(m_dialer, &UpstreamDialer::ready, this, &ProxiedClient::sendRequestUpstream);
    connect(m_dialer, &UpstreamDialer::failed, this, &ProxiedClient::onUpstreamFailed);
    connect(m_dialer, &UpstreamDialer::looped, this, &ProxiedClient::onUpstreamLooped);
}

ProxiedClient::~ProxiedClient()
{
    if (std::exchange(m_hookTold, false))
        m_hook->relayEnded(m_relayConnection);
    if (!m_finished && m_recording)
        m_recording->wireClosed();
}

void ProxiedClient::start(Connection *connection, FrameHook *hook)
{
    m_connection = connection;
    m_hook = hook;
    if (ProxiedTransport *t = connection ? connection->proxied() : nullptr)
        t->setAbortHandler([this] { shutdown(); });
    start(std::make_unique<ProxiedRecording>(connection));
}

void ProxiedClient::start(std::unique_ptr<ProxiedRecording> recording, std::unique_ptr<ClientRules> rules)
{
    if (rules) // before anything is read: a relay with rules decodes both legs
        m_hook = (m_rules = std::move(rules)).get();
    m_recording = std::move(recording);
    m_writes.setRecording(m_recording.get());
    m_writes.setClient(m_client);
    if (!m_hook) // every frame goes on as it came: each message is decoded on the leg that receives it only
        m_recording->decodeForwardedOnce();
    connect(m_client, &QTcpSocket::readyRead, this, &ProxiedClient::onClientReadyRead);
    connect(m_client, &QTcpSocket::disconnected, this, &ProxiedClient::onClientDisconnected);
    connect(m_client, &QTcpSocket::bytesWritten, this, &ProxiedClient::onBytesWritten);
    if (m_client->bytesAvailable() > 0)
        onClientReadyRead();
    if (m_client && m_client->state() == QAbstractSocket::UnconnectedState)
        onClientDisconnected();
}

void ProxiedClient::onBytesWritten()
{
    // A paused reader resumes once the socket it feeds has drained to half the bound.
    if (m_client && m_upstream && RelayedFrames::drained(m_upstream) && m_client->bytesAvailable() > 0)
        onClientReadyRead();
    if (m_upstream && m_client && RelayedFrames::drained(m_client) && m_upstream->bytesAvailable() > 0)
        onUpstreamReadyRead();
}

void ProxiedClient::readOn()
{
    if (m_recording->heldBack())
        return;
    if (m_client && m_client->bytesAvailable() > 0)
        onClientReadyRead();
    if (m_upstream && m_upstream->bytesAvailable() > 0)
        onUpstreamReadyRead();
}

void ProxiedClient::onClientReadyRead()
{
    const RecordingBatch batch(m_recording.get());
    relayFromClient();
    // The relayed bytes leave now, before the batch is announced (and printed), not a turn of the event loop later.
    m_writes.flush();
}

void ProxiedClient::relayFromClient()
{
    while (m_client && m_stage != Stage::Ending && m_client->bytesAvailable() > 0) {
        if (!m_readingLast && m_recording->heldBack())
            return; // readOn() once the GUI thread (or the disk) caught up; the bytes wait in the kernel
        if (m_stage != Stage::ReadingRequest && m_stage != Stage::ConnectingUpstream
            && m_stage != Stage::AwaitingResponse && m_fromClient.readPaused(m_upstream))
            return; // resumed by onBytesWritten
        if (m_stage == Stage::ConnectingUpstream || m_stage == Stage::AwaitingResponse) {
            // Frames the client pipelined after its request wait for the 101, bounded like any frame.
            if (m_fromClient.bufferedSize() > m_options.maxFrameBytes)
                return;
        }
        QByteArray bytes = m_client->read(readSize(m_client));
        if (bytes.isEmpty())
            return;
        const qint64 later = m_recording->recordRead(Facing::Client, bytes, m_stage == Stage::Relaying && !m_hook);
        switch (m_stage) {
        case Stage::ReadingRequest:
            takeRequest(bytes);
            break;
        case Stage::ConnectingUpstream:
        case Stage::AwaitingResponse:
            m_fromClient.append(bytes);
            break;
        case Stage::Relaying:
            m_fromClient.append(std::move(bytes)); // handed over: its frames go on in its own buffer
            if (!relayFrames(FrameHook::Toward::Server, later))
                return;
            break;
        case Stage::PassingThrough:
            m_writes.write(m_upstream, bytes);
            break;
        case Stage::Ending:
            break;
        }
    }
}

void ProxiedClient::takeRequest(const QByteArray &bytes)
{
    QByteArray pipelined;
    UpgradeExchange::Refusal refusal;
    const UpgradeExchange::Request request = m_upgrade.takeRequest(bytes, &pipelined, &refusal);
    if (request == UpgradeExchange::Request::Refused)
        refuse(refusal.status, refusal.reason, refusal.why, refusal.layer, false);
    if (request != UpgradeExchange::Request::Complete)
        return;
    m_fromClient.append(pipelined);
    m_stage = Stage::ConnectingUpstream;
    m_dialer->dial(m_recording.get());
}

void ProxiedClient::onUpstreamSocketCreated(QTcpSocket *socket)
{
    m_upstream = socket;
    m_writes.setUpstream(socket);
    m_upstream->setReadBufferSize(kSocketReadBuffer);
    connect(m_upstream, &QTcpSocket::readyRead, this, &ProxiedClient::onUpstreamReadyRead);
    connect(m_upstream, &QTcpSocket::disconnected, this, &ProxiedClient::onUpstreamDisconnected);
    connect(m_upstream, &QTcpSocket::bytesWritten, this, &ProxiedClient::onBytesWritten);
}

void ProxiedClient::onUpstreamLooped(const RecordedText &why)
{
    refuse(508, "Loop Detected", why, ErrorLayer::Proxy, true);
}

void ProxiedClient::sendRequestUpstream()
{
    if (!m_client || m_stage != Stage::ConnectingUpstream)
        return;
    m_stage = Stage::AwaitingResponse;
    m_writes.write(m_upstream, m_upgrade.upstreamRequest());
}

void ProxiedClient::onUpstreamReadyRead()
{
    const RecordingBatch batch(m_recording.get());
    relayFromUpstream();
    m_writes.flush();
}

void ProxiedClient::relayFromUpstream()
{
    while (m_upstream && m_stage != Stage::Ending && m_upstream->bytesAvailable() > 0) {
        if (!m_readingLast && m_recording->heldBack())
            return;
        if (m_stage == Stage::Relaying && m_fromServer.readPaused(m_client))
            return;
        QByteArray bytes = m_upstream->read(readSize(m_upstream));
        if (bytes.isEmpty())
            return;
        const qint64 later = m_recording->recordRead(Facing::Server, bytes, m_stage == Stage::Relaying && !m_hook);
        if (m_stage == Stage::AwaitingResponse) {
            takeResponse(bytes);
        } else if (m_stage == Stage::Relaying) {
            m_fromServer.append(std::move(bytes));
            if (!relayFrames(FrameHook::Toward::Client, later))
                return;
        } else if (m_stage == Stage::PassingThrough) {
            m_writes.write(m_client, bytes);
        }
    }
}

void ProxiedClient::takeResponse(const QByteArray &bytes)
{
    qsizetype used = 0;
    const UpgradeExchange::Response answer = m_upgrade.takeResponse(bytes, &used);
    if (answer != UpgradeExchange::Response::Upgraded) {
        // Not a 101 (or not HTTP: the server leg names the problem): the answer and its body go to the client as
        // they come.
        if (answer == UpgradeExchange::Response::NotUpgraded)
            m_stage = Stage::PassingThrough;
        m_writes.write(m_client, bytes);
        return;
    }
    // The head and the first frames: the head at once, the frames whole, as later ones.
    m_writes.write(m_client, bytes.first(used));
    m_stage = Stage::Relaying;
    m_recording->opened();
    if (m_hook && (m_connection || m_rules)) { // the ProxyThread's rules have no Connection there
        m_relayConnection = m_connection.data();
        m_hookTold = true;
        m_hook->relayStarted(m_relayConnection, this, m_upgrade.request(), m_upgrade.response());
    }
    m_fromServer.append(bytes.sliced(used));
    if (!relayFrames(FrameHook::Toward::Client))
        return;
    if (!m_fromClient.isEmpty() && !relayFrames(FrameHook::Toward::Server))
        return;
    if (m_client && m_client->bytesAvailable() > 0)
        onClientReadyRead();
}

bool ProxiedClient::relayFrames(FrameHook::Toward toward, qint64 readTimeUs)
{
    RelayedFrames &frames = framesToward(toward);
    QByteArrayList out;
    qint64 from = qint64(frames.takenBytes());
    frames.take(m_hook, m_connection.data(), out);
    if (readTimeUs >= 0) // the read the frames were cut from, recorded from where its bytes are now
        m_recording->recordRead(toward == FrameHook::Toward::Server ? Facing::Client : Facing::Server, readTimeUs,
            frames.lastRead(out, quint64(from)));
    QTcpSocket *receiver = toward == FrameHook::Toward::Server ? m_upstream.data() : m_client.data();
    for (const QByteArray &block : std::as_const(out)) // a read's own buffer when whole: the socket shares it
        m_writes.write(receiver, block, m_hook ? -1 : std::exchange(from, from + block.size()));
    // While held, whole frames may wait: reading stops past RelayedFrames::kMaxWaitingBytes, which bounds them.
    if (frames.overflows(m_options.maxFrameBytes)) {
        dropOversized(toward);
        return false;
    }
    return true;
}

void ProxiedClient::resume(FrameHook::Toward toward, const QByteArray &bytes)
{
    RelayedFrames &frames = framesToward(toward);
    if (!frames.release())
        return;
    const RecordingBatch batch(m_recording.get());
    const bool toServer = toward == FrameHook::Toward::Server;
    m_writes.write(toServer ? m_upstream.data() : m_client.data(), bytes);
    if (m_stage != Stage::Relaying || !relayFrames(toward) || frames.isHeld())
        return; // ended, or the next message is held too
    if (frames.takeSenderLeft()) {
        if (toServer)
            onClientDisconnected();
        else
            onUpstreamDisconnected();
        return;
    }
    if (toServer) // what the sender sent meanwhile (each reads only what is there)
        onClientReadyRead();
    else
        onUpstreamReadyRead();
}

void ProxiedClient::write(FrameHook::Toward toward, const QByteArray &bytes)
{
    if (m_stage != Stage::Relaying)
        return;
    const RecordingBatch batch(m_recording.get());
    m_writes.write(toward == FrameHook::Toward::Server ? m_upstream.data() : m_client.data(), bytes);
}

void ProxiedClient::refuse(
    int status, const QByteArray &reason, const RecordedText &why, ErrorLayer layer, bool upstreamSide)
{
    m_stage = Stage::Ending;
    if (upstreamSide)
        m_recording->upstreamFailed(layer, why);
    else
        m_recording->clientFailed(layer, why);
    const QByteArray english = why.english().toUtf8(); // the body is English on the wire
    const QByteArray body = status == 502 ? "Bad gateway: " + english + "\n" : english + "\n";
    m_writes.write(m_client, UpgradeAnswers::plain(status, reason, {}, body));
    if (m_upstream) {
        m_upstream->disconnect(this);
        m_upstream->disconnect(m_dialer); // its errors and TLS alerts would report a dial already answered
        m_upstream->abort();
    }
    m_upstreamGone = true;
    if (m_client && m_client->state() == QAbstractSocket::ConnectedState)
        m_client->disconnectFromHost();
    else
        m_clientGone = true;
    maybeFinish();
}

void ProxiedClient::onUpstreamFailed(ErrorLayer layer, const RecordedText &why)
{
    if (m_stage == Stage::ConnectingUpstream) // the dial of a connection already ending changes nothing
        refuse(502, "Bad Gateway", why, layer, true);
}

void ProxiedClient::dropOversized(FrameHook::Toward toward)
{
    const RecordedText text
        = ProxiedClientText::oversizedFrame(toward == FrameHook::Toward::Server, m_options.maxFrameBytes);
    m_recording->note(Facing::Client, text);
    m_recording->note(Facing::Server, text);
    shutdown();
}

void ProxiedClient::onClientDisconnected()
{
    if (m_clientGone)
        return;
    if (m_stage == Stage::Relaying && m_fromClient.isHeld()) {
        // What the client sent before it left still goes on after the held message: resume() comes back here.
        m_fromClient.senderLeftWhileHeld();
        return;
    }
    if (m_client && m_client->bytesAvailable() > 0 && m_stage != Stage::Ending) {
        m_readingLast = true; // what the client sent last still goes on, held back or not
        onClientReadyRead();
    }
    m_clientGone = true;
    closeOtherSide(true);
}

void ProxiedClient::onUpstreamDisconnected()
{
    if (m_upstreamGone)
        return;
    if (m_stage == Stage::Relaying && m_fromServer.isHeld()) {
        m_fromServer.senderLeftWhileHeld();
        return;
    }
    if (m_upstream && m_upstream->bytesAvailable() > 0 && m_stage != Stage::Ending) {
        m_readingLast = true;
        onUpstreamReadyRead();
    }
    if (m_stage == Stage::AwaitingResponse) {
        // No whole answer head (a malformed or non-101 one passes through): the client gets a 502 rather than a
        // silent close.
        m_upstream->disconnect(this);
        refuse(502, "Bad Gateway", ProxiedClientText::unanswered(m_options.upstream.url), ErrorLayer::Http, true);
        return;
    }
    m_upstreamGone = true;
    closeOtherSide(false);
}

void ProxiedClient::closeOtherSide(bool clientLeft)
{
    if (m_stage != Stage::Ending) {
        m_recording->note(clientLeft ? Facing::Client : Facing::Server, ProxiedClientText::closedItsSide(clientLeft));
        if (clientLeft ? m_upstream && !m_upstreamGone : m_client && !m_clientGone)
            m_recording->note(
                clientLeft ? Facing::Server : Facing::Client, ProxiedClientText::closedOtherSide(clientLeft));
        m_stage = Stage::Ending;
    }
    m_dialer->stopLookup();
    QTcpSocket *other = clientLeft ? m_upstream.data() : m_client.data();
    if (other && other->state() != QAbstractSocket::UnconnectedState)
        other->disconnectFromHost(); // after what is queued for it: a last frame still arrives
    else if (clientLeft)
        m_upstreamGone = true;
    else
        m_clientGone = true;
    maybeFinish();
}

void ProxiedClient::shutdown()
{
    if (m_finished)
        return;
    if (m_stage != Stage::Ending) {
        m_stage = Stage::Ending;
        m_recording->note(Facing::Client, ProxiedClientText::stopped(true));
        m_recording->note(Facing::Server, ProxiedClientText::stopped(false));
    }
    m_dialer->stopLookup();
    for (QTcpSocket *socket : { m_client.data(), m_upstream.data() }) {
        if (socket && socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
    }
    m_clientGone = true;
    m_upstreamGone = true;
    maybeFinish();
}

void ProxiedClient::maybeFinish()
{
    if (m_finished || !m_clientGone || !m_upstreamGone)
        return;
    m_finished = true;
    if (std::exchange(m_hookTold, false))
        m_hook->relayEnded(m_relayConnection);
    m_recording->wireClosed();
    Q_EMIT finished();
}

} // namespace wsi
