// ProtocolDuties: what a client owes the protocol riding on its WebSocket to stay connected (pongs, heart-beats).
#include "decode/protocolduties.h"

#include <QJsonObject>

namespace wsi {

namespace {
// An interval below this is a misreading, not a duty: beating faster would flood the server.
constexpr qint64 kShortestIntervalMs = 10;
// Engine.IO 3 servers announce 25 s; an interval past a day is no keepalive either.
constexpr qint64 kLongestIntervalMs = qint64(24) * 3600 * 1000;
} // namespace

ProtocolDuties::ProtocolDuties(const QString &protocol, const QString &variant)
    : m_protocol(protocol)
    , m_engineIoVersion(variant == QLatin1String("EIO=3") ? 3 : 4)
{ }

bool ProtocolDuties::hasDuties(const QString &protocol)
{
    return protocol == QLatin1String("socketio") || protocol == QLatin1String("stomp")
        || protocol == QLatin1String("graphql-ws");
}

bool ProtocolDuties::concerns(QByteArrayView message, bool isText) const
{
    if (m_protocol == QLatin1String("socketio"))
        return isText && !message.startsWith('4');
    if (m_protocol == QLatin1String("graphql-ws")) {
        // Only {"type":"ping"} is answered; an escape could spell "ping" without these bytes.
        return !isText || message.contains("ping") || message.contains('\\');
    }
    return true;
}

QStringList ProtocolDuties::onMessage(const DecodedMessage &message, DecodeDirection direction, qint64 timeUs)
{
    QStringList out;
    if (message.isMalformed() || message.protocol != m_protocol)
        return out;
    if (m_protocol == QLatin1String("socketio")) {
        onSocketIo(message, direction, timeUs, out);
    } else if (m_protocol == QLatin1String("stomp")) {
        onStomp(message, direction, timeUs);
    } else if (m_protocol == QLatin1String("graphql-ws")) {
        // Only graphql-transport-ws has "ping"; subscriptions-transport-ws keeps alive with "ka", unanswered.
        if (direction == DecodeDirection::ServerToClient && message.kind == QLatin1String("ping"))
            out << QStringLiteral("{\"type\":\"pong\"}");
    }
    return out;
}

void ProtocolDuties::onSocketIo(
    const DecodedMessage &message, DecodeDirection direction, qint64 timeUs, QStringList &out)
{
    if (direction != DecodeDirection::ServerToClient)
        return;
    if (message.kind == QLatin1String("CLOSE")) {
        m_intervalUs = 0;
        return;
    }
    if (m_engineIoVersion == 4) {
        if (message.kind == QLatin1String("PING"))
            out << QStringLiteral("3") + message.fields.value(QLatin1String("data")).toString();
        return;
    }
    // Engine.IO 3: the client pings, every pingInterval of the open packet, from the time it arrived.
    if (message.kind == QLatin1String("OPEN")) {
        const QJsonObject handshake = message.fields.value(QLatin1String("handshake")).toObject();
        m_beat = QStringLiteral("2");
        schedule(qint64(handshake.value(QLatin1String("pingInterval")).toDouble()), timeUs);
    }
}

void ProtocolDuties::onStomp(const DecodedMessage &message, DecodeDirection direction, qint64 timeUs)
{
    const QJsonObject beat = message.fields.value(QLatin1String("heart_beat")).toObject();
    if (direction == DecodeDirection::ClientToServer) {
        if (message.kind == QLatin1String("CONNECT") || message.kind == QLatin1String("STOMP"))
            m_clientOffersMs = qint64(beat.value(QLatin1String("send_ms")).toDouble());
        else if (message.kind == QLatin1String("DISCONNECT"))
            m_intervalUs = 0;
        else if (m_intervalUs > 0)
            m_nextDueUs = timeUs + m_intervalUs; // any frame the client sends counts as a beat
        return;
    }
    if (message.kind == QLatin1String("CONNECTED")) {
        const qint64 serverWantsMs = qint64(beat.value(QLatin1String("receive_ms")).toDouble());
        m_beat = QStringLiteral("\n");
        // Either side saying 0 means no heart-beats this way.
        schedule(m_clientOffersMs > 0 && serverWantsMs > 0 ? qMax(m_clientOffersMs, serverWantsMs) : 0, timeUs);
    } else if (message.kind == QLatin1String("ERROR")) {
        m_intervalUs = 0; // the server closes after an ERROR frame
    }
}

void ProtocolDuties::schedule(qint64 intervalMs, qint64 fromUs)
{
    if (intervalMs < kShortestIntervalMs || intervalMs > kLongestIntervalMs) {
        m_intervalUs = 0;
        return;
    }
    m_intervalUs = intervalMs * 1000;
    m_nextDueUs = fromUs + m_intervalUs;
}

QStringList ProtocolDuties::due(qint64 nowUs)
{
    if (m_intervalUs <= 0 || nowUs < m_nextDueUs)
        return {};
    m_nextDueUs = nowUs + m_intervalUs;
    return { m_beat };
}

} // namespace wsi
