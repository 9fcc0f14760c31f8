// RelayedClient: one client of the local test server, served and recorded on its own socket.
#include "server/relayedclient.h"

#include "capture/peername.h"
#include "language/englishscope.h"
#include "protocol/closecodes.h"
#include "server/closeanswer.h"
#include "server/readpassgauge.h"
#include "server/transportendpoints.h"
#include "server/upgradeanswers.h"
#include "store/diskbacklog.h"
#include "store/slowturnlog.h"
#include "store/wallclock.h"

#include <QHostAddress>
#include <QSslSocket>
#include <QTcpSocket>

namespace wsi {

namespace {

// One read takes whatever the socket holds up to this; a flood is recorded in few, large chunks.
constexpr qsizetype kReadChunk = 256 * 1024;
// Qt's own buffer in front of ours: bounded, so that a client flooding a paused reader waits in the kernel.
constexpr qint64 kSocketReadBuffer = 1024 * 1024;
// A client that does not read its answers: stop reading from it beyond this many unsent bytes.
constexpr qint64 kMaxUnsentBytes = 8 * 1024 * 1024;

// One read buffer for every client: reads never nest (the recorder is done with a chunk before the next
// read), and 10,000 idle clients must not each hold a quarter megabyte.
QByteArray &sharedReadBuffer()
{
    thread_local QByteArray buffer(kReadChunk, Qt::Uninitialized);
    return buffer;
}

// A batch goes at once from this size: it is what the GUI thread applies in one go, and with kMaxHeldBytes it keeps
// a few batches in flight, so a fast client is not held back waiting for the 16 ms timer.
constexpr qint64 kFullBatchBytes = 128 * 1024;

} // namespace

RelayedClient::RelayedClient(
    QTcpSocket *client, quint64 id, const Settings &settings, ReadPassGauge *gauge, QObject *parent)
    : QObject(parent)
    , m_socket(client)
    , m_id(id)
    , m_settings(settings)
    , m_peer(peerName(client))
    , m_gauge(gauge)
    , m_recording(id, m_peer, wallClockUs())
    , m_answers(!qobject_cast<QSslSocket *>(client))
    , m_plainTcp(!qobject_cast<QSslSocket *>(client))
    , m_deadlines(settings.handshakeTimeoutMs, settings.idleTimeoutMs)
{
    client->setParent(this);
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    client->setReadBufferSize(kSocketReadBuffer);
    m_recording.setEndpoint(this);
}

RelayedClient::~RelayedClient() = default;

void RelayedClient::endWithRelay()
{
    // Deleted with the relay before the client said goodbye: the Connection must not wait for us.
    if (!m_finished)
        finish();
}

ServedBatch RelayedClient::takeBatch()
{
    ServedBatch batch = m_recording.take();
    m_heldBytes += batch.wireBytes;
    return batch;
}

void RelayedClient::batchTaken(qint64 bytes)
{
    m_heldBytes -= bytes;
    readOnIfReleased();
}

void RelayedClient::readOnIfReleased()
{
    if (m_heldPaused && !heldBack()) {
        m_heldPaused = false;
        onReadyRead();
    }
}

bool RelayedClient::heldBack() const
{
    if (m_heldBytes + m_recording.pendingBytes() >= kMaxHeldBytes)
        return true;
    return !m_draining && DiskBacklog::instance().isBehind();
}

bool RelayedClient::closeByServer(int code, const QString &reason)
{
    if (!sendClose(code, reason))
        return false;
    m_recording.closing(); // the Connection's state follows with the batch, as for a close the user asked for
    Q_EMIT recorded(true);
    return true;
}

void RelayedClient::forget()
{
    m_forgotten = true;
    abort();
}

void RelayedClient::recordWire(Direction direction, const QByteArray &bytes)
{
    m_recording.record(direction, wallClockUs(), bytes);
    // Until the WebSocket is open every chunk goes at once: the 101 (or the refusal) must reach the log first.
    Q_EMIT recorded(!m_open || m_recording.pendingBytes() >= kFullBatchBytes);
}

void RelayedClient::serve(Gate gate, MessageHandler handler)
{
    m_gate = std::move(gate);
    m_handler = std::move(handler);
    Q_EMIT recorded(true); // the arrival: the GUI thread makes the client's Connection
    connect(m_socket, &QTcpSocket::readyRead, this, &RelayedClient::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &RelayedClient::onDisconnected);
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    // Gone before we listened. Not merely closing: answering what was already read may have started our own
    // close, and the answer still has to be written.
    if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
        onDisconnected();
}

void RelayedClient::stopServing()
{
    m_gate = [](const HttpHead &) {
        return UpgradeAnswers::plain(503, "Service Unavailable", {}, "The test server is stopping.\n");
    };
    m_handler = {};
}

void RelayedClient::onReadyRead()
{
    if (!m_socket || m_forgotten)
        return;
    if (m_sideDoorOpen && divertToSideDoor())
        return;
    if (heldBack()) {
        m_heldPaused = true; // batchTaken() reads on
        return;
    }
    if (m_socket->bytesToWrite() > kMaxUnsentBytes) {
        // Only a paused client listens to bytesWritten: the signal fires for every write.
        if (!m_readPaused)
            connect(m_socket, &QTcpSocket::bytesWritten, this, &RelayedClient::onBytesWritten);
        m_readPaused = true;
        return;
    }
    // Named for the window's slow-turn log (issue 12): the socket read, the decoding and recording of what was read,
    // the answers framed meanwhile, and their write at the end (also counted apart, as server.write).
    const SlowTurnLog::Section section("server.read");
    QByteArray &buffer = sharedReadBuffer();
    if (m_deadlines.watchesIdle())
        m_deadlines.noteActivity();
    if (m_gauge) {
        m_gauge->noteRead(this);
        // Not over TLS: each write there is a record of its own, and Qt encrypts on a later turn anyway.
        m_eager = m_plainTcp && m_gauge->talksAlone(this);
    }
    m_reading = true;
    while (m_socket && m_socket->bytesAvailable() > 0 && !heldBack()) {
        if (!m_answered) {
            // The upgrade request (usually one read): taken out of Qt's read buffer as the buffer's own block, which
            // leaves the socket without one. Read into ours, the buffer keeps its 16 KB block for good, most of an
            // idle client's memory (issue 12). Not once the client talks: a flood's reads reuse the kept block.
            const QByteArray taken = m_socket->read(m_socket->bytesAvailable());
            if (taken.isEmpty())
                break;
            m_recording.record(Direction::Incoming, wallClockUs(), taken);
            continue;
        }
        const qint64 got = m_socket->read(buffer.data(), buffer.size());
        if (got <= 0)
            break;
        // A view of the reused buffer: the recorder only reads it during the call.
        m_recording.record(
            Direction::Incoming, wallClockUs(), QByteArray::fromRawData(buffer.constData(), qsizetype(got)));
    }
    m_reading = false;
    m_heldPaused = m_socket && m_socket->bytesAvailable() > 0; // held back: batchTaken() reads the rest
    flush(); // records the answers
    if (m_recording.hasNews())
        Q_EMIT recorded(!m_open || m_recording.pendingBytes() >= kFullBatchBytes);
}

bool RelayedClient::divertToSideDoor()
{
    const QHostAddress address = m_socket->peerAddress();
    // Only on loopback, like the rest of what the test server offers beyond RFC 6455.
    const bool loopback = address.isLoopback() || QHostAddress(address.toIPv4Address()).isLoopback();
    const TransportEndpoints::Claim claim
        = loopback ? TransportEndpoints::claims(m_socket->peek(32)) : TransportEndpoints::Claim::No;
    if (claim == TransportEndpoints::Claim::NeedMore && m_socket->state() == QAbstractSocket::ConnectedState)
        return true; // the next readyRead tells
    if (claim != TransportEndpoints::Claim::Yes) {
        m_sideDoorOpen = false;
        return false;
    }
    m_sideDoorOpen = false;
    QTcpSocket *socket = m_socket;
    socket->disconnect(this);
    m_socket = nullptr;
    socket->setParent(nullptr);
    m_recording.diverted();
    Q_EMIT sideDoorTaken(socket);
    finish();
    return true;
}

void RelayedClient::onBytesWritten()
{
    if (m_readPaused && m_socket && m_socket->bytesToWrite() <= kMaxUnsentBytes / 2) {
        m_readPaused = false;
        disconnect(m_socket, &QTcpSocket::bytesWritten, this, &RelayedClient::onBytesWritten);
        onReadyRead();
    }
}

void RelayedClient::onDisconnected()
{
    if (m_reading) {
        // Not in the middle of recording a read: the recorder is not reentrant for the same direction.
        QMetaObject::invokeMethod(this, &RelayedClient::onDisconnected, Qt::QueuedConnection);
        return;
    }
    if (m_socket && m_socket->bytesAvailable() > 0 && !m_forgotten) {
        m_readPaused = false;
        m_heldBytes = 0; // the end is read whatever the GUI thread holds: the socket is gone
        m_draining = true; // and whatever the disk holds
        onReadyRead(); // what the client sent last still belongs in the log
    }
    finish();
}

void RelayedClient::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_recording.finished(wallClockUs());
    Q_EMIT recorded(true);
    Q_EMIT finished();
}

void RelayedClient::flush()
{
    if (!m_socket || m_finished)
        return;
    if (!m_answers.isEmpty()) {
        const SlowTurnLog::Section section("server.write");
        // Recorded once per read, as one chunk: exactly the bytes that went to the socket (some of them already
        // written as they came, when the client talks alone).
        if (const qsizetype written = m_answers.writeRest(m_socket); written > 0)
            recordWire(Direction::Outgoing, m_answers.first(written));
        m_answers.clear();
    }
    if (m_disconnectAfterFlush && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost(); // after the written bytes are out: the server closes TCP first (RFC 6455 7.1.1)
}

void RelayedClient::queueFrame(quint8 opcode, QByteArrayView payload, bool rsv1)
{
    m_answers.appendFrame(opcode, payload, rsv1);
    answerQueued();
}

void RelayedClient::queueClose(int code, QByteArrayView reason)
{
    const bool hadDeadline = hasDeadline();
    m_closeSent = true;
    m_deadlines.noteCloseSent();
    if (!hadDeadline)
        Q_EMIT deadlineArmed();
    m_answers.appendClose(code, reason);
    answerQueued();
}

void RelayedClient::answerQueued()
{
    if (!m_reading) {
        flush();
        return;
    }
    // This client talks alone: it can send its next message while the rest of its read is decoded.
    if (m_eager && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_answers.writeRest(m_socket);
        ++m_eagerWrites;
    }
}

void RelayedClient::answerAndClose(const QByteArray &response)
{
    m_answered = true;
    m_disconnectAfterFlush = true;
    m_answers.append(response);
    flush(); // now, even inside a read: the answer precedes anything decoded after the request
}

void RelayedClient::onRequestHead(const HttpHead &request)
{
    if (m_answered)
        return;
    const QByteArray refusal = m_gate ? m_gate(request) : QByteArray();
    if (!refusal.isEmpty()) {
        answerAndClose(refusal);
        return;
    }
    const QByteArray problem = UpgradeAnswers::problemWith(request);
    if (!problem.isEmpty()) {
        answerAndClose(problem);
        return;
    }
    m_answered = true;
    m_open = true;
    const QByteArray extensions = m_settings.deflate ? m_answers.acceptDeflateOffers(request) : QByteArray();
    m_answers.append(UpgradeAnswers::switchingProtocols(request, m_settings.subprotocols, extensions));
    // Written and recorded at once, so that the log shows the 101 before frames the client pipelined after it.
    flush();
    m_recording.opened(wallClockUs());
    Q_EMIT recorded(true);
}

void RelayedClient::onRequestInvalid(const QString &error)
{
    if (!m_answered)
        answerAndClose(UpgradeAnswers::badRequest(error.toUtf8()));
}

void RelayedClient::onMessage(bool isText, QByteArrayView payload)
{
    if (!m_open || m_closeSent)
        return; // after our Close nothing more is answered (RFC 6455 section 5.5.1)
    if (m_handler)
        m_handler(this, isText, payload);
}

void RelayedClient::onPing(QByteArrayView payload)
{
    if (m_open && !m_closeSent)
        queueFrame(0xA, payload);
}

void RelayedClient::onClose(int code, QByteArrayView reason)
{
    if (!m_open)
        return;
    if (!m_closeSent)
        queueClose(code, reason); // echo the client's code and reason (RFC 6455 section 5.5.1)
    m_disconnectAfterFlush = true;
    if (!m_reading)
        flush();
}

void RelayedClient::onViolation(const ProtocolViolation &violation)
{
    // The recorder has logged the violation in full; the client gets the code and the rule in short.
    if (!m_open) {
        m_disconnectAfterFlush = true;
        return;
    }
    if (!m_closeSent) {
        const EnglishScope english; // a Close reason on the wire is English in every window
        queueClose(CloseAnswer::codeFor(violation.kind), CloseAnswer::reason(violation.describe()));
    }
    m_disconnectAfterFlush = true; // fail the connection (RFC 6455 section 7.1.7)
    if (!m_reading)
        flush();
}

bool RelayedClient::sendMessage(bool isText, QByteArrayView payload)
{
    if (!isOpen() || m_finished)
        return false;
    m_answers.appendMessage(isText, payload);
    answerQueued();
    return true;
}

bool RelayedClient::sendPing(QByteArrayView payload)
{
    if (!isOpen() || m_finished || payload.size() > 125)
        return false;
    queueFrame(0x9, payload);
    return true;
}

bool RelayedClient::sendClose(int code, const QString &reason)
{
    if (!isOpen() || m_finished || !isValidWireCloseCode(code))
        return false;
    queueClose(code, CloseAnswer::reason(reason));
    return true;
}

void RelayedClient::abort()
{
    if (m_socket)
        m_socket->abort();
    finish();
}

bool RelayedClient::hasDeadline() const
{
    return !m_finished && m_socket && m_deadlines.running(m_answered, m_closeSent, m_open);
}

void RelayedClient::checkDeadlines(qint64 nowMs)
{
    if (m_finished || !m_socket)
        return;
    switch (m_deadlines.expired(nowMs, m_answered, m_closeSent, m_open)) {
    case ClientDeadlines::Expired::Handshake:
        answerAndClose(UpgradeAnswers::handshakeTimedOut(m_settings.handshakeTimeoutMs));
        break;
    case ClientDeadlines::Expired::CloseGrace:
        abort(); // the client never answered our Close
        break;
    case ClientDeadlines::Expired::Idle:
        closeByServer(1001, tr("Idle for %1 ms").arg(m_deadlines.idleMs()));
        break;
    case ClientDeadlines::Expired::Nothing:
        break;
    }
}

} // namespace wsi
