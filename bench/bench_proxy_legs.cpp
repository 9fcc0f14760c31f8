// The cost of recording both legs of a reverse proxy's echo (issue 13), with and without decoding a forwarded message
// once, measured in the same run: no sockets, no log, only what ProxiedTransport does with the bytes the relay read
// and wrote. Each echo is what the CLI proxy records for loadgen's: a masked text message from the client (client leg
// Incoming), the same frame forwarded (server leg Outgoing), the server's unmasked echo (server leg Incoming) and the
// same frame forwarded back (client leg Outgoing); both legs stream (the CLI's retention), their rows released every
// 16 echoes. Rounds alternate a connection decoding every leg itself (as before) and one with
// decodeForwardedOnce(); each prints the thread's CPU time per echo. Numbers only.
//
//   bench_proxy_legs [ECHOES=20000] [ROUNDS=5] [SIZE=65535]
//
// Measured here (RelWithDebInfo, 2 cores shared with other builds, load average 8-10), medians of the same run:
//   bench_proxy_legs 20000 5 65535: decoded on each leg 23.92 us, decoded once 16.31 us per echo: 0.68x (every round
//   lower: 15.6-17.2 against 22.7-26.3 us)
#include "benchfigures.h"
#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "echoframes.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <vector>

using namespace wsi;
using wsi::bench::median;
using wsi::bench::threadCpuUs;

namespace {

using Facing = ConnectionLeg::Facing;

// Records `echoes` echoes through a fresh proxied connection; returns the thread's CPU microseconds per echo.
double run(bool decodeOnce, int echoes, int size)
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9000/"));
    const auto connection
        = std::make_unique<Connection>(Connection::Kind::Proxied, options, QStringLiteral("127.0.0.1:50000"));
    connection->setEventRetention(EventStore::Retention::Streaming);
    ProxiedTransport *legs = connection->proxied();
    const QByteArray head = "GET /echo HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    const QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    legs->recordLeg(Facing::Client, Direction::Incoming, 1, head + "Host: 127.0.0.1:8080\r\n\r\n");
    legs->recordLeg(Facing::Server, Direction::Outgoing, 2, head + "Host: 127.0.0.1:9000\r\n\r\n");
    legs->recordLeg(Facing::Server, Direction::Incoming, 3, response);
    legs->recordLeg(Facing::Client, Direction::Outgoing, 4, response);
    legs->opened();
    if (decodeOnce)
        legs->decodeForwardedOnce();

    const bench::EchoFrames frames(size);
    quint64 towardServer = 0;
    quint64 towardClient = 0;
    qint64 timeUs = 10;
    const double start = threadCpuUs();
    for (int i = 0; i < echoes; ++i) {
        const QByteArray &out = frames.out(i);
        const QByteArray &back = frames.back(i);
        legs->recordLeg(Facing::Client, Direction::Incoming, ++timeUs, out);
        legs->recordForwarded(Facing::Server, ++timeUs, out, std::exchange(towardServer, towardServer + out.size()));
        legs->recordLeg(Facing::Server, Direction::Incoming, ++timeUs, back);
        legs->recordForwarded(Facing::Client, ++timeUs, back, std::exchange(towardClient, towardClient + back.size()));
        if (i % 16 == 15) { // what the CLI's printer does after printing
            connection->releaseEvents(connection->leg(Facing::Server)->events.size());
            connection->releaseClientLegEvents(connection->leg(Facing::Client)->events.size());
        }
    }
    const double perEcho = (threadCpuUs() - start) / echoes;
    if (decodeOnce && size >= ReceivedMessages::kMinShared
        && legs->messagesDecodedOnce(Facing::Server) != quint64(echoes))
        std::fprintf(stderr, "only %llu of %d messages decoded once\n",
            static_cast<unsigned long long>(legs->messagesDecodedOnce(Facing::Server)), echoes);
    return perEcho;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int echoes = argc > 1 ? std::atoi(argv[1]) : 20000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
    const int size = argc > 3 ? std::atoi(argv[3]) : 65535;
    std::printf("# recording both legs of %d echoes of %d B, %d rounds alternating\n", echoes, size, rounds);
    std::vector<double> each;
    std::vector<double> once;
    for (int round = 0; round < rounds; ++round) {
        for (const bool decodeOnce :
            round % 2 == 0 ? std::vector<bool> { false, true } : std::vector<bool> { true, false }) {
            const double us = run(decodeOnce, echoes, size);
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
