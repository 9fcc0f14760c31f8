// ProtocolDutyRunner: sends what a live connection's application protocol needs to stay up, as automatic rows.
#include "connection/protocoldutyrunner.h"

#include "connection/connection.h"
#include "decode/protocoldetector.h"
#include "store/wallclock.h"

#include <QTimer>

namespace wsi {

ProtocolDutyRunner::ProtocolDutyRunner(Connection *connection, const QString &protocolOrAuto, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_annotator(protocolOrAuto, Direction::Outgoing)
    , m_timer(new QTimer(this))
{
    m_annotator.setUrl(connection->url());
    m_timer->setSingleShot(true);
    // A heart-beat late by a coarse timer's 5% could miss a server's tight deadline.
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &ProtocolDutyRunner::onTimer);
    connect(connection, &Connection::eventsAppended, this, &ProtocolDutyRunner::onEventsAppended);
    connect(connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::Closing || state == Connection::State::Closed
            || state == Connection::State::Failed)
            stop();
    });
}

ProtocolDutyRunner::~ProtocolDutyRunner() = default;

void ProtocolDutyRunner::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_timer->stop();
    disconnect(m_connection, &Connection::eventsAppended, this, &ProtocolDutyRunner::onEventsAppended);
}

void ProtocolDutyRunner::onEventsAppended()
{
    const EventStore &events = m_connection->events();
    QStringList answers;
    while (!m_stopped && m_nextRow < events.size()) {
        const qsizetype row = m_nextRow++;
        const EventRecord record = events.at(row);
        if (record.type != EventType::Open && record.type != EventType::Message)
            continue;
        const QByteArrayView payload = events.payload(row);
        if (m_duties && record.type == EventType::Message && !m_duties->concerns(payload, record.hasFlag(FlagText)))
            continue; // the printer or the log decodes it for showing; nothing here needs it
        const ProtocolAnnotator::Annotation annotation = m_annotator.next(record, payload);
        if (record.type != EventType::Message)
            continue;
        ++m_messagesSeen;
        if (!m_duties) {
            const QString protocol = m_annotator.protocol();
            if (protocol.isEmpty()) {
                if (m_messagesSeen >= ProtocolDetector::kFramesExamined)
                    stop(); // the annotator gave up detecting
                continue;
            }
            if (!ProtocolDuties::hasDuties(protocol)) {
                stop();
                break;
            }
            m_duties = std::make_unique<ProtocolDuties>(protocol, m_annotator.variant());
        }
        const DecodeDirection direction
            = record.dir == Direction::Outgoing ? DecodeDirection::ClientToServer : DecodeDirection::ServerToClient;
        for (const DecodedMessage &message : annotation.messages)
            answers << m_duties->onMessage(message, direction, record.timeUs);
    }
    // Sent after reading: each send appends rows (now or later), read on the next round.
    send(answers);
    rearm();
}

void ProtocolDutyRunner::onTimer()
{
    if (m_duties)
        send(m_duties->due(wallClockUs()));
    rearm();
}

void ProtocolDutyRunner::send(const QStringList &texts)
{
    for (const QString &text : texts) {
        if (m_stopped || m_connection->state() != Connection::State::Open)
            return;
        if (m_connection->sendAutomaticText(text))
            ++m_answersSent;
    }
}

void ProtocolDutyRunner::rearm()
{
    const qint64 dueUs = m_duties && !m_stopped ? m_duties->nextDueUs() : -1;
    if (dueUs < 0) {
        m_timer->stop();
        return;
    }
    const qint64 waitMs = qMax<qint64>(0, (dueUs - wallClockUs() + 999) / 1000);
    m_timer->start(int(qMin<qint64>(waitMs, INT_MAX)));
}

} // namespace wsi
