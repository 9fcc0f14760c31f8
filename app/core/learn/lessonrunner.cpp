// LessonRunner: plays a Learn lesson against the window (through LessonHost), one step at a time.
#include "learn/lessonrunner.h"

#include "connection/connection.h"
#include "connection/reconnectcontroller.h"
#include "endpoints/connectionoptions.h"
#include "explain/closeexplainer.h"
#include "learn/lessonhost.h"
#include "server/localserver.h"
#include "store/eventrecord.h"

namespace wsi {

namespace {

// The rows a learner looks for; frames and notes in between are details of these.
bool isLessonRow(EventType type)
{
    return type == EventType::Open || type == EventType::Message || type == EventType::Ping || type == EventType::Pong
        || type == EventType::Close || type == EventType::Error;
}

} // namespace

LessonRunner::LessonRunner(LessonHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    m_pause.setSingleShot(true);
    m_pause.setInterval(2500);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(15000);
    connect(&m_pause, &QTimer::timeout, this, &LessonRunner::advance);
    connect(&m_timeout, &QTimer::timeout, this,
        [this] { fail(tr("Nothing happened for %1 seconds.").arg(m_timeout.interval() / 1000)); });
}

LessonRunner::~LessonRunner()
{
    clearWaits();
    disconnect(m_follow);
}

Connection *LessonRunner::connection() const
{
    return m_connection;
}

void LessonRunner::start(const Lesson &lesson)
{
    stop();
    m_lesson = lesson;
    m_notes.clear();
    m_followLog = false;
    m_running = true;
    m_index = 0;
    runStep();
}

void LessonRunner::stop()
{
    m_pause.stop();
    m_timeout.stop();
    clearWaits();
    disconnect(m_follow);
    m_running = false;
}

void LessonRunner::clearWaits()
{
    for (const QMetaObject::Connection &wait : std::as_const(m_waits))
        disconnect(wait);
    m_waits.clear();
}

void LessonRunner::addNote(const QString &note)
{
    m_notes << note;
    Q_EMIT noteAdded(note);
}

void LessonRunner::fail(const QString &error)
{
    stop();
    Q_EMIT finished(false, error);
}

void LessonRunner::stepDone()
{
    m_timeout.stop();
    clearWaits();
    m_pause.start();
}

void LessonRunner::advance()
{
    if (!m_running)
        return;
    if (++m_index >= m_lesson.steps.size()) {
        stop();
        Q_EMIT finished(true, QString());
        return;
    }
    runStep();
}

void LessonRunner::runStep()
{
    const LessonStep &step = m_lesson.steps.at(m_index);
    Q_EMIT stepStarted(m_index);
    const bool needsClient = step.action == LessonStep::Action::SendText || step.action == LessonStep::Action::Ping
        || step.action == LessonStep::Action::CloseClean || step.action == LessonStep::Action::DropFromServer;
    if (needsClient && (!m_connection || m_connection->state() != Connection::State::Open)) {
        fail(tr("The lesson's connection is not open."));
        return;
    }
    QString error;
    switch (step.action) {
    case LessonStep::Action::Explain:
        break;
    case LessonStep::Action::StartServer:
        m_server = m_host->ensureTestServer(&error);
        m_caFile.clear();
        break;
    case LessonStep::Action::StartTlsServer:
        m_server = m_host->ensureTlsTestServer(&m_caFile, &error);
        break;
    case LessonStep::Action::Connect:
    case LessonStep::Action::ConnectWithReconnect:
        connectClient(step.action == LessonStep::Action::ConnectWithReconnect);
        return;
    case LessonStep::Action::ShowHandshake:
        m_host->showView(LessonHost::View::Handshake);
        break;
    case LessonStep::Action::HighlightHeader:
        m_host->highlightHeader(step.header);
        break;
    case LessonStep::Action::ShowMessages:
        m_host->showView(LessonHost::View::Messages);
        m_followLog = true;
        break;
    case LessonStep::Action::SendText:
        sendText();
        return;
    case LessonStep::Action::Ping:
        ping();
        return;
    case LessonStep::Action::CloseClean:
        if (m_controller)
            m_controller->stop(); // the lesson ends here: no attempt after this one
        waitFinished(m_connection, true);
        m_connection->close(1000, QString());
        return;
    case LessonStep::Action::DropFromServer:
        dropFromServer();
        return;
    case LessonStep::Action::WaitReconnect:
        waitReconnect();
        return;
    case LessonStep::Action::MeasureBefore:
        m_before = ProcessFootprint::current();
        addNote(
            tr("Before: %1 kB resident, %2 open descriptors.").arg(m_before.residentKb).arg(m_before.openDescriptors));
        break;
    case LessonStep::Action::OpenIdleClients:
        openIdleClients(step.count);
        return;
    case LessonStep::Action::MeasureAfter: {
        const ProcessFootprint after = ProcessFootprint::current();
        const int clients = qMax(1, int(m_idle.size()));
        addNote(tr("After %1 idle clients: %2 kB resident (%3 kB per connection), %4 open descriptors (%5 per "
                   "connection).")
                    .arg(m_idle.size())
                    .arg(after.residentKb)
                    .arg(double(after.residentKb - m_before.residentKb) / clients, 0, 'f', 1)
                    .arg(after.openDescriptors)
                    .arg(double(after.openDescriptors - m_before.openDescriptors) / clients, 0, 'f', 1));
        break;
    }
    case LessonStep::Action::CloseIdleClients:
        closeIdleClients();
        return;
    }
    if (!error.isEmpty()
        || ((step.action == LessonStep::Action::StartServer || step.action == LessonStep::Action::StartTlsServer)
            && !m_server)) {
        fail(error.isEmpty() ? tr("The test server could not start.") : error);
        return;
    }
    stepDone();
}

void LessonRunner::connectClient(bool withReconnect)
{
    if (!m_server || !m_server->isRunning()) {
        fail(tr("The test server is not running."));
        return;
    }
    ConnectionOptions options;
    options.url = m_server->url();
    options.caFile = m_caFile;
    options.origin = QStringLiteral("http://localhost"); // as a page served from this machine would send
    if (withReconnect) {
        options.reconnect.enabled = true;
        options.reconnect.initialDelayMs = 2000;
        options.reconnect.maxAttempts = 5;
    }
    m_serverSide = nullptr;
    // The server's side arrives before the client sees its 101: the first client after this is ours.
    m_waits << connect(m_server, &LocalServer::clientConnected, this, [this](Connection *client) {
        if (!m_serverSide)
            m_serverSide = client;
    });
    disconnect(m_follow);
    m_connection = m_host->openConnection(options);
    if (!m_connection) {
        fail(tr("The connection could not be opened."));
        return;
    }
    m_controller = withReconnect ? m_host->reconnectControllerFor(m_connection) : nullptr;
    m_follow = connect(m_connection, &Connection::eventsAppended, this, &LessonRunner::onEventsAppended);
    waitOpen(m_connection);
    onEventsAppended();
}

void LessonRunner::waitOpen(Connection *connection)
{
    auto check = [this, connection] {
        if (connection->state() == Connection::State::Open)
            stepDone();
        else if (connection->state() == Connection::State::Failed || connection->state() == Connection::State::Closed)
            fail(connection->closeExplanation().summary);
    };
    m_waits << connect(connection, &Connection::stateChanged, this, check);
    m_timeout.start();
    check();
}

void LessonRunner::waitFinished(Connection *connection, bool explain)
{
    m_waits << connect(connection, &Connection::finished, this, [this, connection, explain] {
        if (explain)
            addNote(connection->closeExplanation().summary);
        stepDone();
    });
    m_timeout.start();
}

void LessonRunner::sendText()
{
    const quint64 before = m_connection->counters().messagesIn;
    Connection *connection = m_connection;
    m_waits << connect(connection, &Connection::eventsAppended, this, [this, connection, before] {
        if (connection->counters().messagesIn > before)
            stepDone();
    });
    m_timeout.start();
    connection->sendText(tr("Hello from the Learn panel"));
}

void LessonRunner::ping()
{
    Connection *connection = m_connection;
    const qsizetype from = connection->events().size();
    m_waits << connect(connection, &Connection::eventsAppended, this, [this, connection, from] {
        for (qsizetype row = from; row < connection->events().size(); ++row) {
            if (connection->events().at(row).type == EventType::Pong) {
                stepDone();
                return;
            }
        }
    });
    m_timeout.start();
    connection->ping(QByteArrayLiteral("learn"));
}

void LessonRunner::dropFromServer()
{
    Connection *serverSide = m_serverSide;
    if (!serverSide && m_server && !m_server->clients().isEmpty())
        serverSide = m_server->clients().constLast();
    if (!serverSide) {
        fail(tr("The server's side of the connection is gone."));
        return;
    }
    waitFinished(m_connection, true);
    serverSide->abort(); // TCP goes away without a Close frame: what the client sees of a crash
}

void LessonRunner::waitReconnect()
{
    if (!m_controller) {
        fail(tr("Auto-reconnect is not on for this connection."));
        return;
    }
    m_waits << connect(m_controller, &ReconnectController::attemptStarted, this, [this](Connection *attempt) {
        clearWaits();
        disconnect(m_follow);
        m_serverSide = nullptr;
        m_connection = attempt;
        m_host->selectConnection(attempt);
        m_follow = connect(attempt, &Connection::eventsAppended, this, &LessonRunner::onEventsAppended);
        waitOpen(attempt);
    });
    // The first wait is a few seconds: the countdown itself is what this step shows.
    m_timeout.start(m_timeout.interval() + m_controller->remainingMs());
}

void LessonRunner::openIdleClients(int count)
{
    if (!m_server || !m_server->isRunning()) {
        fail(tr("The test server is not running."));
        return;
    }
    ConnectionOptions options;
    options.url = m_server->url();
    options.caFile = m_caFile;
    auto allOpen = [this] {
        for (const QPointer<Connection> &client : std::as_const(m_idle)) {
            if (!client)
                continue;
            if (client->state() == Connection::State::Failed || client->state() == Connection::State::Closed) {
                fail(client->closeExplanation().summary);
                return;
            }
            if (client->state() != Connection::State::Open)
                return;
        }
        stepDone();
    };
    m_idle.clear();
    for (int i = 0; i < count; ++i) {
        auto *client = new Connection(options, this);
        m_idle << client;
        m_waits << connect(client, &Connection::stateChanged, this, allOpen);
    }
    m_timeout.start();
    for (const QPointer<Connection> &client : std::as_const(m_idle))
        client->open();
}

void LessonRunner::closeIdleClients()
{
    auto allDone = [this] {
        for (const QPointer<Connection> &client : std::as_const(m_idle)) {
            if (client && client->state() != Connection::State::Closed && client->state() != Connection::State::Failed)
                return;
        }
        for (const QPointer<Connection> &client : std::as_const(m_idle)) {
            if (client)
                client->deleteLater();
        }
        m_idle.clear();
        stepDone();
    };
    for (const QPointer<Connection> &client : std::as_const(m_idle)) {
        if (client)
            m_waits << connect(client, &Connection::finished, this, allDone);
    }
    m_timeout.start();
    for (const QPointer<Connection> &client : std::as_const(m_idle)) {
        if (client && client->state() == Connection::State::Open)
            client->close(1000, QString());
    }
    allDone();
}

void LessonRunner::onEventsAppended()
{
    if (!m_followLog || !m_connection)
        return;
    const EventStore &events = m_connection->events();
    for (qsizetype row = events.size() - 1; row >= 0; --row) {
        if (isLessonRow(events.at(row).type)) {
            m_host->highlightEvent(int(row));
            return;
        }
    }
}

} // namespace wsi
