// GraphqlWsBuilder: graphql-transport-ws and subscriptions-transport-ws messages.
#include "compose/graphqlwsbuilder.h"

#include <QJsonDocument>

namespace wsi {

static QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray GraphqlWsBuilder::connectionInit(const QJsonObject &payload)
{
    QJsonObject o { { QStringLiteral("type"), QStringLiteral("connection_init") } };
    if (!payload.isEmpty())
        o.insert(QStringLiteral("payload"), payload);
    return compact(o);
}

QByteArray GraphqlWsBuilder::subscribe(
    Flavor flavor, const QString &id, const QString &query, const QJsonObject &variables, const QString &operationName)
{
    QJsonObject payload { { QStringLiteral("query"), query } };
    if (!variables.isEmpty())
        payload.insert(QStringLiteral("variables"), variables);
    if (!operationName.isEmpty())
        payload.insert(QStringLiteral("operationName"), operationName);
    return compact({ { QStringLiteral("id"), id },
        { QStringLiteral("type"),
            flavor == Flavor::TransportWs ? QStringLiteral("subscribe") : QStringLiteral("start") },
        { QStringLiteral("payload"), payload } });
}

QByteArray GraphqlWsBuilder::complete(Flavor flavor, const QString &id)
{
    return compact({ { QStringLiteral("id"), id },
        { QStringLiteral("type"),
            flavor == Flavor::TransportWs ? QStringLiteral("complete") : QStringLiteral("stop") } });
}

QByteArray GraphqlWsBuilder::ping()
{
    return compact({ { QStringLiteral("type"), QStringLiteral("ping") } });
}

QByteArray GraphqlWsBuilder::connectionTerminate()
{
    return compact({ { QStringLiteral("type"), QStringLiteral("connection_terminate") } });
}

} // namespace wsi
