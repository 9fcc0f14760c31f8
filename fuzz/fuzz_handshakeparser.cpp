// libFuzzer target: HandshakeParser on arbitrary bytes, fed whole and in pieces (the outcome must be
// the same), then the handshake checks and explanations on whatever head came out.
#include "protocol/framedecoder.h"
#include "protocol/handshakecheck.h"
#include "protocol/handshakeparser.h"

#include <cstdlib>

using namespace wsi;

namespace {

struct Outcome
{
    HandshakeParser::State state;
    qsizetype consumed = 0;
    HttpHead head;
    QByteArray body;
    bool truncated = false;
    QString error;
};

Outcome run(HandshakeParser::Kind kind, int maxHead, int maxBody, QByteArrayView bytes, qsizetype step, bool finish)
{
    HandshakeParser parser(kind, maxHead, maxBody);
    qsizetype consumed = 0;
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        const QByteArrayView chunk = bytes.sliced(at, std::min(step, bytes.size() - at));
        const qsizetype used = parser.feed(chunk);
        if (used < 0 || used > chunk.size())
            std::abort();
        consumed += used;
        if (used < chunk.size())
            break; // the rest is not HTTP
    }
    if (finish)
        parser.finish();
    if (parser.state() == HandshakeParser::State::Failed && parser.error().isEmpty())
        std::abort();
    if (parser.body().size() > maxBody)
        std::abort();
    if (parser.headComplete() && !bytes.startsWith(parser.head().raw))
        std::abort();
    return Outcome { parser.state(), consumed, parser.head(), parser.body(), parser.bodyTruncated(), parser.error() };
}

bool sameHead(const HttpHead &a, const HttpHead &b)
{
    if (a.raw != b.raw || a.status != b.status || a.method != b.method || a.target != b.target
        || a.headers.size() != b.headers.size())
        return false;
    for (qsizetype i = 0; i < a.headers.size(); ++i) {
        if (a.headers[i].name != b.headers[i].name || a.headers[i].value != b.headers[i].value)
            return false;
    }
    return true;
}

class NullSink : public FrameSink
{
public:
    void onFrame(const FrameHeader &, QByteArrayView, QByteArrayView) override { }
    void onMessage(bool, QByteArrayView, int) override { }
    void onPing(QByteArrayView) override { }
    void onPong(QByteArrayView) override { }
    void onClose(int, QByteArrayView) override { }
    void onViolation(const ProtocolViolation &) override { }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const quint8 flags = data[0];
    const qsizetype step = 1 + data[1] % 13;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const auto kind = (flags & 1) ? HandshakeParser::Kind::Request : HandshakeParser::Kind::Response;
    const int maxHead = (flags & 2) ? 64 : 64 * 1024;
    const int maxBody = (flags & 4) ? 8 : 1024 * 1024;
    const bool finish = flags & 8;

    const Outcome whole = run(kind, maxHead, maxBody, bytes, std::max<qsizetype>(bytes.size(), 1), finish);
    const Outcome pieces = run(kind, maxHead, maxBody, bytes, step, finish);
    if (whole.state != pieces.state || whole.consumed != pieces.consumed || !sameHead(whole.head, pieces.head)
        || whole.body != pieces.body || whole.truncated != pieces.truncated || whole.error != pieces.error)
        std::abort();

    // Whatever head came out must be safe to check and explain, used as either side.
    const QList<HandshakeCheckItem> items = checkHandshake(whole.head, whole.head);
    if (items.isEmpty())
        std::abort();
    for (const HttpHeader &header : whole.head.headers)
        (void)headerExplanation(header.name);
    (void)upgradeStatusExplanation(whole.head.status);
    (void)computeAccept(whole.head.value("Sec-WebSocket-Key"), whole.head.value("Sec-WebSocket-Accept"));

    // After a 101 the rest goes to the frame decoder, as the capture layer does it.
    if (whole.state == HandshakeParser::State::Done && whole.head.status == 101) {
        FrameDecoder decoder(FrameDecoder::Role::ServerToClient);
        NullSink sink;
        decoder.feed(bytes.sliced(whole.consumed), sink);
    }
    return 0;
}
