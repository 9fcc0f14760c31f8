// GraphqlWsDecoder: GraphQL over WebSocket, both graphql-transport-ws and subscriptions-transport-ws.
#pragma once

#include "decode/protocoldecoder.h"

namespace wsi {

// Stateless: each message is one JSON object {"type", "id", "payload"}. The two protocols share the
// format and differ in type names ("subscribe"/"next" against "start"/"data"), so one decoder reads both.
class GraphqlWsDecoder : public ProtocolDecoder
{
public:
    QString protocolId() const override { return QStringLiteral("graphql-ws"); }
    QList<DecodedMessage> decode(QByteArrayView message, DecodeDirection direction, bool isText) override;

    // The name of the first named operation in a GraphQL document ("query Feed {...}" -> "Feed"), or
    // empty for an anonymous one.
    static QString operationName(const QString &query);
};

} // namespace wsi
