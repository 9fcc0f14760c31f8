// ConnectionStats: ping round-trip times and message rates of one connection, for the Stats plot.
#pragma once

#include "protocol/permessagedeflateparams.h"

#include <QByteArray>
#include <QtGlobal>

#include <deque>

namespace wsi {

class EventStore;

// Ping round-trip times and messages per second of one connection over the last minutes, for the Stats plot.
// Fed incrementally: update() reads only the rows appended since the last call, so a busy connection costs
// O(new events) per refresh, and memory stays bounded by the history window.
class ConnectionStats
{
public:
    static constexpr int kHistorySeconds = 600; // what the plot can show: the last 10 minutes
    static constexpr size_t kMaxRttSamples = 4096;

    struct RttSample
    {
        qint64 timeUs = 0; // when the pong arrived (wall clock, us since the epoch)
        qint64 rttUs = 0;
    };
    struct RateBucket
    {
        qint64 second = 0; // wall-clock second since the epoch
        quint32 in = 0; // messages received (server -> client)
        quint32 out = 0; // messages sent (client -> server)
    };
    // permessage-deflate, one direction: the compressed messages' bytes on the wire and inflated.
    struct Compression
    {
        quint64 messages = 0;
        quint64 wireBytes = 0;
        quint64 inflatedBytes = 0;
        // Wire bytes per inflated byte (0.25: the wire carried a quarter); 0 before any compressed message.
        double ratio() const { return inflatedBytes ? double(wireBytes) / double(inflatedBytes) : 0.0; }
    };

    void reset();
    void update(const EventStore &events);

    qsizetype processedRows() const { return m_processed; }
    const std::deque<RttSample> &rttSamples() const { return m_rtt; }
    // One bucket per second that saw messages, oldest first; seconds without traffic have no bucket.
    const std::deque<RateBucket> &rateBuckets() const { return m_rates; }
    qint64 latestTimeUs() const { return m_latestUs; }
    quint64 pongCount() const { return m_pongs; }
    quint64 messagesIn() const { return m_messagesIn; }
    quint64 messagesOut() const { return m_messagesOut; }
    bool isEmpty() const { return m_rtt.empty() && m_rates.empty(); }
    // What the handshake negotiated for permessage-deflate (read from its recorded heads), and the ratio of
    // the compressed messages per direction (incoming: server -> client).
    bool deflateNegotiated() const { return m_deflateNegotiated; }
    const PerMessageDeflateParams &deflateParams() const { return m_deflateParams; }
    const Compression &compression(bool incoming) const { return incoming ? m_compressionIn : m_compressionOut; }

private:
    void addMessage(qint64 timeUs, bool incoming);
    void readHandshake();
    void trim();

    qsizetype m_processed = 0;
    std::deque<RttSample> m_rtt;
    std::deque<RateBucket> m_rates;
    qint64 m_latestUs = 0;
    quint64 m_pongs = 0;
    quint64 m_messagesIn = 0;
    quint64 m_messagesOut = 0;
    QByteArray m_requestHead; // the recorded heads, until both are there
    QByteArray m_responseHead;
    bool m_deflateNegotiated = false;
    PerMessageDeflateParams m_deflateParams;
    Compression m_compressionIn;
    Compression m_compressionOut;
};

} // namespace wsi
