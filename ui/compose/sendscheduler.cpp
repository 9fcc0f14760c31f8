#include "compose/sendscheduler.h"

#include "connection/connection.h"

#include <QTimer>
#include <QWebSocket>

namespace wsi {

SendScheduler::SendScheduler(QObject *parent)
    : QObject(parent)
    , m_repeatTimer(new QTimer(this))
{
    connect(m_repeatTimer, &QTimer::timeout, this, &SendScheduler::onRepeatTick);
}

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
    const int frame = allowFragments ? m_frameSize : 0;
    qint64 frames = 1;
    if (frame > 0 && bytes.size() > frame) {
        const qsizetype count = (bytes.size() + frame - 1) / frame;
        if (count > kMaxFragments) {
            *error = tr(
                "A frame size of %1 bytes makes %2 frames; at most %3 are sent at once. Choose a larger frame size.")
                         .arg(frame)
                         .arg(count)
                         .arg(kMaxFragments);
            return false;
        }
        if (!m_connection->sendFramed(bytes, isText, frame, error))
            return false;
        frames = count;
    } else {
        if (isText ? !m_connection->sendText(QString::fromUtf8(bytes)) : !m_connection->sendBinary(bytes)) {
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
    if (isRepeating()) {
        // The connection closed mid-repeat: the next tick reports it and stops.
        QTimer::singleShot(0, this, &SendScheduler::onRepeatTick);
    }
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
    m_source = std::move(source);
    m_repeatTotal = qBound(1, count, kMaxRepeatCount);
    m_repeatDone = 0;
    m_repeatTimer->start(qMax(0, intervalMs));
    Q_EMIT repeatProgress(0, m_repeatTotal);
    onRepeatTick();
    return true;
}

void SendScheduler::stopRepeat()
{
    if (!m_repeatTimer->isActive())
        return;
    m_repeatTimer->stop();
    m_source = nullptr;
    Q_EMIT repeatStopped(QString(), false);
}

bool SendScheduler::isRepeating() const
{
    return m_repeatTimer->isActive();
}

void SendScheduler::onRepeatTick()
{
    if (!isRepeating())
        return;
    auto stopWith = [this](const QString &message, bool error) {
        m_repeatTimer->stop();
        m_source = nullptr;
        Q_EMIT repeatStopped(message, error);
    };
    if (!canSend()) {
        stopWith(
            tr("Repeat stopped after %1 of %2: the connection is no longer open.").arg(m_repeatDone).arg(m_repeatTotal),
            true);
        return;
    }
    QByteArray bytes;
    bool isText = false;
    QString error;
    if (!m_source(&bytes, &isText, &error) || !transmit(bytes, isText, true, &error)) {
        stopWith(tr("Repeat stopped after %1 of %2: %3").arg(m_repeatDone).arg(m_repeatTotal).arg(error), true);
        return;
    }
    ++m_repeatDone;
    Q_EMIT repeatProgress(m_repeatDone, m_repeatTotal);
    if (m_repeatDone >= m_repeatTotal)
        stopWith(tr("Sent %n message(s).", nullptr, m_repeatDone), false);
}

} // namespace wsi
