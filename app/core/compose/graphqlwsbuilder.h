// GraphqlWsBuilder: graphql-transport-ws and subscriptions-transport-ws messages (init, subscribe, complete, ping).
#pragma once

#include "compose/idcounter.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace wsi {

// Sans-IO. The two protocols share {"type", "id", "payload"} and differ in type names: graphql-transport-ws
// says subscribe/complete, the older subscriptions-transport-ws ("graphql-ws" subprotocol) start/stop.
class GraphqlWsBuilder
{
public:
    enum class Flavor { TransportWs, SubscriptionsTransportWs };

    static QByteArray connectionInit(const QJsonObject &payload = {});
    static QByteArray subscribe(Flavor flavor, const QString &id, const QString &query,
        const QJsonObject &variables = {}, const QString &operationName = {});
    static QByteArray complete(Flavor flavor, const QString &id);
    static QByteArray ping(); // graphql-transport-ws only
    static QByteArray connectionTerminate(); // subscriptions-transport-ws only

    IdCounter &ids() { return m_ids; }

private:
    IdCounter m_ids;
};

} // namespace wsi
