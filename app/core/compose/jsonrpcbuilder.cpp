// JsonRpcBuilder: JSON-RPC 2.0 calls, notifications and batches.
#include "compose/jsonrpcbuilder.h"

#include <QJsonDocument>

namespace wsi {

QJsonObject JsonRpcBuilder::notificationObject(const QString &method, const QJsonValue &params)
{
    QJsonObject o { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") }, { QStringLiteral("method"), method } };
    if (params.isArray() || params.isObject())
        o.insert(QStringLiteral("params"), params);
    return o;
}

QJsonObject JsonRpcBuilder::callObject(const QString &method, const QJsonValue &params, int id)
{
    QJsonObject o = notificationObject(method, params);
    o.insert(QStringLiteral("id"), id);
    return o;
}

QByteArray JsonRpcBuilder::call(const QString &method, const QJsonValue &params, int id)
{
    return QJsonDocument(callObject(method, params, id)).toJson(QJsonDocument::Compact);
}

QByteArray JsonRpcBuilder::notification(const QString &method, const QJsonValue &params)
{
    return QJsonDocument(notificationObject(method, params)).toJson(QJsonDocument::Compact);
}

QByteArray JsonRpcBuilder::batch(const QJsonArray &objects)
{
    return QJsonDocument(objects).toJson(QJsonDocument::Compact);
}

} // namespace wsi
