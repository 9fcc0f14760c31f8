// JsonRpcDecoder: JSON-RPC 2.0 requests, notifications, results and errors, batches included.
#pragma once

#include "decode/protocoldecoder.h"

#include <QJsonValue>

namespace wsi {

// Stateless: every message is one JSON-RPC object or a batch (an array) of them, each its own message.
class JsonRpcDecoder : public ProtocolDecoder
{
public:
    QString protocolId() const override { return QStringLiteral("jsonrpc"); }
    QList<DecodedMessage> decode(QByteArrayView message, DecodeDirection direction, bool isText) override;

private:
    static DecodedMessage decodeOne(const QJsonValue &value, bool inBatch);
};

} // namespace wsi
