// SendSequence: sends a list of steps over an open connection, the list N times, in order across kinds.
#include "compose/sendsequence.h"

#include "connection/connection.h"

#include <QCoreApplication>
#include <QWebSocket>

namespace wsi {

namespace {

// Steps sent per turn of the event loop when there is no interval: events keep being shown meanwhile.
constexpr int kStepsPerTurn = 256;
// Above this many unsent bytes in the socket, wait for the tap to drain it (a flood stays bounded in memory).
constexpr qint64 kMaxQueuedBytes = 4 * 1024 * 1024;
// An injected frame waits at most this long for the tap to see the frames before it, then goes anyway.
constexpr int kTapWaitMs = 5000;
constexpr quint8 kPongOpcode = 0xA;

} // namespace

SendSequence::SendSequence(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    m_next.setSingleShot(true);
    m_next.setTimerType(Qt::PreciseTimer); // an interval is a promise, not a hint
    connect(&m_next, &QTimer::timeout, this, &SendSequence::sendNext);
    m_tapBound.setSingleShot(true);
    m_tapBound.setInterval(kTapWaitMs);
    connect(&m_tapBound, &QTimer::timeout, this, [this] {
        // The frame count did not add up (e.g. QWebSocket split differently): keep the order as best we can.
        m_framesForgiven += qMax<qint64>(0, m_expectedFrames - seenFrames());
        sendNext();
    });
    if (connection) {
        // The tap counts what it records (ConnectionLeg::Counters): a row costs this a flag test, and nothing once
        // the sequence is over (the CLI's lives as long as its connection, which may be flooded).
        m_onAppended = connect(connection, &Connection::eventsAppended, this, [this] {
            if (m_waitingForTap && tapCaughtUp())
                sendNext();
        });
        // A closed connection ends the sequence now, not at the next round an interval later.
        connect(connection, &Connection::stateChanged, this, [this] {
            if (isRunning() && !isOpen())
                finish();
        });
    }
}

SendSequence::~SendSequence() = default;

void SendSequence::setSteps(const QList<SendStep> &steps)
{
    m_steps = steps;
}

void SendSequence::setStepSource(StepSource source)
{
    m_source = std::move(source);
}

void SendSequence::setVariables(const QHash<QString, QString> &variables)
{
    m_template.setUserVariables(variables);
}

void SendSequence::setRounds(int rounds, int intervalMs)
{
    m_rounds = rounds;
    m_intervalMs = qMax(0, intervalMs);
}

void SendSequence::start()
{
    if (m_started)
        return;
    m_started = true;
    // Frames sent before the sequence are not its own: they must not count as its frames seen by the tap.
    if (m_connection)
        m_framesBefore = qint64(m_connection->counters().framesOut);
    if ((m_steps.isEmpty() && !m_source) || m_rounds <= 0) {
        m_round = m_rounds = qMax(0, m_rounds);
        finish();
        return;
    }
    sendNext();
}

void SendSequence::stop()
{
    m_finished = true;
    m_next.stop();
    m_tapBound.stop();
    disconnect(m_onAppended);
}

bool SendSequence::isOpen() const
{
    return m_connection && m_connection->state() == Connection::State::Open;
}

void SendSequence::sendNext()
{
    m_waitingForTap = false;
    m_tapBound.stop();
    int sentThisTurn = 0;
    const qsizetype stepsPerRound = m_source ? 1 : m_steps.size();
    while (!m_finished) {
        if (!isOpen()) {
            finish();
            return;
        }
        if (m_index == stepsPerRound) {
            m_index = 0;
            ++m_round;
            Q_EMIT roundSent(m_round, m_rounds);
            if (m_round == m_rounds) {
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
        if (!prepareStep())
            return;
        const SendStep &step = m_source ? m_built : m_steps.at(m_index);
        const bool injected = injectedByTap(step);
        // The socket's frames pass the tap too: one sent right after an injected frame would be held behind
        // the injection and could overtake the next, so a change of path waits for the tap as well.
        if (injected || (m_afterInjected && !m_connection->handshake().encrypted)) {
            const bool caughtUp = tapCaughtUp();
            if (injected && m_clientStreamBroken) {
                // The tap injects only at a frame boundary of the client's stream, which it stops tracking once
                // a frame broke the protocol: the frame would wait forever.
                fail(QCoreApplication::translate("SendSequence",
                    "not sent, because an earlier frame from this client broke the protocol and the tap no "
                    "longer tracks where the client's frames begin."));
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
        m_haveBuilt = false;
        m_afterInjected = injected;
        ++m_index;
        ++sentThisTurn;
    }
}

bool SendSequence::prepareStep()
{
    if (!m_source || m_haveBuilt)
        return true;
    QString error;
    if (!m_source(&m_built, &error)) {
        fail(error);
        return false;
    }
    m_haveBuilt = true;
    return true;
}

bool SendSequence::injectedByTap(const SendStep &step) const
{
    // Through TLS the tap cannot see the client's frames to count them: the frame goes at once.
    return (step.kind == SendStep::Kind::RawFrame || step.kind == SendStep::Kind::Framed)
        && !m_connection->handshake().encrypted;
}

bool SendSequence::sendStep(const SendStep &step)
{
    QString error;
    switch (step.kind) {
    case SendStep::Kind::Text: {
        const QString text = step.literal ? step.text : m_template.resolve(step.text);
        if (!m_connection->sendText(text)) {
            fail(QCoreApplication::translate("SendSequence", "the connection did not accept the message."));
            return false;
        }
        m_expectedFrames += framesFor(text.toUtf8().size());
        return true;
    }
    case SendStep::Kind::Binary:
        if (!m_connection->sendBinary(step.bytes)) {
            fail(QCoreApplication::translate("SendSequence", "the connection did not accept the message."));
            return false;
        }
        m_expectedFrames += framesFor(step.bytes.size());
        return true;
    case SendStep::Kind::Ping:
        m_connection->ping(step.bytes);
        m_expectedFrames += 1;
        return true;
    case SendStep::Kind::Framed:
        if (!m_connection->sendFramed(step.bytes, step.framedText, step.frameSize, &error)) {
            fail(error);
            return false;
        }
        m_expectedFrames += step.framedCount();
        return true;
    case SendStep::Kind::RawFrame:
        if (!m_connection->sendRawFrame(step.frame, &error)) {
            fail(error);
            return false;
        }
        if (step.frame.opcode != kPongOpcode)
            m_expectedFrames += 1;
        return true;
    }
    return true;
}

qint64 SendSequence::seenFrames() const
{
    return qint64(m_connection->counters().framesOut) - m_framesBefore + m_framesForgiven;
}

bool SendSequence::tapCaughtUp()
{
    // O(1): the tap's recorder counts outgoing frames and their violations as it records them.
    m_clientStreamBroken = m_clientStreamBroken || m_connection->counters().violationsOut > 0;
    return m_clientStreamBroken || seenFrames() >= m_expectedFrames;
}

qint64 SendSequence::framesFor(qint64 payloadSize) const
{
    // QWebSocket splits a message into frames of outgoingFrameSize() bytes.
    const qint64 frameSize = m_connection->socket() ? qint64(m_connection->socket()->outgoingFrameSize()) : 0;
    if (frameSize <= 0 || payloadSize <= frameSize)
        return 1;
    return (payloadSize + frameSize - 1) / frameSize;
}

void SendSequence::fail(const QString &reason)
{
    const int index = int(m_index);
    stop();
    Q_EMIT failed(index, reason);
}

void SendSequence::finish()
{
    if (m_finished)
        return;
    stop();
    Q_EMIT finished();
}

} // namespace wsi
