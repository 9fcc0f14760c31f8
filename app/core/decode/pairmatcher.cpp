// PairMatcher: requests matched to their replies by pairing key, with latencies and their percentiles.
#include "decode/pairmatcher.h"

#include <algorithm>
#include <cmath>

namespace wsi {

namespace {
// A reply answers a request that went the other way: the outstanding table is keyed by the request's
// direction.
QString slot(DecodeDirection requestDirection, const QString &key)
{
    return (requestDirection == DecodeDirection::ClientToServer ? QLatin1String("c:") : QLatin1String("s:")) + key;
}

qint64 nearestRank(const QList<qint64> &sorted, double percentile)
{
    const qsizetype rank = qsizetype(std::ceil(percentile / 100.0 * double(sorted.size())));
    return sorted.at(qBound<qsizetype>(0, rank - 1, sorted.size() - 1));
}
} // namespace

PairMatcher::PairMatcher(qint64 timeoutMs)
    : m_timeoutMs(timeoutMs)
{ }

std::optional<PairMatcher::Pair> PairMatcher::add(
    const DecodedMessage &message, DecodeDirection direction, qint64 seq, qint64 timestampMs)
{
    if (message.pairKey.isEmpty() || message.pairRole == PairRole::None)
        return std::nullopt;
    if (message.pairRole == PairRole::Request) {
        if (m_outstandingCount >= kMaxOutstanding) {
            ++m_dropped;
            return std::nullopt;
        }
        m_outstanding[slot(direction, message.pairKey)].append(Request { seq, timestampMs, message.pairLabel });
        ++m_outstandingCount;
        return std::nullopt;
    }
    const DecodeDirection requestDirection = direction == DecodeDirection::ClientToServer
        ? DecodeDirection::ServerToClient
        : DecodeDirection::ClientToServer;
    const auto it = m_outstanding.find(slot(requestDirection, message.pairKey));
    if (it == m_outstanding.end())
        return std::nullopt;
    const Request request = it->takeFirst();
    if (it->isEmpty())
        m_outstanding.erase(it);
    --m_outstandingCount;
    const Pair pair { request.seq, seq, qMax<qint64>(0, timestampMs - request.atMs), request.label, request.atMs };
    QList<qint64> &samples = m_latencies[request.label];
    if (samples.size() >= kMaxSamples)
        samples.removeFirst();
    samples.append(pair.latencyMs);
    return pair;
}

QList<PairMatcher::Unanswered> PairMatcher::expire(qint64 nowMs)
{
    QList<Unanswered> out;
    for (auto it = m_outstanding.begin(); it != m_outstanding.end();) {
        QList<Request> &requests = it.value();
        while (!requests.isEmpty() && nowMs - requests.first().atMs > m_timeoutMs) {
            const Request r = requests.takeFirst();
            out.append(Unanswered { r.seq, it.key().mid(2), r.label, r.atMs });
            --m_outstandingCount;
        }
        it = requests.isEmpty() ? m_outstanding.erase(it) : std::next(it);
    }
    std::sort(
        out.begin(), out.end(), [](const Unanswered &a, const Unanswered &b) { return a.requestSeq < b.requestSeq; });
    return out;
}

QList<PairMatcher::LatencyStats> PairMatcher::latencyStats() const
{
    QList<LatencyStats> out;
    for (auto it = m_latencies.cbegin(); it != m_latencies.cend(); ++it) {
        QList<qint64> sorted = it.value();
        std::sort(sorted.begin(), sorted.end());
        out.append(LatencyStats {
            it.key(), int(sorted.size()), nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99) });
    }
    std::sort(out.begin(), out.end(), [](const LatencyStats &a, const LatencyStats &b) { return a.label < b.label; });
    return out;
}

} // namespace wsi
