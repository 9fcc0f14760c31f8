// ReconnectController: brings an endpoint back after a drop, with backoff, as new attempts of one group.
#pragma once

#include "endpoints/connectionoptions.h"
#include "endpoints/reconnectpolicy.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QTimer;

namespace wsi {

class Connection;
class Workspace;

// Auto-reconnect for one endpoint. It watches the latest attempt; when that ends in a way the policy wants
// to retry, it schedules the next attempt with backoff and, when due, opens a new Connection with the same
// options in the workspace: every attempt is its own connection (same group id, attempt number n), so the
// handshakes of a failing and a working attempt can be compared side by side. User closes never reconnect.
class ReconnectController : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Watching, Waiting, Stopped, GaveUp };
    Q_ENUM(Phase)

    // first: the attempt the user opened (already in the workspace). The clock drives the countdown.
    ReconnectController(Workspace *workspace, Connection *first, ReconnectPolicy::Random random = {},
        ReconnectPolicy::Clock clock = {}, QObject *parent = nullptr);
    ~ReconnectController() override;

    int groupId() const { return m_groupId; }
    QString endpoint() const { return m_options.url.toString(); }
    const ConnectionOptions &options() const { return m_options; }
    Phase phase() const { return m_phase; }
    Connection *current() const;
    // Every attempt so far, oldest first (attempt 1 is the one the user opened).
    int attemptCount() const { return m_attemptNumber; }
    // The countdown: the number of the next attempt (counted since the last successful open), its maximum
    // (0: no limit) and the ms until it is due.
    int nextAttempt() const { return m_policy.attempts(); }
    int maxAttempts() const { return m_policy.settings().maxAttempts; }
    qint64 remainingMs() const { return m_policy.remainingMs(); }
    // "Reconnecting in 3.2 s (attempt 2 of 10)", "Gave up after 10 attempts", ...
    QString countdownText() const;

    // Opens the next attempt at once (while waiting).
    void reconnectNow();
    // No more attempts: a scheduled one is cancelled, a running one is left alone.
    void stop();
    // At most `reconnects` attempts after the first in all, whether or not one of them opened (0: no such limit).
    // The policy's limit counts only since the last successful open; a script must get its answer in the end.
    void limitAttemptsInAll(int reconnects) { m_limitInAll = reconnects; }
    // Reaction to the end of `connection` (called on Connection::finished; public so tests can drive it).
    void onAttemptFinished(Connection *connection);

Q_SIGNALS:
    void phaseChanged(wsi::ReconnectController::Phase phase);
    // A new connection was opened for this endpoint.
    void attemptStarted(wsi::Connection *connection);
    void countdownChanged();

private:
    void watch(Connection *connection);
    void setPhase(Phase phase);
    void openAttempt();

    Workspace *m_workspace;
    ConnectionOptions m_options;
    ReconnectPolicy m_policy;
    QPointer<Connection> m_current;
    QTimer *m_dueTimer;
    Phase m_phase = Phase::Watching;
    QString m_stopReason;
    int m_groupId = 0;
    int m_attemptNumber = 1;
    int m_limitInAll = 0;
    int m_gaveUpAfter = 0; // attempts, as the countdown names them when giving up
};

} // namespace wsi
