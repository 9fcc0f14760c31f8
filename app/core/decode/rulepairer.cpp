// RulePairer: pairs JSON messages by the user's PairingRule, sans-IO, with the bounds of PairMatcher.
#include "decode/rulepairer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace wsi {

namespace {

// Equal JSON values give equal keys: 7 and 7.0 are one number, "7" is a string, objects compare by content
// (QJsonObject keeps its members sorted).
QString keyOf(const QJsonValue &value)
{
    return QStringLiteral("rule:")
        + QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
}

// What the Pairs view and the latency statistics call the pair: a string as it is, anything else as JSON.
QString labelOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    const QByteArray json = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

RulePairer::RulePairer(const PairingRule &rule, qint64 timeout, qint64 expiryStep)
    : m_matcher(timeout)
    , m_expiryStep(expiryStep)
{
    if (!rule.isSet() || !rule.validate().isEmpty())
        return;
    m_request = *JsonPath::parse(rule.requestPath);
    m_reply = *JsonPath::parse(rule.replyPath);
    if (!rule.namePath.trimmed().isEmpty())
        m_name = JsonPath::parse(rule.namePath);
    m_valid = true;
}

RulePairer::Result RulePairer::add(
    QByteArrayView payload, DecodeDirection direction, bool isText, qint64 seq, qint64 timestamp)
{
    Result result;
    if (!m_valid)
        return result;
    // Expiring walks every open request: once per step of message time is enough.
    if (timestamp - m_lastExpiry >= m_expiryStep) {
        m_matcher.expire(timestamp);
        m_lastExpiry = timestamp;
    }
    if (!isText)
        return result;
    // Only a JSON object or array can hold a path; anything else is not parsed at all.
    qsizetype first = 0;
    while (first < payload.size() && QChar::isSpace(uchar(payload.at(first))))
        ++first;
    if (first == payload.size() || (payload.at(first) != '{' && payload.at(first) != '['))
        return result;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return result;
    const QJsonValue root = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());

    if (const std::optional<QJsonValue> answer = m_reply.valueIn(root)) {
        DecodedMessage reply;
        reply.pairRole = PairRole::Reply;
        reply.pairKey = keyOf(*answer);
        result.pair = m_matcher.add(reply, direction, seq, timestamp);
        if (result.pair)
            return result;
    }
    const std::optional<QJsonValue> id = m_request.valueIn(root);
    if (!id)
        return result;
    DecodedMessage request;
    request.pairRole = PairRole::Request;
    request.pairKey = keyOf(*id);
    const std::optional<QJsonValue> name = m_name ? m_name->valueIn(root) : std::nullopt;
    request.pairLabel = labelOf(name ? *name : *id);
    const int droppedBefore = m_matcher.droppedRequests();
    m_matcher.add(request, direction, seq, timestamp);
    if (m_matcher.droppedRequests() == droppedBefore) {
        result.opened = true;
        result.label = request.pairLabel;
    }
    return result;
}

} // namespace wsi
