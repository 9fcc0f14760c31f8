// libFuzzer target: ClientFeed (what of the server's bytes the tap hands its own QWebSocket) on arbitrary bytes.
// Besides crashes and sanitizer reports it checks the feed's promises: the same output for any split of the input;
// with nothing to hold or skip, the input as it came; otherwise the input with some bytes left out (never added
// or reordered); and a stream the frame decoder reads without a violation still reads without one once thinned,
// so the QWebSocket never sees a broken stream the server did not send.
#include "capture/clientfeed.h"
#include "protocol/framedecoder.h"

#include <QByteArray>

#include <cstdlib>

using namespace wsi;

namespace {

struct Output
{
    QByteArray written;
    int held = 0;
    quint64 skipped = 0;
};

Output run(bool holding, bool skipping, QByteArrayView stream, const quint8 *cuts, size_t cutCount)
{
    Output out;
    ClientFeed feed([&out](QByteArrayView bytes) { out.written += bytes; }, [&out] { ++out.held; });
    feed.setHoldingPings(holding);
    feed.setSkippingMessages(skipping);
    qsizetype at = 0;
    for (size_t i = 0; i < cutCount && at < stream.size(); ++i) {
        const qsizetype step = std::min<qsizetype>(cuts[i] % 23, stream.size() - at);
        feed.push(stream.sliced(at, step).toByteArray());
        at += step;
    }
    feed.push(stream.sliced(at).toByteArray());
    out.skipped = feed.skippedMessages();
    return out;
}

bool isSubsequence(QByteArrayView small, QByteArrayView big)
{
    qsizetype j = 0;
    for (qsizetype i = 0; i < big.size() && j < small.size(); ++i)
        j += big[i] == small[j];
    return j == small.size();
}

class ViolationSink : public FrameSink
{
public:
    bool violated = false;
    void onFrame(const FrameHeader &, QByteArrayView, QByteArrayView) override { }
    void onMessage(bool, QByteArrayView, int) override { }
    void onPing(QByteArrayView) override { }
    void onPong(QByteArrayView) override { }
    void onClose(int, QByteArrayView) override { }
    void onViolation(const ProtocolViolation &) override { violated = true; }
};

// The frames after the response head, as the QWebSocket would read them.
bool framesViolate(QByteArrayView stream)
{
    const qsizetype end = stream.indexOf(QByteArrayView("\r\n\r\n"));
    if (end < 0)
        return false;
    FrameDecoder decoder(FrameDecoder::Role::ServerToClient, quint64(1) << 20);
    ViolationSink sink;
    decoder.feed(stream.sliced(end + 4), sink);
    return sink.violated;
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

    const bool holding = flags & 1;
    const bool skipping = flags & 2;
    QByteArray stream;
    if (flags & 4)
        stream = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
    stream.append(reinterpret_cast<const char *>(data), qsizetype(size));

    const Output whole = run(holding, skipping, stream, nullptr, 0);
    const Output split = run(holding, skipping, stream, cuts, cutCount);
    if (whole.written != split.written || whole.held != split.held || whole.skipped != split.skipped)
        std::abort();
    if (!holding && !skipping && whole.written != stream)
        std::abort();
    if (whole.written.size() > stream.size() || !isSubsequence(whole.written, stream))
        std::abort();
    if ((whole.held > 0 && !holding) || (whole.skipped > 0 && !skipping))
        std::abort();
    if ((flags & 4) && !framesViolate(stream) && framesViolate(whole.written))
        std::abort();
    return 0;
}
