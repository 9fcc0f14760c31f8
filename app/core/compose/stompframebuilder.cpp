// StompFrameBuilder: STOMP 1.2 client frames.
#include "compose/stompframebuilder.h"

namespace wsi {

QString StompFrameBuilder::escape(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case ':':
            out += QLatin1String("\\c");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray StompFrameBuilder::frame(const QString &command, const Headers &headers, const QByteArray &body)
{
    const bool escaped = command != QLatin1String("CONNECT") && command != QLatin1String("STOMP");
    QByteArray out = command.toUtf8() + '\n';
    for (const auto &[name, value] : headers) {
        out += (escaped ? escape(name) : name).toUtf8() + ':' + (escaped ? escape(value) : value).toUtf8() + '\n';
    }
    if (!body.isEmpty())
        out += "content-length:" + QByteArray::number(body.size()) + '\n';
    out += '\n';
    out += body;
    out += '\0';
    return out;
}

QByteArray StompFrameBuilder::connect(
    const QString &host, const QString &login, const QString &passcode, const QString &heartBeat)
{
    Headers h { { QStringLiteral("accept-version"), QStringLiteral("1.2,1.1,1.0") }, { QStringLiteral("host"), host } };
    if (!login.isEmpty())
        h.append({ QStringLiteral("login"), login });
    if (!passcode.isEmpty())
        h.append({ QStringLiteral("passcode"), passcode });
    if (!heartBeat.isEmpty())
        h.append({ QStringLiteral("heart-beat"), heartBeat });
    return frame(QStringLiteral("CONNECT"), h);
}

QByteArray StompFrameBuilder::send(
    const QString &destination, const QByteArray &body, const QString &contentType, const Headers &extra)
{
    Headers h { { QStringLiteral("destination"), destination } };
    if (!contentType.isEmpty())
        h.append({ QStringLiteral("content-type"), contentType });
    h.append(extra);
    return frame(QStringLiteral("SEND"), h, body);
}

QByteArray StompFrameBuilder::subscribe(const QString &id, const QString &destination, const QString &ack)
{
    return frame(QStringLiteral("SUBSCRIBE"),
        { { QStringLiteral("id"), id }, { QStringLiteral("destination"), destination },
            { QStringLiteral("ack"), ack } });
}

QByteArray StompFrameBuilder::unsubscribe(const QString &id)
{
    return frame(QStringLiteral("UNSUBSCRIBE"), { { QStringLiteral("id"), id } });
}

QByteArray StompFrameBuilder::ack(const QString &id)
{
    return frame(QStringLiteral("ACK"), { { QStringLiteral("id"), id } });
}

QByteArray StompFrameBuilder::nack(const QString &id)
{
    return frame(QStringLiteral("NACK"), { { QStringLiteral("id"), id } });
}

QByteArray StompFrameBuilder::disconnect(const QString &receipt)
{
    Headers h;
    if (!receipt.isEmpty())
        h.append({ QStringLiteral("receipt"), receipt });
    return frame(QStringLiteral("DISCONNECT"), h);
}

} // namespace wsi
