// libFuzzer target: RelayedFrames (the reverse proxy's cutting of a peer's stream into whole frames) on arbitrary
// bytes cut into arbitrary reads. Besides crashes and sanitizer reports it checks the relay's promises: without a
// hook, what goes on is exactly the input's longest prefix of whole frames, byte for byte and in order, for any
// split into reads, and what waits is the rest; with a hook that passes frames on, the hook sees those same frames
// one by one, whole, and a hook that holds a message stops its direction's data until it is released, losing nothing
// (its pings and pongs pass meanwhile, so the data frames and the control frames each keep their own order).
#include "protocol/wholeframe.h"
#include "proxy/framehook.h"
#include "proxy/relayedframes.h"

#include <QByteArray>
#include <QByteArrayList>

#include <cstdlib>
#include <utility>

using namespace wsi;

namespace {

// The input's longest prefix made of whole frames (as the WebSocket framing counts lengths).
qsizetype wholeFramesPrefix(QByteArrayView stream)
{
    qsizetype at = 0;
    for (;;) {
        const QByteArrayView rest = stream.sliced(at);
        if (rest.size() < 2)
            return at;
        const auto *b = reinterpret_cast<const unsigned char *>(rest.data());
        const qsizetype headerSize = frameHeaderSize(b[1]);
        if (rest.size() < headerSize)
            return at;
        FrameHeader header;
        readFrameHeader(b, header);
        if (header.payloadLength > quint64(rest.size() - headerSize))
            return at;
        at += headerSize + qsizetype(header.payloadLength);
    }
}

// The frames of a whole-frame stream, pings and pongs apart from every other frame, each in its order: a held message
// lets the pings and pongs behind it pass at once while the rest (data, Close, reserved opcodes) waits (RFC 6455 5.4),
// so only each kind keeps its order.
std::pair<QByteArray, QByteArray> dataAndControl(QByteArrayView stream)
{
    std::pair<QByteArray, QByteArray> kinds;
    FrameHeader header;
    for (qsizetype length = 0; (length = wholeFrameAt(stream, &header)) > 0; stream = stream.sliced(length))
        (header.opcode == 0x9 || header.opcode == 0xA ? kinds.second : kinds.first) += stream.first(length);
    return kinds;
}

// Passes every frame on and remembers them; holds every `holdEvery`-th frame (0: never).
class PassingHook : public FrameHook
{
public:
    explicit PassingHook(int holdEvery)
        : m_holdEvery(holdEvery)
    { }
    QByteArrayList seen;
    Verdict onFrame(Connection *, Toward, const FrameHeader &header, QByteArrayView frame, QByteArray &out) override
    {
        if (frameHeaderSize(quint8(frame.size() > 1 ? frame[1] : 0)) + qsizetype(header.payloadLength) != frame.size())
            std::abort(); // a frame handed over must be exactly one whole frame
        seen.append(frame.toByteArray());
        out.append(frame);
        return m_holdEvery > 0 && seen.size() % m_holdEvery == 0 ? Verdict::Held : Verdict::Forwarded;
    }

private:
    int m_holdEvery;
};

QByteArray relay(QByteArrayView stream, const quint8 *cuts, size_t cutCount, FrameHook *hook, RelayedFrames *frames)
{
    QByteArray written;
    QByteArrayList out;
    auto drain = [&] {
        for (;;) {
            out.clear();
            frames->take(hook, nullptr, out);
            for (const QByteArray &block : std::as_const(out))
                written += block;
            // A held message lets the later frames wait: the "user" releases it at once here.
            if (!frames->isHeld() || !frames->release())
                break;
        }
    };
    qsizetype at = 0;
    for (size_t i = 0; i < cutCount && at < stream.size(); ++i) {
        const qsizetype step = std::min<qsizetype>(qsizetype(cuts[i]) * 3 % 71, stream.size() - at);
        frames->append(stream.sliced(at, step).toByteArray());
        at += step;
        drain();
    }
    frames->append(stream.sliced(at).toByteArray());
    drain();
    return written;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const quint8 *data, size_t size)
{
    if (size < 2)
        return 0;
    // The first byte picks how many bytes after it decide the cuts between reads; the rest is the stream.
    const size_t cutCount = std::min<size_t>(data[0] % 32, size - 1);
    const quint8 *cuts = data + 1;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 1 + cutCount), qsizetype(size - 1 - cutCount));
    const QByteArrayView whole = stream.first(wholeFramesPrefix(stream));

    RelayedFrames plain(FrameHook::Toward::Server);
    const QByteArray unhooked = relay(stream, cuts, cutCount, nullptr, &plain);
    if (unhooked != whole || plain.bufferedSize() != stream.size() - whole.size())
        std::abort();
    // One read of it all gives the same.
    RelayedFrames once(FrameHook::Toward::Server);
    if (relay(stream, nullptr, 0, nullptr, &once) != whole)
        std::abort();

    PassingHook hook(cutCount % 4);
    RelayedFrames hooked(FrameHook::Toward::Client);
    const QByteArray passed = relay(stream, cuts, cutCount, &hook, &hooked);
    const auto expected = dataAndControl(whole);
    // The hook sees every other frame in order; a ping or pong that passes a held message does not go through it.
    if (dataAndControl(passed) != expected || dataAndControl(hook.seen.join()).first != expected.first)
        std::abort();
    return 0;
}
