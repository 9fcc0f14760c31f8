// ReconnectPolicy: when and after how long to reconnect: backoff, jitter, limits, which closes count.
#pragma once

#include <QtGlobal>

#include <functional>

namespace wsi {

struct CloseExplanation;

// Exponential backoff with jitter for auto-reconnect. Pure logic: the clock and the random source are
// injected, so tests check every delay without sleeping and the UI can show a countdown from the same clock.
class ReconnectPolicy
{
public:
    struct Settings
    {
        bool enabled = false; // off by default: reconnecting is the user's choice per endpoint
        int initialDelayMs = 1000;
        int maxDelayMs = 30000;
        double multiplier = 2.0;
        double jitter = 0.2; // +-20 %: clients that dropped together do not come back together
        int maxAttempts = 10; // 0: no limit
        bool reconnectAfterCleanClose = false;
    };

    // How the previous connection ended, in the terms the decision needs.
    struct CloseInfo
    {
        bool userRequested = false; // the user closed, stopped or aborted it: never reconnect
        bool opened = false; // the WebSocket opened before it ended
        bool clean = false; // both Close frames crossed the wire
        int code = -1; // the first Close frame's code, 1005, or 1006
        static CloseInfo from(const CloseExplanation &explanation, bool userRequested = false);
    };

    using Clock = std::function<qint64()>; // milliseconds, monotonic
    using Random = std::function<double()>; // uniform in [0, 1)

    ReconnectPolicy();
    explicit ReconnectPolicy(const Settings &settings, Random random = {}, Clock clock = {});

    const Settings &settings() const { return m_settings; }
    void setSettings(const Settings &settings) { m_settings = settings; }

    // The wait before attempt number `attempt` (1 = the first reconnect): initial * multiplier^(attempt-1),
    // at most maxDelayMs, then spread by the jitter (never below 0 nor above maxDelayMs).
    int nextDelayMs(int attempt) const;
    // Whether to try again after this ending, given the attempts made since the last successful open.
    bool shouldReconnect(const CloseInfo &info) const;

    // Bookkeeping for one endpoint: an open resets the count; schedule() starts the countdown.
    int attempts() const { return m_attempts; }
    void noteOpened() { m_attempts = 0; }
    // Counts the next attempt and returns when it is due (clock time, ms).
    qint64 schedule();
    qint64 dueAtMs() const { return m_dueAtMs; }
    // The countdown: ms until the scheduled attempt (0 when due or none scheduled).
    qint64 remainingMs() const;
    void cancel() { m_dueAtMs = -1; }
    void reset();

private:
    Settings m_settings;
    Random m_random;
    Clock m_clock;
    int m_attempts = 0;
    qint64 m_dueAtMs = -1;
};

} // namespace wsi
