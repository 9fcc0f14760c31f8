#include "compose/sendscheduler.h"

#include "compose/sendsequence.h"
#include "connection/connection.h"

#include <QWebSocket>

#include <utility>

namespace wsi {

SendScheduler::SendScheduler(QObject *parent)
    : QObject(parent)
{ }

SendScheduler::~SendScheduler() = default;

void SendScheduler::setConnection(Connection *connection)
{
    if (m_connection == connection)
        return;
    stopRepeat();
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    resetPending();
    if (connection) {
        connect(connection, &Connection::stateChanged, this, &SendScheduler::onStateChanged);
        connect(connection, &Connection::eventsAppended, this, &SendScheduler::onEventsAppended);
        connect(connection, &Connection::bytesWritten, this, &SendScheduler::onBytesWritten);
    }
}

Connection *SendScheduler::connection() const
{
    return m_connection;
}

bool SendScheduler::canSend() const
{
    return m_connection && m_connection->state() == Connection::State::Open;
}

void SendScheduler::resetPending()
{
    m_pendingScanFrom = -1;
    m_pendingSize = 0;
    m_progressTotal = 0;
    m_progressWritten = 0;
}

bool SendScheduler::transmit(const QByteArray &bytes, bool isText, bool allowFragments, QString *error)
{
    if (!canSend()) {
        *error = tr("The connection is not open.");
        return false;
    }
    const qsizetype scanFrom = m_connection->events().size();
    SendStep step;
    if (!SendStep::forPayload(bytes, isText, allowFragments ? m_frameSize : 0, &step, error))
        return false;
    qint64 frames = 1;
    if (step.kind == SendStep::Kind::Framed) {
        if (!m_connection->sendFramed(bytes, isText, step.frameSize, error))
            return false;
        frames = step.framedCount();
    } else {
        if (isText ? !m_connection->sendText(step.text) : !m_connection->sendBinary(bytes)) {
            *error = tr("The connection did not accept the message.");
            return false;
        }
        // QWebSocket splits a message into frames of outgoingFrameSize() bytes.
        if (m_connection->socket() && m_connection->socket()->outgoingFrameSize() > 0) {
            const qint64 size = qint64(m_connection->socket()->outgoingFrameSize());
            frames = qMax<qint64>(1, (bytes.size() + size - 1) / size);
        }
    }
    if (bytes.size() >= kProgressThreshold) {
        // A client frame header: 2 bytes, 8 more for a 64-bit length, 4 for the mask key.
        const qint64 perFrame = bytes.size() / frames > 65535 ? 14 : bytes.size() / frames > 125 ? 8 : 6;
        m_pendingScanFrom = scanFrom;
        m_pendingSize = bytes.size();
        m_progressTotal = bytes.size() + frames * perFrame;
        m_progressWritten = 0;
        Q_EMIT sendStarted(m_pendingSize, m_progressTotal);
        onEventsAppended();
    }
    return true;
}

void SendScheduler::onBytesWritten(qint64 bytes)
{
    if (m_pendingScanFrom < 0 || bytes <= 0)
        return;
    m_progressWritten = qMin(m_progressTotal, m_progressWritten + bytes);
    Q_EMIT sendProgress(m_progressWritten, m_progressTotal);
}

void SendScheduler::onEventsAppended()
{
    if (m_pendingScanFrom < 0 || !m_connection)
        return;
    const EventStore &events = m_connection->events();
    for (qsizetype row = m_pendingScanFrom; row < events.size(); ++row) {
        const EventRecord &r = events.at(row);
        if (r.type == EventType::Message && r.dir == Direction::Outgoing && qint64(r.value) == m_pendingSize) {
            const qint64 total = m_progressTotal;
            resetPending();
            Q_EMIT sendProgress(total, total);
            Q_EMIT sendFinished(true);
            return;
        }
    }
    m_pendingScanFrom = events.size();
}

void SendScheduler::onStateChanged()
{
    if (canSend())
        return;
    if (m_pendingScanFrom >= 0 && m_connection) {
        // The connection went away mid-send: no more bytes will be written.
        resetPending();
        Q_EMIT sendFinished(false);
    }
}

bool SendScheduler::startRepeat(int count, int intervalMs, PayloadSource source)
{
    if (isRepeating() || !canSend() || !source)
        return false;
    m_repeatTotal = qBound(1, count, kMaxRepeatCount);
    m_repeatDone = 0;
    m_repeat = new SendSequence(m_connection, this);
    m_repeat->setRounds(m_repeatTotal, intervalMs);
    // Each message is built when its turn comes ({{counter}}, {{uuid}}) and fragmented as a single send is.
    m_repeat->setStepSource([this, source = std::move(source)](SendStep *step, QString *error) {
        QByteArray bytes;
        bool isText = false;
        return source(&bytes, &isText, error) && SendStep::forPayload(bytes, isText, m_frameSize, step, error);
    });
    connect(m_repeat, &SendSequence::roundSent, this, [this](int done, int total) {
        m_repeatDone = done;
        Q_EMIT repeatProgress(done, total);
    });
    connect(m_repeat, &SendSequence::finished, this, &SendScheduler::onRepeatFinished);
    connect(m_repeat, &SendSequence::failed, this, [this](int, const QString &reason) { onRepeatFailed(reason); });
    Q_EMIT repeatProgress(0, m_repeatTotal);
    m_repeat->start();
    return true;
}

void SendScheduler::stopRepeat()
{
    if (isRepeating())
        endRepeat(QString(), false);
}

bool SendScheduler::isRepeating() const
{
    return m_repeat && m_repeat->isRunning();
}

int SendScheduler::repeatsSent() const
{
    return m_repeatDone;
}

int SendScheduler::repeatTotal() const
{
    return m_repeatTotal;
}

void SendScheduler::onRepeatFinished()
{
    if (m_repeat->completed())
        endRepeat(tr("Sent %n message(s).", nullptr, m_repeatDone), false);
    else
        endRepeat(
            tr("Repeat stopped after %1 of %2: the connection is no longer open.").arg(m_repeatDone).arg(m_repeatTotal),
            true);
}

void SendScheduler::onRepeatFailed(const QString &reason)
{
    endRepeat(tr("Repeat stopped after %1 of %2: %3").arg(m_repeatDone).arg(m_repeatTotal).arg(reason), true);
}

void SendScheduler::endRepeat(const QString &message, bool error)
{
    // Deleted later: this may run inside the sequence's own signal.
    SendSequence *repeat = std::exchange(m_repeat, nullptr);
    repeat->stop();
    repeat->deleteLater();
    Q_EMIT repeatStopped(message, error);
}

} // namespace wsi
