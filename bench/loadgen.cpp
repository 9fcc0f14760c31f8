// A WebSocket load generator on plain POSIX sockets and epoll (no Qt), so that it is never what limits
// the server under test. One thread, non-blocking sockets, pre-built masked frames.
//
//   loadgen --url ws://127.0.0.1:PORT/path [--connections N] [--window W] [--size S]
//           [--warmup SEC] [--duration SEC] [--timeout SEC]
//     Echo load: N connections, each keeping W text messages of S bytes in flight; every echoed frame is
//     answered with a new one. After the warm-up, counts echoes for the duration and prints
//       RESULT msgs_per_s=<r> messages=<n> seconds=<s> connections=<N> window=<W> size=<S> cpu=<core share>
//
//   loadgen --url ws://127.0.0.1:PORT/path --idle N [--duration SEC] [--timeout SEC]
//     Opens N connections (at most --concurrency K handshakes in progress at once, 500 by default: a
//     burst far beyond any listen backlog), completes every handshake, prints
//       READY clients=<n> seconds=<time from the first connect() to the last 101>
//     then holds them for the duration and closes them (prints DONE).
//
// Only IPv4 literal hosts are accepted (the benchmarks use 127.0.0.1). Exit status 1 on any failure.
#include "loadgenerator.h"
#include "loadgenoptions.h"

#include <memory>

int main(int argc, char **argv)
{
    const loadgen::Options options = loadgen::parseArgs(argc, argv);
    auto generator = std::make_unique<loadgen::LoadGenerator>(options);
    return generator->run();
}
