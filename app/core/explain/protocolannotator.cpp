// ProtocolAnnotator: reads a connection's recorded rows in order and says what each message holds in the
// protocol that rides on it (Socket.IO, STOMP, GraphQL, JSON-RPC, MQTT, SignalR), pairing replies.
#include "explain/protocolannotator.h"

#include "decode/protocoldecoder.h"
#include "decode/rulepairer.h"

namespace wsi {

ProtocolAnnotator::ProtocolAnnotator(const QString &protocolOrAuto, Direction clientDirection, const PairingRule &rule)
    // The matcher is given microseconds: its timeout and latencies are in the unit of the timestamps.
    : m_pairs(kPairTimeoutUs)
    , m_clientDirection(clientDirection)
    , m_off(protocolOrAuto == QLatin1String("none"))
{
    m_detector.setOverride(protocolOrAuto);
    if (rule.isSet() && rule.validate().isEmpty())
        m_rule = std::make_unique<RulePairer>(rule, kPairTimeoutUs, kExpiryStepUs);
}

ProtocolAnnotator::~ProtocolAnnotator() = default;

void ProtocolAnnotator::setUrl(const QUrl &url)
{
    m_detector.setUrl(url);
}

QString ProtocolAnnotator::protocol() const
{
    return m_decoder ? m_decoder->protocolId() : QString();
}

ProtocolAnnotator::Annotation ProtocolAnnotator::next(const EventRecord &record, QByteArrayView payload, qint64 row)
{
    Annotation annotation = decode(record, payload, row);
    if (m_rule)
        pairByRule(&annotation, record, payload, row);
    return annotation;
}

qint64 ProtocolAnnotator::requestSeq(qint64 row, const Annotation &annotation)
{
    return row < 0 ? -1 : (row << kRequestBits) | qMin(annotation.openedLabels.size(), (1 << kRequestBits) - 1);
}

void ProtocolAnnotator::notePair(Annotation *annotation, const PairMatcher::Pair &pair)
{
    if (pair.requestSeq >= 0)
        annotation->answered.append(
            Annotation::Answered { pair.requestSeq >> kRequestBits, int(pair.requestSeq & ((1 << kRequestBits) - 1)) });
    if (!annotation->requestTimeUs) {
        annotation->requestTimeUs = pair.requestAtMs;
        annotation->latencyMs = double(pair.latencyMs) / 1000.0; // the matcher counted microseconds
    }
}

void ProtocolAnnotator::pairByRule(
    Annotation *annotation, const EventRecord &record, QByteArrayView payload, qint64 row)
{
    if (record.type != EventType::Message || record.value > record.payloadSize)
        return;
    const DecodeDirection direction
        = record.dir == m_clientDirection ? DecodeDirection::ClientToServer : DecodeDirection::ServerToClient;
    const RulePairer::Result result
        = m_rule->add(payload, direction, record.hasFlag(FlagText), requestSeq(row, *annotation), record.timeUs);
    if (result.opened)
        annotation->openedLabels.append(result.label);
    if (result.pair)
        notePair(annotation, *result.pair);
}

ProtocolAnnotator::Annotation ProtocolAnnotator::decode(const EventRecord &record, QByteArrayView payload, qint64 row)
{
    Annotation annotation;
    if (m_off)
        return annotation;
    if (record.type == EventType::Open) {
        m_detector.setSubprotocol(QString::fromUtf8(payload));
        return annotation;
    }
    // Messages kept only in part (the session's budget) cannot be decoded honestly.
    if (record.type != EventType::Message || record.value > record.payloadSize)
        return annotation;
    const DecodeDirection direction
        = record.dir == m_clientDirection ? DecodeDirection::ClientToServer : DecodeDirection::ServerToClient;
    const bool isText = record.hasFlag(FlagText);
    if (!m_decoder) {
        m_detector.observe(payload, direction, isText);
        if (m_detector.protocol().isEmpty()) {
            // Detection looks at the first few messages only; past them a flood costs nothing more.
            m_off = ++m_messagesSeen >= ProtocolDetector::kFramesExamined;
            return annotation;
        }
        m_decoder = ProtocolDecoder::create(m_detector.protocol(), m_detector.variant());
        if (!m_decoder) {
            m_off = true;
            return annotation;
        }
    }
    annotation.messages = m_decoder->decode(payload, direction, isText);
    for (const DecodedMessage &message : annotation.messages) {
        const int droppedBefore = m_pairs.droppedRequests();
        const qint64 seq = requestSeq(row, annotation);
        const std::optional<PairMatcher::Pair> pair = m_pairs.add(message, direction, seq, record.timeUs);
        if (message.pairRole == PairRole::Request && !message.pairKey.isEmpty()
            && m_pairs.droppedRequests() == droppedBefore)
            annotation.openedLabels.append(message.pairLabel);
        if (pair)
            notePair(&annotation, *pair);
    }
    // Expiring walks every outstanding key: once a second of recorded time is enough, not once per message.
    if (record.timeUs - m_lastExpiryUs >= kExpiryStepUs) {
        m_pairs.expire(record.timeUs);
        m_lastExpiryUs = record.timeUs;
    }
    return annotation;
}

} // namespace wsi
