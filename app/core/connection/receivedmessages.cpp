// ReceivedMessages: a proxied direction's messages as the receiving leg decoded them, for the forwarding leg.
#include "connection/receivedmessages.h"

#include "connection/legwriter.h"
#include "store/eventstore.h"

#include <algorithm>

namespace wsi {

void ReceivedMessages::add(quint64 streamOffset, QByteArrayView headerBytes, quint64 payloadLength, qsizetype row)
{
    if (payloadLength < quint64(kMinShared) || headerBytes.size() > qsizetype(sizeof(Listed::header)))
        return;
    if (qsizetype(m_listed.size()) == kMaxListed)
        m_listed.pop_front();
    Listed listed { streamOffset, payloadLength, row, {}, quint8(headerBytes.size()) };
    std::copy(headerBytes.begin(), headerBytes.end(), listed.header.begin());
    m_listed.push_back(listed);
}

QByteArrayView ReceivedMessages::take(quint64 streamOffset, QByteArrayView headerBytes, quint64 payloadLength)
{
    while (!m_listed.empty() && m_listed.front().streamOffset < streamOffset)
        m_listed.pop_front(); // frames the relay wrote otherwise, or not at all
    if (m_listed.empty() || m_listed.front().streamOffset != streamOffset)
        return {};
    const Listed listed = m_listed.front();
    m_listed.pop_front();
    // The offset and the header bytes (with a client's random mask key) both name the frame: a disagreement means
    // the two legs do not count the stream alike, and the frame is decoded again rather than trusted.
    if (listed.payloadLength != payloadLength || QByteArrayView(listed.header.data(), listed.headerSize) != headerBytes)
        return {};
    QByteArrayView payload;
    if (m_receivedBatch)
        payload = m_receivedBatch->payload(listed.row);
    else if (m_received->isHeld(listed.row))
        payload = m_received->payload(listed.row);
    return quint64(payload.size()) == payloadLength ? payload : QByteArrayView();
}

} // namespace wsi
