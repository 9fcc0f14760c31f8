// ClientDeadlines: the three clocks of a served client: the upgrade's, the idle timeout's and our Close's grace.
#pragma once

#include <QtGlobal>

namespace wsi {

// Times in ms of a monotonic clock (now()). What has run out is the caller's to act on: the relay sweeps every
// client with a deadline from one timer (10,000 idle clients, no timer each).
class ClientDeadlines
{
public:
    enum class Expired { Nothing, Handshake, CloseGrace, Idle };
    // After our Close, how long the client has to answer before the TCP connection is dropped.
    static constexpr qint64 kCloseGraceMs = 5000;

    // handshakeMs, idleMs: 0 for none.
    ClientDeadlines(int handshakeMs, int idleMs);

    static qint64 now();
    void noteActivity() { m_lastActivityMs = now(); }
    void noteCloseSent() { m_closeSentMs = now(); }
    bool watchesIdle() const { return m_idleMs > 0; }
    int idleMs() const { return m_idleMs; }

    // A clock runs: the upgrade is not answered yet, our Close waits for the client's, or the idle timeout watches
    // an open connection.
    bool running(bool answered, bool closeSent, bool open) const;
    Expired expired(qint64 nowMs, bool answered, bool closeSent, bool open) const;

private:
    int m_handshakeMs;
    int m_idleMs;
    qint64 m_acceptedMs;
    qint64 m_lastActivityMs;
    qint64 m_closeSentMs = 0;
};

} // namespace wsi
