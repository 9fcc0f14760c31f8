// floodsender: a raw-socket WebSocket flood server, faster than any receiver (no Qt, blocking POSIX sockets).
//
//   floodsender [--count N] [--size S] [--clients K] [--port P] [--delay-ms D]
//
// Listens on 127.0.0.1 (port P, or a free one), prints "PORT <n>" once it listens, then for each of K clients
// in turn (0: until killed) answers the opening handshake, waits D ms (time for a measuring tool to find the
// receiving window), writes N pre-built unmasked text frames of S bytes
// (every frame identical, written in large blocks as fast as the socket takes them), then a Close frame
// (1000), waits for the client's Close or end (at most 60 s) and prints on stderr
//   SENT messages=<n> seconds=<s> msgs_per_s=<r>      (first frame to the last one handed to the kernel)
//   DONE messages=<n> seconds=<s> msgs_per_s=<r>      (first frame to the client's Close: the receiver's pace)
// A client sends its Close only after it has read every frame before ours. Exit status 1 on failure.
//
// The node-ws server tops out near 1.8 M msgs/s, below what a bare QWebSocket client receives: with it, the
// receivers mostly wait for the sender. This one does no per-message work at all (issue 12).
#include "loadgenwire.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

struct Options
{
    unsigned long long count = 1000000;
    int size = 32;
    long clients = 1;
    int port = 0;
    int delayMs = 0;
};

[[noreturn]] void usage()
{
    std::fprintf(stderr,
        "usage: floodsender [--count N] [--size S (1..65535)] [--clients K (0: forever)] [--port P] [--delay-ms D]\n");
    std::exit(2);
}

Options parseArgs(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string name = argv[i];
        if (i + 1 >= argc)
            usage();
        const char *value = argv[++i];
        char *end = nullptr;
        const unsigned long long number = std::strtoull(value, &end, 10);
        if (end == value || *end != '\0')
            usage();
        if (name == "--count")
            options.count = number;
        else if (name == "--size" && number >= 1 && number <= 65535)
            options.size = int(number);
        else if (name == "--clients")
            options.clients = long(number);
        else if (name == "--port" && number <= 65535)
            options.port = int(number);
        else if (name == "--delay-ms" && number <= 600000)
            options.delayMs = int(number);
        else
            usage();
    }
    return options;
}

// An unmasked text frame of `size` bytes (server to client): a counter-free payload, so every frame is the same.
std::string buildServerFrame(int size)
{
    std::string frame;
    frame.push_back(char(0x81));
    if (size < 126) {
        frame.push_back(char(size));
    } else {
        frame.push_back(char(126));
        frame.push_back(char(size >> 8));
        frame.push_back(char(size & 0xff));
    }
    static const char pattern[] = "flood-0123456789abcdefghijklmnopqrstuvwxyz";
    for (int i = 0; i < size; ++i)
        frame.push_back(pattern[i % (sizeof(pattern) - 1)]);
    return frame;
}

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

// Reads the upgrade request's head and answers 101; false when the client went away or sent no key.
bool answerHandshake(int fd)
{
    std::string head;
    char buffer[4096];
    while (head.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0 || head.size() > 65536)
            return false;
        head.append(buffer, size_t(n));
    }
    std::string key;
    size_t pos = 0;
    while ((pos = head.find("\r\n", pos)) != std::string::npos) {
        pos += 2;
        static const char name[] = "sec-websocket-key:";
        if (head.size() - pos < sizeof name - 1)
            break;
        bool match = true;
        for (size_t i = 0; i + 1 < sizeof name && match; ++i)
            match = char(std::tolower(static_cast<unsigned char>(head[pos + i]))) == name[i];
        if (!match)
            continue;
        size_t begin = pos + sizeof name - 1;
        while (begin < head.size() && head[begin] == ' ')
            ++begin;
        key = head.substr(begin, head.find("\r\n", begin) - begin);
        break;
    }
    if (key.empty())
        return false;
    const std::string response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                 "Sec-WebSocket-Accept: "
        + loadgen::expectedAccept(key) + "\r\n\r\n";
    return writeAll(fd, response.data(), response.size());
}

// Reads what the client sends after our Close until it closes too (or 60 s pass): a clean end for its log.
// True when the client's Close (or its end of the connection) came.
bool drainUntilClosed(int fd)
{
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p { fd, POLLIN, 0 };
        if (::poll(&p, 1, 1000) <= 0)
            continue;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            return true;
        // A masked Close from the client starts with 0x88; its payload follows in the same read in practice.
        if (static_cast<unsigned char>(buffer[0]) == 0x88)
            return true;
    }
    return false;
}

bool flood(int fd, const Options &options)
{
    const std::string frame = buildServerFrame(options.size);
    // About 256 KiB of identical frames per send(): the kernel, not this loop, sets the pace.
    const size_t perBlock = std::max<size_t>(1, (256 * 1024) / frame.size());
    std::string block;
    block.reserve(perBlock * frame.size());
    for (size_t i = 0; i < perBlock; ++i)
        block += frame;

    if (options.delayMs > 0)
        ::poll(nullptr, 0, options.delayMs);
    const auto start = std::chrono::steady_clock::now();
    unsigned long long left = options.count;
    while (left > 0) {
        const size_t frames = size_t(std::min<unsigned long long>(left, perBlock));
        if (!writeAll(fd, block.data(), frames * frame.size()))
            return false;
        left -= frames;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    static const char closeFrame[] = { char(0x88), 2, char(0x03), char(0xe8) };
    const bool closed = writeAll(fd, closeFrame, sizeof closeFrame);
    std::fprintf(stderr, "SENT messages=%llu seconds=%.6f msgs_per_s=%.0f\n", options.count, seconds,
        seconds > 0 ? double(options.count) / seconds : 0.0);
    std::fflush(stderr);
    if (!closed || !drainUntilClosed(fd))
        return false;
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "DONE messages=%llu seconds=%.6f msgs_per_s=%.0f\n", options.count, total,
        total > 0 ? double(options.count) / total : 0.0);
    std::fflush(stderr);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parseArgs(argc, argv);
    std::signal(SIGPIPE, SIG_IGN);

    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    const int on = 1;
    ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(options.port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (listener < 0 || ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::listen(listener, 16) != 0) {
        std::perror("floodsender: listen");
        return 1;
    }
    socklen_t length = sizeof address;
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
    std::printf("PORT %d\n", int(ntohs(address.sin_port)));
    std::fflush(stdout);

    int status = 0;
    for (long served = 0; options.clients == 0 || served < options.clients; ++served) {
        const int fd = ::accept(listener, nullptr, nullptr);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            std::perror("floodsender: accept");
            return 1;
        }
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        if (!answerHandshake(fd) || !flood(fd, options)) {
            std::fprintf(stderr, "floodsender: client %ld went away before the end of the flood\n", served + 1);
            status = 1;
        }
        ::close(fd);
    }
    ::close(listener);
    return status;
}
