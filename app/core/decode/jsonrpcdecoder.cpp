// JsonRpcDecoder: JSON-RPC 2.0 requests, notifications, results and errors, batches included.
#include "decode/jsonrpcdecoder.h"

#include "decode/decodetext.h"

#include <QJsonArray>
#include <QJsonObject>

namespace wsi {

namespace {
const QString kProtocol = QStringLiteral("jsonrpc");

// A string id and a number id are different ids ("1" is not 1), so the key keeps the JSON spelling.
QString idKey(const QJsonValue &id)
{
    return kProtocol + QLatin1Char(':') + decodetext::compactJson(id);
}
} // namespace

QList<DecodedMessage> JsonRpcDecoder::decode(QByteArrayView message, DecodeDirection, bool)
{
    QJsonValue value;
    QString error;
    if (!decodetext::parseJsonValue(message, value, error))
        return { DecodedMessage::malformed(kProtocol, QStringLiteral("bad-json"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "not JSON: %1")).arg(error)) };
    if (!value.isArray())
        return { decodeOne(value, false) };
    const QJsonArray batch = value.toArray();
    if (batch.isEmpty())
        return { DecodedMessage::malformed(kProtocol, QStringLiteral("empty-batch"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP(
                "wsi::DecodedMessage", "an empty batch is an invalid request (JSON-RPC 2.0 section 6)")),
            QStringLiteral("batch")) };
    QList<DecodedMessage> out;
    out.reserve(batch.size());
    for (const QJsonValue &item : batch)
        out.append(decodeOne(item, true));
    return out;
}

DecodedMessage JsonRpcDecoder::decodeOne(const QJsonValue &value, bool inBatch)
{
    if (!value.isObject())
        return DecodedMessage::malformed(kProtocol, QStringLiteral("not-an-object"),
            DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a JSON-RPC message is an object, not %1"))
                .arg(decodetext::elide(decodetext::compactJson(value), 40)));
    const QJsonObject o = value.toObject();
    DecodedMessage m;
    m.protocol = kProtocol;
    const bool hasId = o.contains(QLatin1String("id"));
    const QJsonValue id = o.value(QLatin1String("id"));
    const QString idText = hasId ? QStringLiteral(" #") + decodetext::compactJson(id) : QString();
    if (o.contains(QLatin1String("method"))) {
        const QString method = o.value(QLatin1String("method")).toString();
        m.kind = hasId ? QStringLiteral("request") : QStringLiteral("notification");
        m.fields.insert(QStringLiteral("method"), o.value(QLatin1String("method")));
        if (hasId)
            m.fields.insert(QStringLiteral("id"), id);
        if (o.contains(QLatin1String("params")))
            m.fields.insert(QStringLiteral("params"), o.value(QLatin1String("params")));
        m.summary = m.kind + QLatin1Char(' ') + method + idText;
        if (o.contains(QLatin1String("params")))
            m.summary += QLatin1Char(' ') + decodetext::compactJson(o.value(QLatin1String("params")));
        m.pairLabel = method;
        if (hasId && !id.isNull()) {
            m.pairRole = PairRole::Request;
            m.pairKey = idKey(id);
        }
        if (!o.value(QLatin1String("method")).isString()) {
            m.setNote(QStringLiteral("method-not-string"),
                DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "\"method\" must be a string")));
        }
    } else if (o.contains(QLatin1String("result")) || o.contains(QLatin1String("error"))) {
        const bool isError = o.contains(QLatin1String("error"));
        m.kind = isError ? QStringLiteral("error") : QStringLiteral("result");
        m.fields.insert(QStringLiteral("id"), id);
        if (isError) {
            const QJsonObject err = o.value(QLatin1String("error")).toObject();
            m.fields.insert(QStringLiteral("error"), o.value(QLatin1String("error")));
            m.summary = QStringLiteral("error%1 %2 %3")
                            .arg(idText, decodetext::compactJson(err.value(QLatin1String("code"))),
                                err.value(QLatin1String("message")).toString());
        } else {
            m.fields.insert(QStringLiteral("result"), o.value(QLatin1String("result")));
            m.summary = QStringLiteral("result") + idText + QLatin1Char(' ')
                + decodetext::compactJson(o.value(QLatin1String("result")));
        }
        if (hasId && !id.isNull()) {
            m.pairRole = PairRole::Reply;
            m.pairKey = idKey(id);
        }
        if (o.contains(QLatin1String("result")) && isError) {
            m.setNote(QStringLiteral("result-and-error"),
                DecodedMessage::noteText(QT_TRANSLATE_NOOP(
                    "wsi::DecodedMessage", "a response holds either \"result\" or \"error\", not both")));
        } else if (!hasId) {
            m.setNote(QStringLiteral("response-without-id"),
                DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a response must hold \"id\"")));
        }
    } else {
        m.kind = QStringLiteral("invalid");
        m.fields = o;
        m.summary = QStringLiteral("invalid") + idText;
        m.setNote(QStringLiteral("neither-request-nor-response"),
            DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the object has no \"method\", \"result\" or \"error\"")));
    }
    if (!m.isMalformed() && o.value(QLatin1String("jsonrpc")).toString() != QLatin1String("2.0")) {
        m.setNote(QStringLiteral("not-jsonrpc-2.0"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "\"jsonrpc\" must be exactly \"2.0\"")));
    }
    if (inBatch)
        m.fields.insert(QStringLiteral("batch"), true);
    m.summary = decodetext::elide(m.summary);
    return m;
}

} // namespace wsi
