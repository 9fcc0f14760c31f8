// SocketIoEncoder: Socket.IO v5 packets over Engine.IO 4 as text frames.
#include "compose/socketioencoder.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wsi {

QString SocketIoEncoder::normalizedNamespace(const QString &nameSpace)
{
    const QString ns = nameSpace.trimmed();
    if (ns.isEmpty() || ns == QLatin1String("/"))
        return QStringLiteral("/");
    return ns.startsWith(QLatin1Char('/')) ? ns : QLatin1Char('/') + ns;
}

QByteArray SocketIoEncoder::prefix(char type, const QString &nameSpace)
{
    QByteArray out("4");
    out += type;
    const QString ns = normalizedNamespace(nameSpace);
    if (ns != QLatin1String("/"))
        out += ns.toUtf8() + ',';
    return out;
}

QByteArray SocketIoEncoder::emitPacket(
    const QString &nameSpace, const QString &event, const QJsonArray &args, int ackId)
{
    QJsonArray data = args;
    data.prepend(event);
    QByteArray out = prefix('2', nameSpace);
    if (ackId >= 0)
        out += QByteArray::number(ackId);
    return out + QJsonDocument(data).toJson(QJsonDocument::Compact);
}

QByteArray SocketIoEncoder::ackPacket(const QString &nameSpace, int ackId, const QJsonArray &args)
{
    return prefix('3', nameSpace) + QByteArray::number(ackId) + QJsonDocument(args).toJson(QJsonDocument::Compact);
}

QByteArray SocketIoEncoder::connectPacket(const QString &nameSpace, const QJsonObject &auth)
{
    QByteArray out = prefix('0', nameSpace);
    if (!auth.isEmpty())
        out += QJsonDocument(auth).toJson(QJsonDocument::Compact);
    return out;
}

QByteArray SocketIoEncoder::disconnectPacket(const QString &nameSpace)
{
    return prefix('1', nameSpace);
}

} // namespace wsi
