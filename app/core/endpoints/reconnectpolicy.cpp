// ReconnectPolicy: when and after how long to reconnect: backoff, jitter, limits, which closes count.
#include "endpoints/reconnectpolicy.h"

#include "explain/closeexplainer.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace wsi {

ReconnectPolicy::CloseInfo ReconnectPolicy::CloseInfo::from(const CloseExplanation &explanation, bool userRequested)
{
    CloseInfo info;
    info.userRequested = userRequested;
    info.opened = explanation.closer != CloseExplanation::Closer::NotOpened;
    info.clean = explanation.clean;
    info.code = explanation.effectiveCode;
    return info;
}

ReconnectPolicy::ReconnectPolicy()
    : ReconnectPolicy(Settings())
{ }

ReconnectPolicy::ReconnectPolicy(const Settings &settings, Random random, Clock clock)
    : m_settings(settings)
    , m_random(std::move(random))
    , m_clock(std::move(clock))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
    if (!m_clock) {
        m_clock = [] {
            static QElapsedTimer timer = [] {
                QElapsedTimer t;
                t.start();
                return t;
            }();
            return timer.elapsed();
        };
    }
}

int ReconnectPolicy::nextDelayMs(int attempt) const
{
    const double maxDelay = std::max(0, m_settings.maxDelayMs);
    const double initial = std::clamp(double(m_settings.initialDelayMs), 0.0, maxDelay);
    const double multiplier = std::max(1.0, m_settings.multiplier);
    // pow() of a large attempt overflows to inf; min() brings it back to the cap.
    const double base = std::min(maxDelay, initial * std::pow(multiplier, std::max(0, attempt - 1)));
    const double jitter = std::clamp(m_settings.jitter, 0.0, 1.0);
    const double factor = 1.0 - jitter + 2.0 * jitter * std::clamp(m_random(), 0.0, 1.0);
    return int(std::lround(std::clamp(base * factor, 0.0, maxDelay)));
}

bool ReconnectPolicy::shouldReconnect(const CloseInfo &info) const
{
    if (!m_settings.enabled || info.userRequested)
        return false;
    if (m_settings.maxAttempts > 0 && m_attempts >= m_settings.maxAttempts)
        return false;
    // A clean close is the peer saying "done", not a failure, except for the codes that ask to come back
    // (1001 going away, 1012 restart, 1013 try again later).
    const bool invitesRetry = info.code == 1001 || info.code == 1012 || info.code == 1013;
    if (info.clean && !invitesRetry && !m_settings.reconnectAfterCleanClose)
        return false;
    return true;
}

qint64 ReconnectPolicy::schedule()
{
    ++m_attempts;
    m_dueAtMs = m_clock() + nextDelayMs(m_attempts);
    return m_dueAtMs;
}

qint64 ReconnectPolicy::remainingMs() const
{
    if (m_dueAtMs < 0)
        return 0;
    return std::max<qint64>(0, m_dueAtMs - m_clock());
}

void ReconnectPolicy::reset()
{
    m_attempts = 0;
    m_dueAtMs = -1;
}

} // namespace wsi
