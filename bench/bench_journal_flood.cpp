// The cost of journaling (issue 6's goal: the flood rate with journaling >= 0.9x the rate without).
// An in-process sender on plain sockets (a thread, pre-built frames, so it is never the limit) floods N small
// text messages to a Connection (wire tap, every frame decoded and stored); each round receives them once
// without and once with a SessionJournal writing the session log to disk, alternating. The sender paces
// itself at RATE messages/s (default 100,000; 0 = as fast as it can). Prints per-round numbers, medians, the
// ratio from the same run, and the CPU time per message (the whole process, sender included, so the
// difference between the two is the journal's cost). Numbers only.
//
//   bench_journal_flood [N=300000] [ROUNDS=5] [RATE=100000] [SIZE=32]
//
// Measured here (Release, 2 cores shared with other builds, load average ~8), medians:
//   bench_journal_flood 300000 5 100000: without 99,825 msgs/s, with journal 99,071 msgs/s: 0.99x
//   bench_journal_flood 1500000 3 0:     without 1,186,767 msgs/s, with journal 704,708 msgs/s: 0.59x
//                                        (0.84 vs 1.40 us CPU per message, 575 MB of journal per run)
// At full speed use N of a million or more: the journal writes every 250 ms, and a shorter run would end
// before its first write. Before the journal reused one buffer written every 256 KiB, a quarter second's
// lines were built in one fresh array: 0.23x at full speed (page faults and re-allocation copies).
#include "benchfigures.h"
#include "connection/connection.h"
#include "files/sessionjournal.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace wsi;
using wsi::bench::median;

namespace {

// One WebSocket server connection on a plain socket: answers the upgrade, writes N text frames paced at
// `rate` per second, then a Close frame, and waits for the client to hang up.
class FloodSender
{
public:
    FloodSender(quint64 count, int size, quint64 rate)
        : m_count(count)
        , m_rate(rate)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(m_listen, 4);
        socklen_t len = sizeof addr;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        // A block of frames written with one send(): 125 bytes at most, so a 2-byte header.
        const QByteArray frame
            = QByteArray(1, char(0x81)) + char(std::min(size, 125)) + QByteArray(std::min(size, 125), 'x');
        for (int i = 0; i < kBlock; ++i)
            m_block += frame;
        m_frameSize = frame.size();
        m_thread = std::thread([this] { run(); });
    }
    ~FloodSender()
    {
        m_thread.join();
        ::close(m_listen);
    }
    quint16 port() const { return m_port; }

private:
    static constexpr int kBlock = 256;

    void run()
    {
        const int fd = ::accept(m_listen, nullptr, nullptr);
        if (fd < 0)
            return;
        QByteArray request;
        char buf[4096];
        while (!request.contains("\r\n\r\n")) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) {
                ::close(fd);
                return;
            }
            request.append(buf, n);
        }
        QByteArray key;
        for (const QByteArray &line : request.split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(18).trimmed();
        }
        const QByteArray accept
            = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
                  .toBase64();
        const QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                    "Sec-WebSocket-Accept: "
            + accept + "\r\n\r\n";
        writeAll(fd, response.constData(), response.size());

        const auto start = std::chrono::steady_clock::now();
        quint64 sent = 0;
        while (sent < m_count) {
            quint64 due = m_count;
            if (m_rate > 0) {
                const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                due = std::min<quint64>(m_count, quint64(elapsed * double(m_rate)) + 1);
                if (due <= sent) {
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                    continue;
                }
            }
            const quint64 frames = std::min<quint64>(due - sent, kBlock);
            if (!writeAll(fd, m_block.constData(), qsizetype(frames) * m_frameSize))
                break;
            sent += frames;
        }
        const char close[] = { char(0x88), 0x02, 0x03, char(0xe8) };
        writeAll(fd, close, sizeof close);
        timeval timeout { 10, 0 };
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        while (::recv(fd, buf, sizeof buf, 0) > 0) { }
        ::close(fd);
    }

    static bool writeAll(int fd, const char *data, qsizetype size)
    {
        while (size > 0) {
            const ssize_t n = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            data += n;
            size -= n;
        }
        return true;
    }

    quint64 m_count;
    quint64 m_rate;
    int m_listen = -1;
    quint16 m_port = 0;
    QByteArray m_block;
    qsizetype m_frameSize = 0;
    std::thread m_thread;
};

struct Result
{
    double seconds = 0;
    quint64 messages = 0;
    double cpuSeconds = 0;
    qint64 journalBytes = 0;
    double rate() const { return seconds > 0 ? double(messages) / seconds : 0; }
    double cpuUsPerMessage() const { return messages ? cpuSeconds * 1e6 / double(messages) : 0; }
};

double cpuNow()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

Result runOnce(quint64 count, int size, quint64 rate, const QString &journalFolder)
{
    Result r;
    FloodSender sender(count, size, rate);
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/flood").arg(sender.port()));
    options.timeoutMs = 120000;
    Connection c(options);
    std::unique_ptr<SessionJournal> journal;
    if (!journalFolder.isEmpty()) {
        journal = std::make_unique<SessionJournal>();
        journal->setFolder(journalFolder);
        journal->setMaxTotalBytes(0);
        journal->attach(&c);
    }
    QElapsedTimer timer;
    double cpuStart = 0;
    bool done = false;
    QObject::connect(&c, &Connection::stateChanged, [&](Connection::State s) {
        if (s == Connection::State::Open) {
            timer.start();
            cpuStart = cpuNow();
        }
    });
    // Until the last message arrived: the closing handshake afterwards (the tap waits a moment for the
    // peer's Close) is the same with and without a journal and would only dilute the rates.
    QObject::connect(&c, &Connection::countersChanged, [&] {
        if (r.seconds == 0 && timer.isValid() && c.counters().messagesIn >= count) {
            r.seconds = double(timer.nsecsElapsed()) / 1e9;
            r.cpuSeconds = cpuNow() - cpuStart;
        }
    });
    QObject::connect(&c, &Connection::finished, [&] {
        if (r.seconds == 0 && timer.isValid()) {
            r.seconds = double(timer.nsecsElapsed()) / 1e9;
            r.cpuSeconds = cpuNow() - cpuStart;
        }
        done = true;
    });
    c.open();
    QElapsedTimer bound;
    bound.start();
    while (!done && bound.elapsed() < 180000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    r.messages = c.counters().messagesIn;
    if (journal) {
        const QString path = journal->filePathFor(&c);
        journal->flush();
        r.journalBytes = QFileInfo(path).size();
        QFile::remove(path);
    }
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const quint64 count = args.size() > 1 ? args.at(1).toULongLong() : 300000;
    const int rounds = args.size() > 2 ? args.at(2).toInt() : 5;
    const quint64 rate = args.size() > 3 ? args.at(3).toULongLong() : 100000;
    const int size = args.size() > 4 ? args.at(4).toInt() : 32;
    QTemporaryDir folder;
    if (!folder.isValid()) {
        std::fprintf(stderr, "bench_journal_flood: no temporary folder\n");
        return 1;
    }
    std::printf("bench_journal_flood: %llu text messages of %d bytes per run, sender paced at %s, %d rounds, "
                "journal in %s\n",
        static_cast<unsigned long long>(count), size,
        rate ? qPrintable(QStringLiteral("%1 msgs/s").arg(rate)) : "full speed", rounds, qPrintable(folder.path()));
    std::vector<double> plainRate, journalRate, plainCpu, journalCpu;
    int failures = 0;
    for (int round = 0; round < rounds; ++round) {
        // Alternating, so that a busy neighbour on the machine costs both sides alike.
        const Result plain = runOnce(count, size, rate, QString());
        const Result journaled = runOnce(count, size, rate, folder.path());
        std::printf("round %d: without %.0f msgs/s (%.2f us CPU/msg), with journal %.0f msgs/s (%.2f us CPU/msg, "
                    "%.1f MB written)\n",
            round + 1, plain.rate(), plain.cpuUsPerMessage(), journaled.rate(), journaled.cpuUsPerMessage(),
            double(journaled.journalBytes) / 1e6);
        std::fflush(stdout);
        if (plain.messages != count || journaled.messages != count) {
            std::fprintf(stderr, "round %d: expected %llu messages, got %llu and %llu\n", round + 1,
                static_cast<unsigned long long>(count), static_cast<unsigned long long>(plain.messages),
                static_cast<unsigned long long>(journaled.messages));
            ++failures;
        }
        plainRate.push_back(plain.rate());
        journalRate.push_back(journaled.rate());
        plainCpu.push_back(plain.cpuUsPerMessage());
        journalCpu.push_back(journaled.cpuUsPerMessage());
    }
    std::printf("median: without %.0f msgs/s, with journal %.0f msgs/s, ratio %.3fx (goal >= 0.90x); "
                "CPU %.2f vs %.2f us/msg\n",
        median(plainRate), median(journalRate), median(journalRate) / median(plainRate), median(plainCpu),
        median(journalCpu));
    return failures ? 1 : 0;
}
