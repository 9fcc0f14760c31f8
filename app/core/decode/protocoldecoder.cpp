// ProtocolDecoder: the sans-IO interface every application-protocol decoder implements, and their factory.
#include "decode/protocoldecoder.h"

#include "decode/graphqlwsdecoder.h"
#include "decode/jsonrpcdecoder.h"
#include "decode/mqttdecoder.h"
#include "decode/signalrdecoder.h"
#include "decode/socketiodecoder.h"
#include "decode/stompdecoder.h"

namespace wsi {

ProtocolDecoder::~ProtocolDecoder() = default;

std::unique_ptr<ProtocolDecoder> ProtocolDecoder::create(const QString &protocolId, const QString &variant)
{
    if (protocolId == QLatin1String("socketio"))
        return std::make_unique<SocketIoDecoder>(variant == QLatin1String("EIO=3") ? 3 : 4);
    if (protocolId == QLatin1String("stomp"))
        return std::make_unique<StompDecoder>(variant);
    if (protocolId == QLatin1String("graphql-ws"))
        return std::make_unique<GraphqlWsDecoder>();
    if (protocolId == QLatin1String("jsonrpc"))
        return std::make_unique<JsonRpcDecoder>();
    if (protocolId == QLatin1String("mqtt"))
        return std::make_unique<MqttDecoder>();
    if (protocolId == QLatin1String("signalr"))
        return std::make_unique<SignalRDecoder>();
    return nullptr;
}

QStringList ProtocolDecoder::protocolIds()
{
    return { QStringLiteral("socketio"), QStringLiteral("stomp"), QStringLiteral("graphql-ws"),
        QStringLiteral("jsonrpc"), QStringLiteral("mqtt"), QStringLiteral("signalr") };
}

} // namespace wsi
