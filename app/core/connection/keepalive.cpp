// Keepalive: pings a connection every N seconds and reports a missed pong.
#include "connection/keepalive.h"

#include "connection/connection.h"
#include "store/wallclock.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>

namespace wsi {

namespace {
// A close that the peer never answers is given this long before the connection is dropped outright.
constexpr int kCloseGraceExtraMs = 1000;
} // namespace

Keepalive::Keepalive(Connection *connection, const KeepaliveSettings &settings, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_settings(settings)
    , m_interval(new QTimer(this))
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_interval, &QTimer::timeout, this, &Keepalive::sendPing);
    connect(m_timeout, &QTimer::timeout, this, &Keepalive::onPongTimeout);
    connect(connection, &Connection::stateChanged, this, &Keepalive::onStateChanged);
    onStateChanged();
}

Keepalive::~Keepalive() = default;

void Keepalive::onStateChanged()
{
    if (!m_settings.enabled())
        return;
    if (m_connection->state() == Connection::State::Open) {
        if (!m_socketHooked && m_connection->socket()) {
            // The socket reports every pong, whether the wire is plaintext or TLS.
            connect(m_connection->socket(), &QWebSocket::pong, this, &Keepalive::onPong);
            m_socketHooked = true;
        }
        if (!m_interval->isActive())
            m_interval->start(m_settings.intervalMs);
        return;
    }
    m_interval->stop();
    m_timeout->stop();
    m_outstanding.clear();
}

void Keepalive::sendPing()
{
    if (!m_outstanding.isEmpty())
        return; // one question at a time: the timeout decides about the ping already out
    const QByteArray payload = "wsi-keepalive-" + QByteArray::number(m_pingsSent + 1);
    if (!m_connection->ping(payload))
        return;
    ++m_pingsSent;
    m_outstanding = payload;
    m_outstandingSentUs = wallClockUs();
    m_timeout->start(m_settings.timeoutMs);
}

void Keepalive::onPong(quint64, const QByteArray &payload)
{
    // RFC 6455 5.5.3: a pong answers with the ping's payload; an unsolicited pong is no answer.
    if (payload != m_outstanding)
        return;
    m_outstanding.clear();
    m_timeout->stop();
}

void Keepalive::onPongTimeout()
{
    if (m_outstanding.isEmpty() || m_connection->state() != Connection::State::Open)
        return;
    ++m_pongsMissed;
    const QString sentAt
        = QDateTime::fromMSecsSinceEpoch(m_outstandingSentUs / 1000).toString(QStringLiteral("HH:mm:ss.zzz"));
    RecordedText message = RecordedText("wsi::Keepalive",
        QT_TRANSLATE_NOOP("wsi::Keepalive",
            "No pong within %1 ms for the ping sent at %2 (payload \"%3\"); the server may be stalled "
            "or the network dropped."))
                               .arg(m_settings.timeoutMs)
                               .arg(sentAt)
                               .arg(QString::fromLatin1(m_outstanding));
    if (m_settings.closeOnMissedPong)
        message = message
            + RecordedText("wsi::Keepalive", QT_TRANSLATE_NOOP("wsi::Keepalive", " Closing the connection (1001)."));
    m_outstanding.clear();
    m_connection->reportError(ErrorLayer::WebSocket, message);
    Q_EMIT pongMissed(m_pingsSent);
    if (!m_settings.closeOnMissedPong)
        return;
    m_interval->stop();
    QPointer<Connection> connection(m_connection);
    if (connection->close(1001, QStringLiteral("keepalive: no pong"), false)) {
        // A stalled peer may never answer the Close; QWebSocket would then wait for its own timeout.
        QTimer::singleShot(connection->options().closeGraceMs + kCloseGraceExtraMs, connection, [connection] {
            if (connection && connection->state() == Connection::State::Closing)
                connection->abort(false);
        });
    } else {
        connection->abort(false);
    }
}

} // namespace wsi
