// ConnectionStats: ping round-trip times and message rates of one connection, for the Stats plot.
#include "store/connectionstats.h"

#include "protocol/deflatenegotiation.h"
#include "protocol/handshakeparser.h"
#include "store/eventstore.h"

namespace wsi {

void ConnectionStats::reset()
{
    *this = ConnectionStats();
}

void ConnectionStats::update(const EventStore &events)
{
    const qsizetype size = events.size();
    if (size < m_processed) // a different (or cleared) store: start over
        reset();
    for (qsizetype row = m_processed; row < size; ++row) {
        const EventRecord &r = events.at(row);
        if (r.type == EventType::Pong && r.dir == Direction::Incoming && r.value > 0) {
            // value holds the round trip the connection measured from its own ping; unsolicited pongs have none.
            m_rtt.push_back({ r.timeUs, qint64(r.value) });
            ++m_pongs;
            m_latestUs = qMax(m_latestUs, r.timeUs);
        } else if (r.type == EventType::Message && r.dir != Direction::None) {
            addMessage(r.timeUs, r.dir == Direction::Incoming);
            if (r.hasFlag(FlagRsv1)) { // compressed: the payload is inflated, maskKey its wire length
                Compression &c = r.dir == Direction::Incoming ? m_compressionIn : m_compressionOut;
                ++c.messages;
                c.wireBytes += r.maskKey;
                c.inflatedBytes += r.value;
            }
        } else if (r.type == EventType::HandshakeRequest && m_requestHead.isEmpty()) {
            m_requestHead = events.payloadCopy(row);
        } else if (r.type == EventType::HandshakeResponse && m_responseHead.isEmpty()) {
            m_responseHead = events.payload(row)
                                 .first(qsizetype(qMin<quint64>(r.value, quint64(events.payload(row).size()))))
                                 .toByteArray();
            readHandshake();
        }
    }
    m_processed = size;
    trim();
}

void ConnectionStats::readHandshake()
{
    // Once per connection: the negotiated parameters as the heads crossed the wire.
    HandshakeParser request(HandshakeParser::Kind::Request);
    HandshakeParser response(HandshakeParser::Kind::Response);
    request.feed(m_requestHead);
    response.feed(m_responseHead);
    if (!request.headComplete() || !response.headComplete() || response.head().status != 101)
        return;
    const DeflateNegotiation deflate = DeflateNegotiation::fromHeads(request.head(), response.head());
    m_deflateNegotiated = deflate.negotiated();
    m_deflateParams = deflate.params();
}

void ConnectionStats::addMessage(qint64 timeUs, bool incoming)
{
    ++(incoming ? m_messagesIn : m_messagesOut);
    m_latestUs = qMax(m_latestUs, timeUs);
    const qint64 second = timeUs / 1000000;
    // Events arrive in time order, so the bucket is the last one or a new one; a late row searches back a little.
    for (auto it = m_rates.rbegin(); it != m_rates.rend(); ++it) {
        if (it->second == second) {
            ++(incoming ? it->in : it->out);
            return;
        }
        if (it->second < second) {
            RateBucket bucket { second, incoming ? 1u : 0u, incoming ? 0u : 1u };
            m_rates.insert(it.base(), bucket);
            return;
        }
    }
    m_rates.push_front({ second, incoming ? 1u : 0u, incoming ? 0u : 1u });
}

void ConnectionStats::trim()
{
    const qint64 oldestSecond = m_latestUs / 1000000 - kHistorySeconds;
    while (!m_rates.empty() && m_rates.front().second < oldestSecond)
        m_rates.pop_front();
    while (!m_rtt.empty() && (m_rtt.front().timeUs / 1000000 < oldestSecond || m_rtt.size() > kMaxRttSamples))
        m_rtt.pop_front();
}

} // namespace wsi
