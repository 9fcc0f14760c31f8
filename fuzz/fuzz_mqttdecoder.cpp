// libFuzzer target: MqttDecoder on arbitrary bytes cut into WebSocket messages. Besides crashes and
// sanitizer reports it checks the decoder's promises: every message is named and a note has its id, and
// a stream that decodes without a note decodes to the same packets however it is cut into messages.
#include "decode/mqttdecoder.h"
#include "decode/pairmatcher.h"

#include <QJsonDocument>

#include <cstdlib>

using namespace wsi;

namespace {

// The packets decoded (fragments left out, they depend on the cuts), and whether any had a note.
struct Outcome
{
    QByteArray packets;
    bool noted = false;
};

void check(const DecodedMessage &m)
{
    if (m.protocol != QLatin1String("mqtt") || m.kind.isEmpty() || m.summary.size() > 400)
        std::abort();
    if (m.isMalformed() == m.note.isEmpty())
        std::abort();
    if (m.pairRole != PairRole::None && m.pairKey.isEmpty())
        std::abort();
}

Outcome decode(qsizetype limit, QByteArrayView bytes, const quint8 *cuts, size_t cutCount, bool mixDirections)
{
    MqttDecoder decoder(limit);
    PairMatcher pairs;
    Outcome out;
    qsizetype at = 0;
    qint64 seq = 0;
    auto feed = [&](QByteArrayView message, DecodeDirection direction) {
        for (const DecodedMessage &m : decoder.decode(message, direction, false)) {
            check(m);
            ++seq;
            pairs.add(m, direction, seq, seq);
            out.noted = out.noted || m.isMalformed();
            if (m.kind != QLatin1String("FRAGMENT")) {
                out.packets.append(QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact));
                out.packets.append('\n');
            }
        }
    };
    for (size_t i = 0; i < cutCount && at < bytes.size(); ++i) {
        const qsizetype step = std::min<qsizetype>(cuts[i] % 23, bytes.size() - at);
        // Mixing directions splits the stream in two; only the single-direction decode is compared.
        const auto direction
            = mixDirections && (cuts[i] & 0x80) ? DecodeDirection::ServerToClient : DecodeDirection::ClientToServer;
        feed(bytes.sliced(at, step), direction);
        at += step;
    }
    feed(bytes.sliced(at), DecodeDirection::ClientToServer);
    pairs.expire(seq + 100000);
    pairs.latencyStats();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const quint8 flags = data[0];
    const size_t cutCount = data[1] % 16;
    data += 2;
    size -= 2;
    if (size < cutCount)
        return 0;
    const quint8 *cuts = data;
    data += cutCount;
    size -= cutCount;
    const qsizetype limit = (flags & 1) ? 64 : qsizetype(1) << 20;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const Outcome whole = decode(limit, bytes, nullptr, 0, false);
    const Outcome split = decode(limit, bytes, cuts, cutCount, false);
    if (!whole.noted && !split.noted && whole.packets != split.packets)
        std::abort();
    decode(limit, bytes, cuts, cutCount, true);
    return 0;
}
