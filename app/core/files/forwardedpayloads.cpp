// ForwardedPayloads: which recent message a proxied message line may name instead of repeating its payload.
#include "files/forwardedpayloads.h"

#include <cstring>

namespace wsi {

quint64 ForwardedPayloads::nextLine(bool clientLeg, const EventRecord &record, QByteArrayView payload, bool marked)
{
    Leg &leg = clientLeg ? m_client : m_server;
    if (record.dir == Direction::Incoming) {
        ++leg.messagesIn;
        // What the proxy received; a mark here means it was dropped, never forwarded.
        if (!marked)
            keep(leg, record, payload);
        return 0;
    }
    // An edit, a replacement or an injection is not what the other leg received: its payload is its own.
    if (record.dir != Direction::Outgoing || marked || payload.size() < kMinBytes)
        return 0;
    return take(clientLeg ? m_server : m_client, record, payload);
}

void ForwardedPayloads::keep(Leg &leg, const EventRecord &record, QByteArrayView payload)
{
    // Lines that can no longer be named (older than the last kRecentLines of the leg) go first.
    while (!leg.kept.empty() && leg.kept.front().number + kRecentLines <= leg.messagesIn)
        forget(leg, leg.kept.begin());
    if (payload.size() < kMinBytes || payload.size() > kMaxKeptBytes)
        return;
    while (!leg.kept.empty() && leg.keptBytes + payload.size() > kMaxKeptBytes)
        forget(leg, leg.kept.begin());
    Kept kept;
    kept.number = leg.messagesIn;
    kept.size = qMax(record.value, quint64(payload.size()));
    kept.text = record.hasFlag(FlagText);
    kept.payload = payload.toByteArray();
    leg.keptBytes += payload.size();
    leg.kept.push_back(std::move(kept));
}

quint64 ForwardedPayloads::take(Leg &sender, const EventRecord &record, QByteArrayView payload)
{
    const quint64 size = qMax(record.value, quint64(payload.size()));
    const bool text = record.hasFlag(FlagText);
    // Oldest first: a proxy forwards each direction in order, so with equal payloads in flight this names the one
    // forwarded. Whichever it names, the payload is the same bytes.
    for (auto it = sender.kept.begin(); it != sender.kept.end(); ++it) {
        if (it->number + kRecentLines <= sender.messagesIn)
            continue; // too old to name
        if (it->size != size || it->text != text || it->payload.size() != payload.size()
            || std::memcmp(it->payload.constData(), payload.data(), size_t(payload.size())) != 0)
            continue;
        const quint64 number = it->number;
        forget(sender, it);
        return number;
    }
    return 0;
}

void ForwardedPayloads::forget(Leg &leg, std::vector<Kept>::iterator at)
{
    leg.keptBytes -= at->payload.size();
    leg.kept.erase(at);
}

} // namespace wsi
