#include "connectcommand.h"

#include "connection.h"
#include "sessionlogwriter.h"

#include <QCoreApplication>
#include <QTimer>

namespace wsi {

ConnectCommand::ConnectCommand(const Settings &settings, FILE *out, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_out(out)
{
}

ConnectCommand::~ConnectCommand() = default;

void ConnectCommand::start()
{
    const QByteArray header = SessionLogWriter::header(
        QStringLiteral("%1 %2").arg(QCoreApplication::applicationName(), QCoreApplication::applicationVersion()));
    std::fwrite(header.constData(), 1, size_t(header.size()), m_out);

    m_connection = new Connection(m_settings.options, this);
    connect(m_connection, &Connection::eventsAppended, this, &ConnectCommand::onEventsAppended);
    connect(m_connection, &Connection::stateChanged, this, &ConnectCommand::onStateChanged);
    connect(m_connection, &Connection::finished, this, &ConnectCommand::onFinished);
    m_connection->open();
}

void ConnectCommand::onEventsAppended()
{
    // Each line goes straight into stdout's buffer (fully buffered, see main.cpp); one flush per batch of
    // events keeps a reader of the stream current without a write() per line.
    const EventStore &events = m_connection->events();
    const qsizetype first = m_printed;
    for (; m_printed < events.size(); ++m_printed) {
        if (!m_settings.showFrames && events.at(m_printed).type == EventType::Frame)
            continue;
        const QByteArray line = SessionLogWriter::eventLine(*m_connection, m_printed);
        std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
    }
    if (m_printed != first)
        std::fflush(m_out);
}

void ConnectCommand::onStateChanged()
{
    if (m_connection->state() != Connection::State::Open || m_sent)
        return;
    m_sent = true;
    for (const QString &message : std::as_const(m_settings.messages))
        m_connection->sendText(message);
    QTimer::singleShot(m_settings.waitMs, this, &ConnectCommand::beginClose);
}

void ConnectCommand::beginClose()
{
    if (m_closing || m_connection->state() != Connection::State::Open)
        return;
    m_closing = true;
    m_connection->close(m_settings.closeCode, m_settings.closeReason);
    // Bounded: a peer that never answers the Close is dropped after the timeout.
    QTimer::singleShot(m_settings.options.timeoutMs, this, [this] {
        if (!m_done)
            m_connection->abort();
    });
}

void ConnectCommand::onFinished()
{
    onEventsAppended();
    const EventStore &events = m_connection->events();
    bool closeOut = false;
    bool closeIn = false;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const EventRecord &r = events.at(i);
        if (r.type == EventType::Close) {
            closeOut = closeOut || r.dir == Direction::Outgoing;
            closeIn = closeIn || r.dir == Direction::Incoming;
        }
    }
    if (m_connection->state() == Connection::State::Failed)
        finish(Failed, m_connection->statusText());
    else if (closeOut && closeIn)
        finish(CleanClose, {});
    else
        finish(UncleanClose, m_connection->statusText());
}

void ConnectCommand::finish(int exitCode, const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    std::fflush(m_out);
    if (!reason.isEmpty())
        std::fprintf(stderr, "wsinspector-cli: %s\n", reason.toLocal8Bit().constData());
    Q_EMIT done(exitCode);
}

} // namespace wsi
