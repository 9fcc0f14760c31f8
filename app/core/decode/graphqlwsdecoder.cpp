// GraphqlWsDecoder: GraphQL over WebSocket, both graphql-transport-ws and subscriptions-transport-ws.
#include "decode/graphqlwsdecoder.h"

#include "decode/decodetext.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace wsi {

namespace {
const QString kProtocol = QStringLiteral("graphql-ws");

bool oneOf(const QString &type, std::initializer_list<const char *> names)
{
    for (const char *n : names) {
        if (type == QLatin1String(n))
            return true;
    }
    return false;
}
} // namespace

QString GraphqlWsDecoder::operationName(const QString &query)
{
    static const QRegularExpression named(
        QStringLiteral("(?:^|[^_0-9A-Za-z])(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)"));
    const QRegularExpressionMatch match = named.match(query);
    return match.hasMatch() ? match.captured(1) : QString();
}

QList<DecodedMessage> GraphqlWsDecoder::decode(QByteArrayView message, DecodeDirection direction, bool)
{
    QJsonValue value;
    QString error;
    if (!decodetext::parseJsonValue(message, value, error))
        return { DecodedMessage::malformed(kProtocol, QStringLiteral("bad-json"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "not JSON: %1")).arg(error)) };
    if (!value.isObject() || !value.toObject().value(QLatin1String("type")).isString())
        return { DecodedMessage::malformed(kProtocol, QStringLiteral("no-type"),
            DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a message is an object with a string \"type\""))) };
    const QJsonObject o = value.toObject();
    DecodedMessage m;
    m.protocol = kProtocol;
    m.kind = o.value(QLatin1String("type")).toString();
    m.fields = o;
    const QJsonObject payload = o.value(QLatin1String("payload")).toObject();
    m.summary = m.kind;
    const QString id = o.value(QLatin1String("id")).isString() ? o.value(QLatin1String("id")).toString()
                                                               : decodetext::compactJson(o.value(QLatin1String("id")));
    if (o.contains(QLatin1String("id")))
        m.summary += QStringLiteral(" #") + id;

    if (oneOf(m.kind, { "subscribe", "start" })) {
        QString name = payload.value(QLatin1String("operationName")).toString();
        if (name.isEmpty())
            name = operationName(payload.value(QLatin1String("query")).toString());
        if (!name.isEmpty()) {
            m.fields.insert(QStringLiteral("operationName"), name);
            m.summary += QLatin1Char(' ') + name;
        }
        m.pairLabel = name.isEmpty() ? DecodedMessage::anonymousPairLabel() : name;
        m.pairRole = PairRole::Request;
        if (!o.contains(QLatin1String("id"))) {
            m.setNote(QStringLiteral("no-id"),
                DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "\"%1\" needs an \"id\""))
                    .arg(m.kind));
        }
    } else if (oneOf(m.kind, { "next", "data" })) {
        m.summary += QLatin1Char(' ') + decodetext::compactJson(o.value(QLatin1String("payload")));
    } else if (oneOf(m.kind, { "error" })) {
        m.summary += QLatin1Char(' ') + decodetext::compactJson(o.value(QLatin1String("payload")));
        if (direction == DecodeDirection::ServerToClient)
            m.pairRole = PairRole::Reply;
    } else if (oneOf(m.kind, { "complete" })) {
        // A server's complete ends the operation; a client's cancels it and is no reply.
        if (direction == DecodeDirection::ServerToClient)
            m.pairRole = PairRole::Reply;
    } else if (!oneOf(m.kind,
                   { "connection_init", "connection_ack", "ping", "pong", "connection_error", "ka", "stop",
                       "connection_terminate" })) {
        m.kind = decodetext::elide(m.kind, 40); // "type" still holds it whole
        m.summary = m.kind;
        m.setNote(QStringLiteral("unknown-type"),
            DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage",
                    "\"%1\" is no message type of graphql-transport-ws or subscriptions-transport-ws"))
                .arg(decodetext::elide(m.kind, 40)));
    }
    if (m.pairRole != PairRole::None && o.contains(QLatin1String("id")))
        m.pairKey = kProtocol + QLatin1Char(':') + id;
    else
        m.pairRole = PairRole::None;
    m.summary = decodetext::elide(m.summary);
    return { m };
}

} // namespace wsi
