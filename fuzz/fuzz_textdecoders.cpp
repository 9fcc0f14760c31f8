// libFuzzer target: the text decoders together (Socket.IO over Engine.IO 4 and 3, STOMP, GraphQL over
// WebSocket, JSON-RPC, SignalR) and the protocol detector, on arbitrary bytes cut into messages at 0xFF
// bytes. Besides crashes and sanitizer reports it checks that every message is named, that a note has its
// id, that summaries stay one bounded line, and that pairing keys come with a role.
#include "decode/pairmatcher.h"
#include "decode/protocoldecoder.h"
#include "decode/protocoldetector.h"

#include <QJsonDocument>

#include <cstdlib>
#include <memory>
#include <vector>

using namespace wsi;

namespace {

void check(const ProtocolDecoder &decoder, const DecodedMessage &m)
{
    if (m.protocol != decoder.protocolId() || m.kind.isEmpty())
        std::abort();
    if (m.isMalformed() == m.note.isEmpty())
        std::abort();
    if (m.summary.size() > 400 || m.summary.contains(QLatin1Char('\n')))
        std::abort();
    if ((m.pairRole == PairRole::None) != m.pairKey.isEmpty())
        std::abort();
    QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const quint8 flags = data[0];
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    std::vector<std::unique_ptr<ProtocolDecoder>> decoders;
    decoders.push_back(ProtocolDecoder::create(QStringLiteral("socketio")));
    decoders.push_back(ProtocolDecoder::create(QStringLiteral("socketio"), QStringLiteral("EIO=3")));
    decoders.push_back(
        ProtocolDecoder::create(QStringLiteral("stomp"), (flags & 2) ? QStringLiteral("v11.stomp") : QString()));
    decoders.push_back(ProtocolDecoder::create(QStringLiteral("graphql-ws")));
    decoders.push_back(ProtocolDecoder::create(QStringLiteral("jsonrpc")));
    decoders.push_back(ProtocolDecoder::create(QStringLiteral("signalr")));
    ProtocolDetector detector;
    PairMatcher pairs;

    qint64 seq = 0;
    qsizetype at = 0;
    int index = 0;
    while (at <= bytes.size()) {
        qsizetype end = bytes.indexOf('\xff', at);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView message = bytes.sliced(at, end - at);
        // Directions and frame types follow the flag bits, so both sides' state gets exercised.
        const auto direction
            = ((flags >> (index % 4)) & 1) ? DecodeDirection::ServerToClient : DecodeDirection::ClientToServer;
        const bool isText = !((flags & 0x80) && (index % 3 == 2));
        detector.observe(message, direction, isText);
        for (const auto &decoder : decoders) {
            for (const DecodedMessage &m : decoder->decode(message, direction, isText)) {
                check(*decoder, m);
                ++seq;
                pairs.add(m, direction, seq, seq);
            }
        }
        ++index;
        at = end + 1;
    }
    const QString found = detector.protocol();
    if (!found.isEmpty() && !ProtocolDecoder::protocolIds().contains(found))
        std::abort();
    pairs.expire(seq + 1000000);
    pairs.latencyStats();
    return 0;
}
