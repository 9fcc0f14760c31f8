#pragma once

// loadgen's driver: one thread, one epoll set, non-blocking sockets; every connection handshakes before the
// load starts, then either keeps a window of echoes in flight (RESULT) or holds idle (READY, DONE).

#include "loadgenoptions.h"
#include "loadgenwire.h"

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace loadgen {

using Clock = std::chrono::steady_clock;

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
    FrameReader reader; // the server's frames
    uint64_t echoed = 0;
};

class LoadGenerator
{
public:
    explicit LoadGenerator(const Options &o);
    int run();

private:
    [[noreturn]] static void fail(const char *what);
    void die(Conn &c, const std::string &why);
    void startConnect(int index);
    void setWantWrite(Conn &c, uint32_t index, bool want);
    void poll(int timeoutMs);
    void onWritable(Conn &c, uint32_t index);
    void flush(Conn &c, uint32_t index);
    void onReadable(Conn &c, uint32_t index);
    bool checkHandshake(Conn &c);
    int echoLoad();
    int holdIdle(double connectSeconds);
    void closeAll();

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

} // namespace loadgen
