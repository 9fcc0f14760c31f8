// loadgen's driver (see loadgenerator.h): connections, handshakes, the echo load and the idle hold.
#include "loadgenerator.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace loadgen {

namespace {

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
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

} // namespace

LoadGenerator::LoadGenerator(const Options &o)
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

int LoadGenerator::run()
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
        std::fprintf(stderr, "loadgen: %d of %d connections failed (first: %s)\n", m_dead, count, m_firstError.c_str());
        return 1;
    }
    return m_o.idle > 0 ? holdIdle(connectSeconds) : echoLoad();
}

[[noreturn]] void LoadGenerator::fail(const char *what)
{
    std::fprintf(stderr, "loadgen: %s: %s\n", what, std::strerror(errno));
    std::exit(1);
}

void LoadGenerator::die(Conn &c, const std::string &why)
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

void LoadGenerator::startConnect(int index)
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

void LoadGenerator::setWantWrite(Conn &c, uint32_t index, bool want)
{
    if (c.wantWrite == want)
        return;
    c.wantWrite = want;
    epoll_event event {};
    event.events = EPOLLIN | (want ? EPOLLOUT : 0u);
    event.data.u32 = index;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
}

void LoadGenerator::poll(int timeoutMs)
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

void LoadGenerator::onWritable(Conn &c, uint32_t index)
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
void LoadGenerator::flush(Conn &c, uint32_t index)
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

void LoadGenerator::onReadable(Conn &c, uint32_t index)
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
    const char *error = nullptr;
    const uint64_t echoes = countMessages(c.reader, data, size, &error);
    if (error) {
        die(c, error);
        return;
    }
    c.echoed += echoes;
    m_echoed += echoes;
    if (m_loading && echoes > 0) {
        c.outPending += echoes * m_frame.size();
        flush(c, index);
    }
}

bool LoadGenerator::checkHandshake(Conn &c)
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

int LoadGenerator::echoLoad()
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
        return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    };
    uint64_t slowest = UINT64_MAX;
    for (const Conn &c : m_conns)
        slowest = std::min(slowest, c.echoed);
    std::printf("RESULT msgs_per_s=%.0f messages=%llu seconds=%.3f connections=%d window=%d size=%d cpu=%.2f "
                "min_per_conn=%llu\n",
        double(messages) / seconds, static_cast<unsigned long long>(messages), seconds, m_o.connections, m_o.window,
        m_o.size, (cpuSeconds(usageEnd) - cpuSeconds(usageStart)) / seconds, static_cast<unsigned long long>(slowest));
    std::fflush(stdout);
    closeAll();
    return 0;
}

int LoadGenerator::holdIdle(double connectSeconds)
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

void LoadGenerator::closeAll()
{
    for (Conn &c : m_conns) {
        if (c.fd >= 0)
            close(c.fd);
        c.fd = -1;
    }
}

} // namespace loadgen
