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
        return { DecodedMessage::malformed(
            kProtocol, QStringLiteral("bad-json"), QStringLiteral("not JSON: ") + error) };
    if (!value.isArray())
        return { decodeOne(value, false) };
    const QJsonArray batch = value.toArray();
    if (batch.isEmpty())
        return { DecodedMessage::malformed(kProtocol, QStringLiteral("empty-batch"),
            QStringLiteral("an empty batch is an invalid request (JSON-RPC 2.0 section 6)"), QStringLiteral("batch")) };
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
            QStringLiteral("a JSON-RPC message is an object, not %1")
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
            m.noteId = QStringLiteral("method-not-string");
            m.note = QStringLiteral("\"method\" must be a string");
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
            m.noteId = QStringLiteral("result-and-error");
            m.note = QStringLiteral("a response holds either \"result\" or \"error\", not both");
        } else if (!hasId) {
            m.noteId = QStringLiteral("response-without-id");
            m.note = QStringLiteral("a response must hold \"id\"");
        }
    } else {
        m.kind = QStringLiteral("invalid");
        m.fields = o;
        m.summary = QStringLiteral("invalid") + idText;
        m.noteId = QStringLiteral("neither-request-nor-response");
        m.note = QStringLiteral("the object has no \"method\", \"result\" or \"error\"");
    }
    if (!m.isMalformed() && o.value(QLatin1String("jsonrpc")).toString() != QLatin1String("2.0")) {
        m.noteId = QStringLiteral("not-jsonrpc-2.0");
        m.note = QStringLiteral("\"jsonrpc\" must be exactly \"2.0\"");
    }
    if (inBatch)
        m.fields.insert(QStringLiteral("batch"), true);
    m.summary = decodetext::elide(m.summary);
    return m;
}

} // namespace wsi
