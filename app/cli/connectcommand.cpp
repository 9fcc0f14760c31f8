#include "connectcommand.h"

#include "compose/sendsequence.h"
#include "connection/connection.h"
#include "connection/reconnectcontroller.h"
#include "connection/workspace.h"
#include "eventprinter.h"
#include "files/sessionexporter.h"
#include "store/payloadcache.h"
#include "tls/tlsreport.h"

#include <QCoreApplication>
#include <QTimer>
#include <QWebSocket>

namespace wsi {

namespace {

// How long after the connection reached Closed or Failed the command ends even without finished().
constexpr int kFinishBoundMs = 2000;

// The sequence says why a step failed; the command line names the option that asked for it.
QString sendFailureText(const SendStep &step, const QString &reason, bool clientStreamBroken)
{
    if (step.kind != SendStep::Kind::RawFrame)
        return reason;
    QString text = QCoreApplication::translate("wsi::Cli", "--raw-frame %1: %2").arg(step.frame.describe(), reason);
    if (clientStreamBroken)
        text += QCoreApplication::translate("wsi::Cli", " Put the rule-breaking --raw-frame last.");
    return text;
}

} // namespace

ConnectCommand::ConnectCommand(const Settings &settings, FILE *out, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_printer(new EventPrinter(out, settings.showFrames, this))
{
    PayloadCache::instance().setSessionBudget(settings.sessionBudgetMb << 20);
    m_printer->setProtocol(settings.protocol);
}

ConnectCommand::~ConnectCommand() = default;

void ConnectCommand::start()
{
    m_printer->printHeader();
    Connection *connection = new Connection(m_settings.options, this);
    if (m_settings.options.reconnect.enabled) {
        // Each attempt is its own connection with its own conn id; the controller opens them when due.
        m_workspace = new Workspace(this);
        m_workspace->addConnection(connection);
        m_reconnect = new ReconnectController(m_workspace, connection, {}, {}, this);
        // A script must get its answer: attempts count in all, not only since the last successful open.
        m_reconnect->limitAttemptsInAll(m_settings.options.reconnect.maxAttempts);
        connect(m_reconnect, &ReconnectController::attemptStarted, this, &ConnectCommand::onAttemptStarted);
        // A decision to stop (clean close, attempts used up) comes after the attempt's finished().
        connect(m_reconnect, &ReconnectController::phaseChanged, this, [this] {
            if (m_reconnect->phase() == ReconnectController::Phase::Stopped
                || m_reconnect->phase() == ReconnectController::Phase::GaveUp)
                onFinished();
        });
    }
    attach(connection);
    connection->open();
}

void ConnectCommand::attach(Connection *connection)
{
    m_connection = connection;
    m_sequence = nullptr;
    m_closing = false;
    m_connection->setAutoPong(m_settings.autoPong);
    // Each event is printed once and then only the ending is read: memory stays flat however long it runs.
    // A HAR file written at the end needs every event.
    if (m_settings.harFile.isEmpty())
        m_connection->setEventRetention(EventStore::Retention::Streaming);
    m_connection->setProtocolDuties(
        m_settings.protocolDuties && m_connection->options().protocolDuties, m_settings.protocol);
    m_printer->watch(m_connection);
    connect(m_connection, &Connection::stateChanged, this, &ConnectCommand::onStateChanged);
    connect(m_connection, &Connection::finished, this, &ConnectCommand::onFinished);
    connect(m_connection, &Connection::tlsDecisionNeeded, this, &ConnectCommand::onTlsDecisionNeeded);
}

void ConnectCommand::onAttemptStarted(Connection *connection)
{
    if (m_done)
        return;
    if (m_sequence)
        m_sequence->deleteLater();
    m_connection->disconnect(this);
    m_printer->printPending(m_connection);
    m_failure.clear();
    ++m_reconnectsStarted;
    attach(connection);
}

void ConnectCommand::interrupt()
{
    if (m_done || !m_connection)
        return;
    switch (m_connection->state()) {
    case Connection::State::Open:
        beginClose();
        break;
    case Connection::State::Connecting:
        m_connection->abort();
        break;
    case Connection::State::Closed:
    case Connection::State::Failed:
        onFinished(); // ended, but the core has not said finished yet: do not make the user wait
        break;
    default:
        break;
    }
    if (m_reconnect && m_reconnect->phase() == ReconnectController::Phase::Waiting) {
        m_reconnect->stop(); // an interrupted wait for the next attempt ends the run
        onFinished();
    }
}

void ConnectCommand::onStateChanged()
{
    const Connection::State state = m_connection->state();
    if (state == Connection::State::Closed || state == Connection::State::Failed) {
        // finished() normally follows at once; never hang if it does not (e.g. the tap fails after TLS).
        QTimer::singleShot(kFinishBoundMs, this, [this, connection = m_connection] {
            if (connection == m_connection)
                onFinished();
        });
        return;
    }
    if (state != Connection::State::Open || m_sequence)
        return;
    m_sequence = new SendSequence(m_connection, this);
    m_sequence->setSteps(m_settings.steps);
    m_sequence->setRounds(m_settings.repeat, m_settings.intervalMs);
    m_sequence->setVariables(m_settings.variables);
    connect(m_sequence, &SendSequence::finished, this, [this] {
        // A connection that closed mid-sequence ends the run through onStateChanged, not after --wait.
        if (m_sequence->completed())
            onSendingFinished();
    });
    connect(m_sequence, &SendSequence::failed, this, [this](int stepIndex, const QString &reason) {
        m_failure = sendFailureText(m_settings.steps.value(stepIndex), reason, m_sequence->clientStreamBroken());
        beginClose();
    });
    m_sequence->start();
}

void ConnectCommand::onSendingFinished()
{
    QTimer::singleShot(m_settings.waitMs, this, [this, connection = m_connection] {
        if (connection == m_connection) // not a later reconnect attempt
            beginClose();
    });
}

void ConnectCommand::onTlsDecisionNeeded(const TlsReport &report)
{
    // Never wait for a decision nobody can make: --insecure proceeds (the tls event records it), else give up.
    if (m_settings.options.insecure) {
        m_connection->proceedTls(false);
        return;
    }
    m_failure = tr("The certificate of %1 failed verification: %2 Use --ca FILE to trust its issuer, or --insecure "
                   "to proceed anyway.")
                    .arg(report.host, report.errorTexts.join(QLatin1Char(' ')));
    m_connection->cancelTls();
}

void ConnectCommand::beginClose()
{
    if (m_closing || m_connection->state() != Connection::State::Open)
        return;
    m_closing = true;
    m_connection->close(m_settings.closeCode, m_settings.closeReason);
    // Bounded: a peer that never answers the Close is dropped after the timeout.
    QTimer::singleShot(m_settings.options.timeoutMs, this, [this, connection = m_connection] {
        if (!m_done && connection == m_connection)
            m_connection->abort();
    });
}

void ConnectCommand::onFinished()
{
    if (m_done)
        return;
    m_printer->printPending(m_connection);
    // The controller (connected first) scheduled another attempt: the command keeps running. It counts the attempts
    // in all (limitAttemptsInAll), so the run ends.
    if (m_reconnect && m_reconnect->phase() == ReconnectController::Phase::Waiting)
        return;
    if (m_reconnect && m_reconnect->phase() == ReconnectController::Phase::GaveUp) {
        finish(Failed,
            tr("Gave up after %1 reconnect attempts. The last attempt: %2")
                .arg(m_reconnectsStarted)
                .arg(m_connection->statusText()));
        return;
    }
    const EventStore &events = m_connection->events();
    bool closeOut = false;
    bool closeIn = false;
    for (qsizetype i = events.nextHeld(0); i < events.size(); i = events.nextHeld(i + 1)) {
        const EventRecord r = events.at(i);
        if (r.type == EventType::Close) {
            closeOut = closeOut || r.dir == Direction::Outgoing;
            closeIn = closeIn || r.dir == Direction::Incoming;
        }
    }
    if (m_connection->handshake().encrypted && m_connection->state() == Connection::State::Closed) {
        // --no-intercept: the wire is opaque, so there are no close events; QWebSocket knows how it ended.
        const QWebSocket *socket = m_connection->socket();
        closeOut = closeIn = socket && socket->closeCode() != QWebSocketProtocol::CloseCodeAbnormalDisconnection;
    }
    if (!m_failure.isEmpty())
        finish(Failed, m_failure);
    else if (m_connection->state() == Connection::State::Failed)
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
    m_printer->flush();
    if (!reason.isEmpty())
        std::fprintf(stderr, "wsinspector-cli: %s\n", reason.toLocal8Bit().constData());
    QString harError;
    if (!writeHar(&harError)) {
        std::fprintf(stderr, "wsinspector-cli: %s\n", harError.toLocal8Bit().constData());
        exitCode = Failed;
    }
    Q_EMIT done(exitCode);
}

bool ConnectCommand::writeHar(QString *error) const
{
    if (m_settings.harFile.isEmpty() || !m_connection)
        return true;
    SessionExporter::Options options;
    options.revealSecrets = m_settings.revealSecrets;
    return SessionExporter::write(m_settings.harFile, SessionExporter::Format::Har, { m_connection }, options, error);
}

} // namespace wsi
