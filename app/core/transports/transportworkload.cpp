// TransportWorkload: what every transport carries in the comparison: when the server pushes, when the client sends.
#include "transports/transportworkload.h"

#include <QRandomGenerator>

#include <algorithm>

namespace wsi {

namespace {

QList<int> times(int count, int durationMs, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<int> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out << int(random.bounded(qMax(1, durationMs)));
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

QList<int> TransportWorkload::serverTimesMs() const
{
    return times(messages, durationMs, seed);
}

QList<int> TransportWorkload::clientTimesMs() const
{
    return times(clientMessages, durationMs, seed ^ 0x5eed5eedu);
}

QByteArray TransportWorkload::serverMessage(int seq) const
{
    // A price tick: the kind of small, frequent event that servers push.
    QRandomGenerator random(seed + quint32(seq));
    const double price = 100.0 + double(random.bounded(10000)) / 100.0;
    return "{\"seq\":" + QByteArray::number(seq)
        + ",\"type\":\"tick\",\"symbol\":\"WSI\",\"price\":" + QByteArray::number(price, 'f', 2) + '}';
}

QByteArray TransportWorkload::clientMessage(int index) const
{
    return "{\"type\":\"order\",\"id\":" + QByteArray::number(index + 1)
        + ",\"symbol\":\"WSI\",\"qty\":" + QByteArray::number((index % 9) + 1) + '}';
}

int TransportWorkload::sequenceOf(QByteArrayView message)
{
    const QByteArrayView key = "\"seq\":";
    const qsizetype at = message.indexOf(key);
    if (at < 0)
        return 0;
    int seq = 0;
    for (qsizetype i = at + key.size(); i < message.size() && message.at(i) >= '0' && message.at(i) <= '9'; ++i)
        seq = seq * 10 + (message.at(i) - '0');
    return seq;
}

} // namespace wsi
