// Keepalive: pings a connection every N seconds and reports a missed pong.
#pragma once

#include "endpoints/connectionoptions.h"

#include <QByteArray>
#include <QObject>

class QTimer;

namespace wsi {

class Connection;

// Optional keepalive for one live connection: a ping every intervalMs while it is open. A pong that does not
// come back within timeoutMs is an error row (layer websocket) and, when closeOnMissedPong is set, closes the
// connection (1001, or an abort when the close does not complete) so that auto-reconnect can bring it back.
// Made per connection by Connection itself when its options ask for it; tests may make one directly.
class Keepalive : public QObject
{
    Q_OBJECT
public:
    Keepalive(Connection *connection, const KeepaliveSettings &settings, QObject *parent = nullptr);
    ~Keepalive() override;

    const KeepaliveSettings &settings() const { return m_settings; }
    int pingsSent() const { return m_pingsSent; }
    int pongsMissed() const { return m_pongsMissed; }
    bool awaitingPong() const { return !m_outstanding.isEmpty(); }

Q_SIGNALS:
    void pongMissed(int sequence);

private:
    void onStateChanged();
    void sendPing();
    void onPong(quint64 elapsedMs, const QByteArray &payload);
    void onPongTimeout();

    Connection *m_connection;
    KeepaliveSettings m_settings;
    QTimer *m_interval;
    QTimer *m_timeout;
    QByteArray m_outstanding; // payload of the ping still waiting for its pong
    qint64 m_outstandingSentUs = 0;
    int m_pingsSent = 0;
    int m_pongsMissed = 0;
    bool m_socketHooked = false;
};

} // namespace wsi
