#include "sendsequence.h"

#include "connection/connection.h"

#include <QWebSocket>

namespace wsi {

namespace {

// Steps sent per turn of the event loop when there is no interval: events keep being printed meanwhile.
constexpr int kStepsPerTurn = 256;
// Above this many unsent bytes in the socket, wait for the tap to drain it (a flood stays bounded in memory).
constexpr qint64 kMaxQueuedBytes = 4 * 1024 * 1024;
// A raw frame waits at most this long for the tap to see the frames before it, then goes anyway.
constexpr int kTapWaitMs = 5000;
constexpr quint8 kPongOpcode = 0xA;

} // namespace

SendSequence::SendSequence(Connection *connection, const QList<SendStep> &steps, int repeat, int intervalMs,
    const QHash<QString, QString> &variables, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_steps(steps)
    , m_repeat(repeat)
    , m_intervalMs(intervalMs)
{
    m_template.setUserVariables(variables);
    m_next.setSingleShot(true);
    m_next.setTimerType(Qt::PreciseTimer); // --interval-ms is a promise, not a hint
    connect(&m_next, &QTimer::timeout, this, &SendSequence::sendNext);
    m_tapBound.setSingleShot(true);
    m_tapBound.setInterval(kTapWaitMs);
    connect(&m_tapBound, &QTimer::timeout, this, [this] {
        // The frame count did not add up (e.g. QWebSocket split differently): keep the order as best we can.
        m_seenFrames = m_expectedFrames;
        sendNext();
    });
    connect(m_connection, &Connection::eventsAppended, this, [this] {
        if (m_waitingForTap && tapCaughtUp())
            sendNext();
    });
}

SendSequence::~SendSequence() = default;

void SendSequence::start()
{
    if (m_steps.isEmpty() || m_repeat <= 0) {
        finish();
        return;
    }
    sendNext();
}

void SendSequence::sendNext()
{
    m_waitingForTap = false;
    m_tapBound.stop();
    int sentThisTurn = 0;
    while (!m_finished) {
        if (m_connection->state() != Connection::State::Open) {
            finish();
            return;
        }
        if (m_index == m_steps.size()) {
            m_index = 0;
            if (++m_round == m_repeat) {
                finish();
                return;
            }
            if (m_intervalMs > 0) {
                m_next.start(m_intervalMs);
                return;
            }
        }
        if (sentThisTurn == kStepsPerTurn
            || (m_connection->socket() && m_connection->socket()->bytesToWrite() > kMaxQueuedBytes)) {
            m_next.start(sentThisTurn == kStepsPerTurn ? 0 : 1);
            return;
        }
        const SendStep &step = m_steps.at(m_index);
        if (step.kind == SendStep::Kind::RawFrame && !m_connection->handshake().encrypted) {
            const bool caughtUp = tapCaughtUp();
            if (m_clientStreamBroken) {
                // The tap injects only at a frame boundary of the client's stream, which it stops tracking once
                // a frame broke the protocol: the frame would wait forever.
                m_finished = true;
                Q_EMIT failed(
                    QStringLiteral("--raw-frame %1: not sent, because an earlier frame from this client broke "
                                   "the protocol and the tap no longer tracks where the client's frames "
                                   "begin. Put the rule-breaking --raw-frame last.")
                        .arg(step.frame.describe()));
                return;
            }
            if (!caughtUp) {
                m_waitingForTap = true;
                m_tapBound.start();
                return;
            }
        }
        if (!sendStep(step))
            return;
        ++m_index;
        ++sentThisTurn;
    }
}

bool SendSequence::sendStep(const SendStep &step)
{
    switch (step.kind) {
    case SendStep::Kind::Text: {
        const QString text = step.literal ? step.text : m_template.resolve(step.text);
        m_connection->sendText(text);
        m_expectedFrames += framesFor(text.toUtf8().size());
        return true;
    }
    case SendStep::Kind::Binary:
        m_connection->sendBinary(step.bytes);
        m_expectedFrames += framesFor(step.bytes.size());
        return true;
    case SendStep::Kind::Ping:
        m_connection->ping(step.bytes);
        m_expectedFrames += 1;
        return true;
    case SendStep::Kind::RawFrame: {
        QString error;
        if (!m_connection->sendRawFrame(step.frame, &error)) {
            m_finished = true;
            Q_EMIT failed(QStringLiteral("--raw-frame %1: %2").arg(step.frame.describe(), error));
            return false;
        }
        if (step.frame.opcode != kPongOpcode)
            m_expectedFrames += 1;
        return true;
    }
    }
    return true;
}

bool SendSequence::tapCaughtUp()
{
    const EventStore &events = m_connection->events();
    for (; m_scanned < events.size(); ++m_scanned) {
        const EventRecord &r = events.at(m_scanned);
        if (r.type == EventType::Frame && r.dir == Direction::Outgoing && r.sub != kPongOpcode)
            ++m_seenFrames;
        else if (r.type == EventType::Error && r.dir == Direction::Outgoing && r.layer() == ErrorLayer::WebSocket)
            m_clientStreamBroken = true;
    }
    return m_clientStreamBroken || m_seenFrames >= m_expectedFrames;
}

qint64 SendSequence::framesFor(qint64 payloadSize) const
{
    // QWebSocket splits a message into frames of outgoingFrameSize() bytes.
    const qint64 frameSize = m_connection->socket() ? qint64(m_connection->socket()->outgoingFrameSize()) : 0;
    if (frameSize <= 0 || payloadSize <= frameSize)
        return 1;
    return (payloadSize + frameSize - 1) / frameSize;
}

void SendSequence::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_next.stop();
    m_tapBound.stop();
    Q_EMIT finished();
}

} // namespace wsi
