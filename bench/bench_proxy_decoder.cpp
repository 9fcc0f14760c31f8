// The proxy thread's cost of decoding a reverse proxy's two legs (issue 12: proxy/ProxiedDecoder), with and without
// decoding a forwarded message once, measured in the same run: no sockets, no GUI thread; each echo is what the CLI
// proxy records for loadgen's (a masked message from the client, the same frame forwarded to the server, the
// server's unmasked echo and the same frame forwarded back), and both legs' batches are taken after every echo (a
// 64 KiB echo reads 128 KiB: ProxiedRecording::kBatchBytes) and freed, as the GUI thread frees them once applied.
// Rounds alternate; each prints the thread's CPU time per echo. Numbers only.
//
//   bench_proxy_decoder [ECHOES=20000] [ROUNDS=5] [SIZE=65535] [ECHOES_PER_BATCH=1]
#include "benchfigures.h"
#include "echoframes.h"
#include "proxy/proxieddecoder.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <utility>
#include <vector>

using namespace wsi;
using wsi::bench::median;
using wsi::bench::threadCpuUs;

namespace {

using Facing = ConnectionLeg::Facing;

// Decodes `echoes` echoes through a fresh ProxiedDecoder; returns the thread's CPU microseconds per echo.
double run(bool decodeOnce, int echoes, int size, int perBatch)
{
    ProxiedDecoder legs;
    const QByteArray head = "GET /echo HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    const QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    legs.record(Facing::Client, Direction::Incoming, 1, head + "Host: 127.0.0.1:8080\r\n\r\n");
    legs.record(Facing::Server, Direction::Outgoing, 2, head + "Host: 127.0.0.1:9000\r\n\r\n");
    legs.record(Facing::Server, Direction::Incoming, 3, response);
    legs.record(Facing::Client, Direction::Outgoing, 4, response);
    if (decodeOnce)
        legs.decodeForwardedOnce();

    const bench::EchoFrames frames(size);
    quint64 towardServer = 0;
    quint64 towardClient = 0;
    qint64 timeUs = 10;
    const double start = threadCpuUs();
    for (int i = 0; i < echoes; ++i) {
        const QByteArray &out = frames.out(i);
        const QByteArray &back = frames.back(i);
        legs.record(Facing::Client, Direction::Incoming, ++timeUs, out);
        legs.recordForwarded(Facing::Server, ++timeUs, out, std::exchange(towardServer, towardServer + out.size()));
        legs.record(Facing::Server, Direction::Incoming, ++timeUs, back);
        legs.recordForwarded(Facing::Client, ++timeUs, back, std::exchange(towardClient, towardClient + back.size()));
        if (i % perBatch == perBatch - 1) { // handed over and freed once applied: the memory goes back to the pool
            legs.take(Facing::Client);
            legs.take(Facing::Server);
        }
    }
    const double perEcho = (threadCpuUs() - start) / echoes;
    if (decodeOnce && legs.messagesDecodedOnce(Facing::Server) != quint64(echoes))
        std::fprintf(stderr, "only %llu of %d messages decoded once\n",
            static_cast<unsigned long long>(legs.messagesDecodedOnce(Facing::Server)), echoes);
    return perEcho;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int echoes = argc > 1 ? std::atoi(argv[1]) : 20000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
    const int size = argc > 3 ? std::atoi(argv[3]) : 65535;
    const int perBatch = std::max(1, argc > 4 ? std::atoi(argv[4]) : 1);
    std::printf("# decoding both legs of %d echoes of %d B on one thread, %d echoes per batch, %d rounds alternating\n",
        echoes, size, perBatch, rounds);
    std::vector<double> each;
    std::vector<double> once;
    for (int round = 0; round < rounds; ++round) {
        for (const bool decodeOnce :
            round % 2 == 0 ? std::vector<bool> { false, true } : std::vector<bool> { true, false }) {
            const double us = run(decodeOnce, echoes, size, perBatch);
            (decodeOnce ? once : each).push_back(us);
            std::printf("round %d %-22s %8.2f us CPU per echo\n", round + 1,
                decodeOnce ? "decoded once" : "decoded on each leg", us);
        }
    }
    const double a = median(each);
    const double b = median(once);
    std::printf("median decoded on each leg %.2f us, decoded once %.2f us per echo: %.2fx\n", a, b, b / a);
    return 0;
}
