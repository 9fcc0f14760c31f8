// Throughput of FrameDecoder against a plain memcpy of the same bytes. Prints numbers; asserts nothing.
#include "protocol/framedecoder.h"

#include <benchmark/benchmark.h>

#include <cstring>
#include <vector>

using namespace wsi;

namespace {

constexpr qsizetype kBufferBytes = 8 * 1024 * 1024;

QByteArray buildStream(qsizetype payloadSize, bool masked)
{
    QByteArray payload(payloadSize, Qt::Uninitialized);
    for (qsizetype i = 0; i < payloadSize; ++i)
        payload[i] = char(i * 31 + 7);
    QByteArray frame;
    frame.append(char(0x82));
    const char maskBit = masked ? char(0x80) : char(0);
    if (payloadSize < 126) {
        frame.append(char(maskBit | char(payloadSize)));
    } else {
        frame.append(char(maskBit | 126));
        frame.append(char(payloadSize >> 8));
        frame.append(char(payloadSize));
    }
    if (masked) {
        const char key[4] = { 0x12, 0x34, 0x56, 0x78 };
        frame.append(key, 4);
        for (qsizetype i = 0; i < payloadSize; ++i)
            payload[i] = char(payload[i] ^ key[i % 4]);
    }
    frame.append(payload);
    QByteArray stream;
    stream.reserve(kBufferBytes + frame.size());
    while (stream.size() < kBufferBytes)
        stream.append(frame);
    return stream;
}

class CountingSink : public FrameSink
{
public:
    quint64 bytes = 0;
    quint64 messages = 0;
    void onFrame(const FrameHeader &, QByteArrayView, QByteArrayView payload) override
    {
        bytes += quint64(payload.size());
    }
    void onMessage(bool, QByteArrayView payload, int) override
    {
        ++messages;
        benchmark::DoNotOptimize(payload.data());
    }
    void onPing(QByteArrayView) override { }
    void onPong(QByteArrayView) override { }
    void onClose(int, QByteArrayView) override { }
    void onViolation(const ProtocolViolation &) override { std::abort(); }
};

// Args: payload size, masked (client frames), read size (0 = the whole buffer in one feed()).
void BM_Decode(benchmark::State &state)
{
    const qsizetype payloadSize = state.range(0);
    const bool masked = state.range(1) != 0;
    const qsizetype readSize = state.range(2);
    const QByteArray stream = buildStream(payloadSize, masked);
    const auto role = masked ? FrameDecoder::Role::ClientToServer : FrameDecoder::Role::ServerToClient;
    for (auto _ : state) {
        FrameDecoder decoder(role);
        CountingSink sink;
        if (readSize == 0) {
            decoder.feed(stream, sink);
        } else {
            for (qsizetype at = 0; at < stream.size(); at += readSize)
                decoder.feed(QByteArrayView(stream).sliced(at, std::min(readSize, stream.size() - at)), sink);
        }
        benchmark::DoNotOptimize(sink.bytes);
        if (decoder.failed())
            state.SkipWithError("decoder failed");
    }
    state.SetBytesProcessed(state.iterations() * stream.size());
    state.counters["frames/s"] = benchmark::Counter(
        double(stream.size()) / double(payloadSize + (payloadSize < 126 ? 2 : 4) + (masked ? 4 : 0)),
        benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Memcpy(benchmark::State &state)
{
    const QByteArray stream = buildStream(state.range(0), state.range(1) != 0);
    std::vector<char> target(size_t(stream.size()));
    for (auto _ : state) {
        std::memcpy(target.data(), stream.constData(), size_t(stream.size()));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(state.iterations() * stream.size());
}

} // namespace

BENCHMARK(BM_Memcpy)->ArgNames({ "payload", "masked" })->Args({ 32768, 0 })->Args({ 32, 0 });
BENCHMARK(BM_Decode)
    ->ArgNames({ "payload", "masked", "read" })
    ->Args({ 32768, 0, 0 })
    ->Args({ 32768, 1, 0 })
    ->Args({ 32768, 0, 65536 })
    ->Args({ 32768, 1, 65536 })
    ->Args({ 32, 0, 0 })
    ->Args({ 32, 1, 0 })
    ->Args({ 32, 0, 65536 })
    ->Args({ 32, 1, 65536 });

BENCHMARK_MAIN();
