// PairMatcher: requests matched to their replies by pairing key, with latencies and their percentiles.
#pragma once

#include "decode/decodedmessage.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace wsi {

// Sans-IO: fed each decoded message with the event's sequence number and a timestamp the caller chooses,
// it pairs a reply with the oldest outstanding request of the same key that went the other way. Requests
// older than the timeout come back from expire() as unanswered. Bounded: at most kMaxOutstanding requests
// wait, and each label keeps its last kMaxSamples latencies.
class PairMatcher
{
public:
    static constexpr int kMaxOutstanding = 10000;
    static constexpr int kMaxSamples = 10000;

    struct Pair
    {
        qint64 requestSeq = 0;
        qint64 replySeq = 0;
        qint64 latencyMs = 0;
        QString label;
        qint64 requestAtMs = 0; // the request's timestamp (the latency is clamped at 0, this is not)
    };
    struct Unanswered
    {
        qint64 requestSeq = 0;
        QString key;
        QString label;
        qint64 sentAtMs = 0;
    };
    struct LatencyStats
    {
        QString label;
        int count = 0;
        qint64 p50 = 0;
        qint64 p95 = 0;
        qint64 p99 = 0;
    };

    explicit PairMatcher(qint64 timeoutMs = 30000);

    // The pair this message completes, if it is a reply to an outstanding request. A request is kept
    // waiting unless kMaxOutstanding are (droppedRequests() counts it then).
    std::optional<Pair> add(const DecodedMessage &message, DecodeDirection direction, qint64 seq, qint64 timestampMs);

    // Removes and returns the requests sent more than the timeout before nowMs, oldest first.
    QList<Unanswered> expire(qint64 nowMs);

    int outstanding() const { return m_outstandingCount; }
    int droppedRequests() const { return m_dropped; }

    // Per label (method, event, command), sorted by label; nearest-rank percentiles.
    QList<LatencyStats> latencyStats() const;

private:
    struct Request
    {
        qint64 seq;
        qint64 atMs;
        QString label;
    };

    qint64 m_timeoutMs;
    QHash<QString, QList<Request>> m_outstanding; // direction + key -> requests, oldest first
    int m_outstandingCount = 0;
    int m_dropped = 0;
    QHash<QString, QList<qint64>> m_latencies;
};

} // namespace wsi
