// RulePairer: pairs JSON messages by the user's PairingRule, sans-IO, with the bounds of PairMatcher.
#pragma once

#include "decode/decodedmessage.h"
#include "decode/jsonpath.h"
#include "decode/pairingrule.h"
#include "decode/pairmatcher.h"

#include <QByteArrayView>

#include <optional>

namespace wsi {

// Fed every message in order, whatever protocol (if any) decodes it. A message whose reply path equals an
// open request's value (going the other way) is that request's reply; otherwise a message with the request
// path opens a request. So a rule may use one path both ways ($.id): the answer closes, it does not open.
// Open requests are PairMatcher's: at most PairMatcher::kMaxOutstanding, and dropped once older than the
// timeout (checked once per expiryStep of message time), so a flood without replies stays bounded.
class RulePairer
{
public:
    // rule must be set and validate(); otherwise the pairer pairs nothing (isValid() is false).
    RulePairer(const PairingRule &rule, qint64 timeout, qint64 expiryStep);

    struct Result
    {
        bool opened = false; // the message opened a request, named label
        QString label;
        std::optional<PairMatcher::Pair> pair; // the message answered this request
    };

    // timestamp in the unit of timeout; seq is what Pair::requestSeq reports for a request.
    Result add(QByteArrayView payload, DecodeDirection direction, bool isText, qint64 seq, qint64 timestamp);

    bool isValid() const { return m_valid; }
    int outstanding() const { return m_matcher.outstanding(); }
    int droppedRequests() const { return m_matcher.droppedRequests(); }
    QList<PairMatcher::LatencyStats> latencyStats() const { return m_matcher.latencyStats(); }

private:
    JsonPath m_request;
    JsonPath m_reply;
    std::optional<JsonPath> m_name;
    bool m_valid = false;
    PairMatcher m_matcher;
    qint64 m_expiryStep;
    qint64 m_lastExpiry = 0;
};

} // namespace wsi
