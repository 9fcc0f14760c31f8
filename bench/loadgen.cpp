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
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/evp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    std::string path = "/";
    int connections = 1;
    int window = 16;
    int size = 32;
    double warmup = 2;
    double duration = 5;
    double timeout = 60; // for connecting and handshaking
    int idle = 0;
    int concurrency = 500; // handshakes in progress at once
};

[[noreturn]] void usage(const char *why)
{
    std::fprintf(stderr,
        "loadgen: %s\n"
        "usage: loadgen --url ws://127.0.0.1:PORT/path [--connections N] [--window W] [--size S]\n"
        "               [--warmup SEC] [--duration SEC] [--timeout SEC]\n"
        "       loadgen --url ws://127.0.0.1:PORT/path --idle N [--concurrency K] [--duration SEC] [--timeout SEC]\n",
        why);
    std::exit(2);
}

bool parseUrl(const std::string &url, Options *o)
{
    const std::string scheme = "ws://";
    if (url.compare(0, scheme.size(), scheme) != 0)
        return false;
    const std::string rest = url.substr(scheme.size());
    const size_t slash = rest.find('/');
    const std::string authority = rest.substr(0, slash);
    o->path = slash == std::string::npos ? "/" : rest.substr(slash);
    const size_t colon = authority.rfind(':');
    if (colon == std::string::npos)
        return false;
    o->host = authority.substr(0, colon);
    o->port = std::atoi(authority.c_str() + colon + 1);
    return o->port > 0 && o->port < 65536;
}

Options parseArgs(int argc, char **argv)
{
    Options o;
    bool haveUrl = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char * {
            if (i + 1 >= argc)
                usage(("missing value for " + a).c_str());
            return argv[++i];
        };
        if (a == "--url") {
            if (!parseUrl(value(), &o))
                usage("the URL must be ws://HOST:PORT/path");
            haveUrl = true;
        } else if (a == "--connections" || a == "-c") {
            o.connections = std::atoi(value());
        } else if (a == "--window" || a == "-w") {
            o.window = std::atoi(value());
        } else if (a == "--size" || a == "-s") {
            o.size = std::atoi(value());
        } else if (a == "--warmup") {
            o.warmup = std::atof(value());
        } else if (a == "--duration" || a == "-d") {
            o.duration = std::atof(value());
        } else if (a == "--timeout") {
            o.timeout = std::atof(value());
        } else if (a == "--concurrency") {
            o.concurrency = std::atoi(value());
        } else if (a == "--idle") {
            o.idle = std::atoi(value());
        } else {
            usage(("unknown option " + a).c_str());
        }
    }
    if (!haveUrl)
        usage("--url is required");
    if (o.concurrency < 1 || o.connections < 1 || o.window < 1 || o.size < 0 || o.size > 65535 || o.duration <= 0
        || o.idle < 0)
        usage("bad numbers");
    return o;
}

void raiseFileLimit(size_t needed)
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < needed + 16)
        std::fprintf(stderr, "loadgen: warning: open-files limit %llu is below the %zu connections asked for\n",
            static_cast<unsigned long long>(limit.rlim_cur), needed);
}

std::string base64(const unsigned char *data, size_t size)
{
    std::string out(4 * ((size + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()), data, int(size));
    out.resize(size_t(n));
    return out;
}

std::string expectedAccept(const std::string &key)
{
    const std::string input = key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha1(), nullptr);
    return base64(digest, length);
}

// A masked text frame of `size` bytes with a fixed mask: every frame a connection sends is identical.
std::string buildFrame(int size)
{
    std::string frame;
    frame.push_back(char(0x81));
    if (size < 126) {
        frame.push_back(char(0x80 | size));
    } else {
        frame.push_back(char(0x80 | 126));
        frame.push_back(char(size >> 8));
        frame.push_back(char(size & 0xff));
    }
    const unsigned char mask[4] = { 0x37, 0xfa, 0x21, 0x3d };
    frame.append(reinterpret_cast<const char *>(mask), 4);
    for (int i = 0; i < size; ++i)
        frame.push_back(char(('a' + i % 26) ^ mask[i % 4]));
    return frame;
}

enum class Phase { Connecting, Handshaking, Open, Dead };

struct Conn
{
    int fd = -1;
    Phase phase = Phase::Connecting;
    std::string key;
    std::string request;
    size_t requestSent = 0;
    std::string head; // response head being read
    uint64_t outPending = 0; // frame-stream bytes still to write
    size_t outOffset = 0; // position of the next byte within a frame
    bool wantWrite = false;
    // Incoming frame parser: header bytes gathered, then payload bytes to skip.
    unsigned char header[14];
    size_t headerHave = 0;
    uint64_t payloadLeft = 0;
    uint64_t echoed = 0;
};

class LoadGenerator
{
public:
    explicit LoadGenerator(const Options &o)
        : m_o(o)
        , m_frame(buildFrame(o.size))
    {
        // A run of window + 1 frames lets any write start mid-frame and still cover a whole window.
        for (int i = 0; i <= o.window; ++i)
            m_stream += m_frame;
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        if (m_epoll < 0)
            fail("epoll_create1");
    }

    int run()
    {
        const int count = m_o.idle > 0 ? m_o.idle : m_o.connections;
        raiseFileLimit(size_t(count));
        const Clock::time_point connectStart = Clock::now();
        m_conns.resize(size_t(count));
        // Every connection handshakes before any load starts.
        int started = 0;
        while (m_open + m_dead < count) {
            while (started < count && started - m_open - m_dead < m_o.concurrency)
                startConnect(started++);
            if (secondsSince(connectStart) > m_o.timeout) {
                std::fprintf(stderr, "loadgen: %d of %d connections open after %.0f s, %d failed (first: %s)\n", m_open,
                    count, m_o.timeout, m_dead, m_firstError.c_str());
                return 1;
            }
            poll(100);
        }
        const double connectSeconds = secondsSince(connectStart);
        if (m_dead > 0) {
            std::fprintf(
                stderr, "loadgen: %d of %d connections failed (first: %s)\n", m_dead, count, m_firstError.c_str());
            return 1;
        }
        return m_o.idle > 0 ? holdIdle(connectSeconds) : echoLoad();
    }

private:
    [[noreturn]] static void fail(const char *what)
    {
        std::fprintf(stderr, "loadgen: %s: %s\n", what, std::strerror(errno));
        std::exit(1);
    }

    void die(Conn &c, const std::string &why)
    {
        if (c.phase == Phase::Dead)
            return;
        if (m_firstError.empty())
            m_firstError = why;
        if (c.phase == Phase::Open)
            --m_open;
        c.phase = Phase::Dead;
        ++m_dead;
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        close(c.fd);
        c.fd = -1;
    }

    void startConnect(int index)
    {
        Conn &c = m_conns[size_t(index)];
        c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (c.fd < 0)
            fail("socket");
        int one = 1;
        setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(uint16_t(m_o.port));
        if (inet_pton(AF_INET, m_o.host.c_str(), &address.sin_addr) != 1) {
            std::fprintf(stderr, "loadgen: the host must be an IPv4 address, not %s\n", m_o.host.c_str());
            std::exit(2);
        }
        unsigned char nonce[16];
        for (unsigned char &b : nonce)
            b = static_cast<unsigned char>(m_random());
        c.key = base64(nonce, sizeof nonce);
        c.request = "GET " + m_o.path + " HTTP/1.1\r\nHost: " + m_o.host + ":" + std::to_string(m_o.port)
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + c.key
            + "\r\nSec-WebSocket-Version: 13\r\nUser-Agent: wsi-loadgen\r\n\r\n";
        epoll_event event {};
        event.events = EPOLLIN | EPOLLOUT;
        event.data.u32 = uint32_t(index);
        if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event) != 0)
            fail("epoll_ctl");
        c.wantWrite = true;
        if (connect(c.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 && errno != EINPROGRESS)
            die(c, std::string("connect: ") + std::strerror(errno));
    }

    void setWantWrite(Conn &c, uint32_t index, bool want)
    {
        if (c.wantWrite == want)
            return;
        c.wantWrite = want;
        epoll_event event {};
        event.events = EPOLLIN | (want ? EPOLLOUT : 0u);
        event.data.u32 = index;
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
    }

    void poll(int timeoutMs)
    {
        epoll_event events[256];
        const int n = epoll_wait(m_epoll, events, 256, timeoutMs);
        if (n < 0) {
            if (errno == EINTR)
                return;
            fail("epoll_wait");
        }
        for (int i = 0; i < n; ++i) {
            const uint32_t index = events[i].data.u32;
            Conn &c = m_conns[index];
            if (c.phase == Phase::Dead)
                continue;
            if (events[i].events & EPOLLOUT)
                onWritable(c, index);
            if (c.phase != Phase::Dead && (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)))
                onReadable(c, index);
        }
    }

    void onWritable(Conn &c, uint32_t index)
    {
        if (c.phase == Phase::Connecting) {
            int error = 0;
            socklen_t length = sizeof error;
            getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error != 0) {
                die(c, std::string("connect: ") + std::strerror(error));
                return;
            }
            c.phase = Phase::Handshaking;
        }
        if (c.phase == Phase::Handshaking) {
            while (c.requestSent < c.request.size()) {
                const ssize_t n
                    = send(c.fd, c.request.data() + c.requestSent, c.request.size() - c.requestSent, MSG_NOSIGNAL);
                if (n < 0) {
                    if (errno != EAGAIN)
                        die(c, std::string("send: ") + std::strerror(errno));
                    return;
                }
                c.requestSent += size_t(n);
            }
            setWantWrite(c, index, false);
            return;
        }
        if (c.phase == Phase::Open)
            flush(c, index);
    }

    // Writes as much of the pending frame stream as the socket takes.
    void flush(Conn &c, uint32_t index)
    {
        while (c.outPending > 0) {
            const size_t length = size_t(std::min<uint64_t>(c.outPending, m_stream.size() - c.outOffset));
            const ssize_t n = send(c.fd, m_stream.data() + c.outOffset, length, MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EAGAIN) {
                    setWantWrite(c, index, true);
                    return;
                }
                die(c, std::string("send: ") + std::strerror(errno));
                return;
            }
            c.outPending -= uint64_t(n);
            c.outOffset = (c.outOffset + size_t(n)) % m_frame.size();
        }
        setWantWrite(c, index, false);
    }

    void onReadable(Conn &c, uint32_t index)
    {
        const ssize_t n = recv(c.fd, m_buffer, sizeof m_buffer, 0);
        if (n == 0) {
            die(c, "the server closed the connection");
            return;
        }
        if (n < 0) {
            if (errno != EAGAIN)
                die(c, std::string("recv: ") + std::strerror(errno));
            return;
        }
        const unsigned char *data = m_buffer;
        size_t size = size_t(n);
        if (c.phase == Phase::Handshaking) {
            const size_t before = c.head.size();
            c.head.append(reinterpret_cast<const char *>(data), size);
            const size_t end = c.head.find("\r\n\r\n");
            if (end == std::string::npos) {
                if (c.head.size() > 16384)
                    die(c, "response head too long");
                return;
            }
            const size_t used = end + 4 - before;
            data += used;
            size -= used;
            c.head.resize(end + 4);
            if (!checkHandshake(c))
                return;
            c.phase = Phase::Open;
            ++m_open;
            if (size == 0)
                return;
        }
        if (c.phase != Phase::Open)
            return;
        const uint64_t echoes = parseFrames(c, data, size);
        if (c.phase == Phase::Dead)
            return;
        c.echoed += echoes;
        m_echoed += echoes;
        if (m_loading && echoes > 0) {
            c.outPending += echoes * m_frame.size();
            flush(c, index);
        }
    }

    bool checkHandshake(Conn &c)
    {
        if (c.head.compare(0, 13, "HTTP/1.1 101 ") != 0) {
            die(c, "upgrade refused: " + c.head.substr(0, c.head.find("\r\n")));
            return false;
        }
        const std::string accept = "\r\nsec-websocket-accept: " + expectedAccept(c.key) + "\r\n";
        std::string lower = c.head;
        for (size_t i = 0; i < lower.size(); ++i) {
            // Lower-case header names only (up to each ':'), keep the base64 value as is.
            if (i > 0 && lower[i - 1] == '\n') {
                for (size_t j = i; j < lower.size() && lower[j] != ':'; ++j)
                    lower[j] = char(std::tolower(static_cast<unsigned char>(lower[j])));
            }
        }
        if (lower.find(accept) == std::string::npos) {
            die(c, "the 101 has no (or a wrong) Sec-WebSocket-Accept");
            return false;
        }
        c.head.clear();
        c.head.shrink_to_fit();
        return true;
    }

    // Counts complete data messages (FIN text/binary/continuation frames) in the server's byte stream.
    uint64_t parseFrames(Conn &c, const unsigned char *data, size_t size)
    {
        uint64_t complete = 0;
        while (size > 0) {
            if (c.payloadLeft > 0) {
                const size_t skip = size_t(std::min<uint64_t>(c.payloadLeft, size));
                c.payloadLeft -= skip;
                data += skip;
                size -= skip;
                continue;
            }
            // Fast path: a whole small frame in the buffer.
            if (c.headerHave == 0 && size >= 2 && (data[1] & 0x7f) < 126) {
                const unsigned opcode = data[0] & 0x0f;
                const size_t length = data[1] & 0x7f;
                if ((data[1] & 0x80) || opcode == 0x8) {
                    die(c, opcode == 0x8 ? "the server sent a Close frame" : "the server masked a frame");
                    return complete;
                }
                if ((data[0] & 0x80) && opcode < 0x8)
                    ++complete;
                data += 2;
                size -= 2;
                c.payloadLeft = length;
                continue;
            }
            c.header[c.headerHave++] = *data++;
            --size;
            if (c.headerHave < 2)
                continue;
            const unsigned code = c.header[1] & 0x7f;
            const size_t need = code < 126 ? 2 : code == 126 ? 4 : 10;
            if (c.headerHave < need)
                continue;
            uint64_t length = code;
            if (code == 126)
                length = (uint64_t(c.header[2]) << 8) | c.header[3];
            else if (code == 127) {
                length = 0;
                for (int i = 2; i < 10; ++i)
                    length = (length << 8) | c.header[i];
            }
            const unsigned opcode = c.header[0] & 0x0f;
            if ((c.header[1] & 0x80) || opcode == 0x8) {
                die(c, opcode == 0x8 ? "the server sent a Close frame" : "the server masked a frame");
                return complete;
            }
            if ((c.header[0] & 0x80) && opcode < 0x8)
                ++complete;
            c.headerHave = 0;
            c.payloadLeft = length;
        }
        return complete;
    }

    int echoLoad()
    {
        m_loading = true;
        for (size_t i = 0; i < m_conns.size(); ++i) {
            Conn &c = m_conns[i];
            c.outPending = uint64_t(m_o.window) * m_frame.size();
            flush(c, uint32_t(i));
        }
        const Clock::time_point warmupStart = Clock::now();
        while (secondsSince(warmupStart) < m_o.warmup && m_dead == 0)
            poll(50);
        const uint64_t startCount = m_echoed;
        rusage usageStart {};
        getrusage(RUSAGE_SELF, &usageStart);
        const Clock::time_point start = Clock::now();
        while (secondsSince(start) < m_o.duration && m_dead == 0)
            poll(50);
        const double seconds = secondsSince(start);
        const uint64_t messages = m_echoed - startCount;
        rusage usageEnd {};
        getrusage(RUSAGE_SELF, &usageEnd);
        if (m_dead > 0) {
            std::fprintf(stderr, "loadgen: a connection died under load: %s\n", m_firstError.c_str());
            return 1;
        }
        auto cpuSeconds = [](const rusage &u) {
            return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
                + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
        };
        uint64_t slowest = UINT64_MAX;
        for (const Conn &c : m_conns)
            slowest = std::min(slowest, c.echoed);
        std::printf("RESULT msgs_per_s=%.0f messages=%llu seconds=%.3f connections=%d window=%d size=%d cpu=%.2f "
                    "min_per_conn=%llu\n",
            double(messages) / seconds, static_cast<unsigned long long>(messages), seconds, m_o.connections, m_o.window,
            m_o.size, (cpuSeconds(usageEnd) - cpuSeconds(usageStart)) / seconds,
            static_cast<unsigned long long>(slowest));
        std::fflush(stdout);
        closeAll();
        return 0;
    }

    int holdIdle(double connectSeconds)
    {
        std::printf("READY clients=%d seconds=%.3f\n", m_open, connectSeconds);
        std::fflush(stdout);
        const Clock::time_point start = Clock::now();
        while (secondsSince(start) < m_o.duration) {
            poll(100);
            if (m_dead > 0) {
                std::fprintf(
                    stderr, "loadgen: %d idle connections were dropped (first: %s)\n", m_dead, m_firstError.c_str());
                return 1;
            }
        }
        closeAll();
        std::printf("DONE\n");
        std::fflush(stdout);
        return 0;
    }

    void closeAll()
    {
        for (Conn &c : m_conns) {
            if (c.fd >= 0)
                close(c.fd);
            c.fd = -1;
        }
    }

    Options m_o;
    std::string m_frame;
    std::string m_stream;
    int m_epoll = -1;
    std::vector<Conn> m_conns;
    std::mt19937 m_random { std::random_device {}() };
    unsigned char m_buffer[256 * 1024];
    int m_open = 0;
    int m_dead = 0;
    bool m_loading = false;
    uint64_t m_echoed = 0;
    std::string m_firstError;
};

} // namespace

int main(int argc, char **argv)
{
    const Options options = parseArgs(argc, argv);
    auto generator = std::make_unique<LoadGenerator>(options);
    return generator->run();
}
