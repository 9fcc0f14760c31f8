// ReconnectController: brings an endpoint back after a drop, with backoff, as new attempts of one group.
#include "connection/reconnectcontroller.h"

#include "connection/connection.h"
#include "connection/workspace.h"
#include "explain/closeexplainer.h"
#include "store/wallclock.h"

#include <QTimer>

namespace wsi {

namespace {

// Reconnect decisions are rows in the log of the connection they concern (and so in session files).
void note(Connection *connection, const RecordedText &message)
{
    connection->reportInfo(message);
}

RecordedText said(const char *source)
{
    return RecordedText("wsi::ReconnectController", source);
}

// " of 5" after the attempt number when the attempts are limited.
RecordedText ofMax(int max)
{
    return max > 0 ? said(QT_TRANSLATE_NOOP("wsi::ReconnectController", " of %1")).arg(max) : RecordedText::plain({});
}

} // namespace

ReconnectController::ReconnectController(Workspace *workspace, Connection *first, ReconnectPolicy::Random random,
    ReconnectPolicy::Clock clock, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_options(first->options())
    , m_policy(first->options().reconnect, std::move(random), std::move(clock))
    , m_dueTimer(new QTimer(this))
    , m_groupId(first->groupId())
{
    m_dueTimer->setSingleShot(true);
    connect(m_dueTimer, &QTimer::timeout, this, &ReconnectController::openAttempt);
    first->setGroup(m_groupId, 1);
    watch(first);
}

ReconnectController::~ReconnectController() = default;

Connection *ReconnectController::current() const
{
    return m_current;
}

void ReconnectController::watch(Connection *connection)
{
    m_current = connection;
    connect(connection, &Connection::stateChanged, this, [this, connection](Connection::State state) {
        if (state == Connection::State::Open && connection == m_current) {
            m_policy.noteOpened(); // a working connection starts the count afresh
            Q_EMIT countdownChanged();
        }
    });
    connect(connection, &Connection::finished, this, [this, connection] { onAttemptFinished(connection); });
}

void ReconnectController::onAttemptFinished(Connection *connection)
{
    if (connection != m_current || m_phase != Phase::Watching)
        return;
    const ReconnectPolicy::CloseInfo info
        = ReconnectPolicy::CloseInfo::from(connection->closeExplanation(), connection->closedByUser());
    if (info.userRequested) {
        m_stopReason = tr("Not reconnecting: the user closed the connection.");
        setPhase(Phase::Stopped);
        return;
    }
    if (!m_policy.shouldReconnect(info)) {
        // Either the ending was not one to retry (a clean close), or the attempts are used up.
        const bool exhausted
            = m_policy.settings().maxAttempts > 0 && m_policy.attempts() >= m_policy.settings().maxAttempts;
        m_stopReason = tr("Not reconnecting: the connection closed cleanly.");
        if (exhausted) {
            m_gaveUpAfter = m_policy.attempts();
            note(connection,
                m_gaveUpAfter == 1
                    ? said(QT_TRANSLATE_NOOP("wsi::ReconnectController", "Auto-reconnect gave up after 1 attempt."))
                    : said(QT_TRANSLATE_NOOP("wsi::ReconnectController", "Auto-reconnect gave up after %1 attempts."))
                          .arg(m_gaveUpAfter));
        }
        setPhase(exhausted ? Phase::GaveUp : Phase::Stopped);
        return;
    }
    if (m_limitInAll > 0 && m_attemptNumber - 1 >= m_limitInAll) {
        m_gaveUpAfter = m_attemptNumber - 1;
        note(connection,
            m_gaveUpAfter == 1
                ? said(QT_TRANSLATE_NOOP("wsi::ReconnectController", "Auto-reconnect gave up after 1 attempt in all."))
                : said(
                    QT_TRANSLATE_NOOP("wsi::ReconnectController", "Auto-reconnect gave up after %1 attempts in all."))
                      .arg(m_gaveUpAfter));
        setPhase(Phase::GaveUp);
        return;
    }
    m_policy.schedule();
    m_dueTimer->start(int(m_policy.remainingMs()));
    const int max = m_policy.settings().maxAttempts;
    note(connection,
        said(QT_TRANSLATE_NOOP("wsi::ReconnectController", "Auto-reconnect: attempt %1%2 in %3 ms."))
            .arg(m_policy.attempts())
            .arg(ofMax(max))
            .arg(m_policy.remainingMs()));
    setPhase(Phase::Waiting);
    Q_EMIT countdownChanged();
}

void ReconnectController::reconnectNow()
{
    if (m_phase != Phase::Waiting)
        return;
    m_dueTimer->stop();
    openAttempt();
}

void ReconnectController::stop()
{
    if (m_phase == Phase::Stopped || m_phase == Phase::GaveUp)
        return;
    m_dueTimer->stop();
    m_policy.cancel();
    m_stopReason = tr("Auto-reconnect stopped by the user.");
    if (m_current)
        note(m_current, said(QT_TRANSLATE_NOOP("wsi::ReconnectController", "Auto-reconnect stopped by the user.")));
    setPhase(Phase::Stopped);
    Q_EMIT countdownChanged();
}

void ReconnectController::openAttempt()
{
    if (m_phase != Phase::Waiting)
        return;
    m_policy.cancel();
    auto *connection = new Connection(m_options);
    connection->setGroup(m_groupId, ++m_attemptNumber);
    // Watch before opening: an attempt with bad options finishes inside open().
    setPhase(Phase::Watching);
    watch(connection);
    const int max = m_policy.settings().maxAttempts;
    note(connection,
        said(QT_TRANSLATE_NOOP(
                 "wsi::ReconnectController", "Auto-reconnect attempt %1%2 for %3 (connection %4 of this endpoint)."))
            .arg(m_policy.attempts())
            .arg(ofMax(max))
            .arg(m_options.url.toString())
            .arg(m_attemptNumber));
    m_workspace->addConnection(connection);
    Q_EMIT attemptStarted(connection);
    Q_EMIT countdownChanged();
    connection->open();
}

void ReconnectController::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

QString ReconnectController::countdownText() const
{
    const int max = m_policy.settings().maxAttempts;
    const QString of = max > 0 ? tr("attempt %1 of %2").arg(m_policy.attempts()).arg(max)
                               : tr("attempt %1").arg(m_policy.attempts());
    switch (m_phase) {
    case Phase::Waiting:
        return tr("Reconnecting in %1 s (%2)").arg(double(m_policy.remainingMs()) / 1000.0, 0, 'f', 1).arg(of);
    case Phase::Watching:
        if (m_current && m_current->state() == Connection::State::Open)
            return tr("Connected; auto-reconnect is on.");
        return m_policy.attempts() > 0 ? tr("Connecting (%1)").arg(of) : tr("Connecting; auto-reconnect is on.");
    case Phase::Stopped:
        return m_stopReason;
    case Phase::GaveUp:
        return m_gaveUpAfter == 1 ? tr("Gave up after 1 attempt.")
                                  : tr("Gave up after %1 attempts.").arg(m_gaveUpAfter);
    }
    return {};
}

} // namespace wsi
