// An echo server for bench/server_load.sh, on 127.0.0.1 and a free port:
//   bench_echo_server --kind capture   our LocalServer in echo mode, in a Workspace: the front relay
//                                      records every byte and every client becomes a Connection
//   bench_echo_server --kind bare      a plain QWebSocketServer echo, nothing recorded (the baseline)
//   --session-budget-mb N              capture only: each connection's disk budget (the app's default is 4096
//                                      MiB; a long 64 KiB flood over 10 connections would otherwise spill 40 GB)
// Prints "PORT <n>" once listening, "RSS_KB <n> CLIENTS <n>" on SIGUSR1, and again on SIGTERM/SIGINT
// before it exits; with capture, a "CACHE ..." line after it: what the PayloadCache counts (resident: full chunks
// and blocks; filling: those being filled), the spill writer's backlog (held) and BulkMemoryPool's kept blocks,
// in KiB, and the read-backs from the spill file (a count), so that bench/echo_memory.sh can set the process's memory
// map beside the engine's own accounting. Raises its open-files limit to the hard limit first (10,000 idle clients need
// it).
#include "connection/connection.h"
#include "connection/workspace.h"
#include "server/localserver.h"
#include "store/bulkmemorypool.h"
#include "store/payloadcache.h"
#include "store/spillwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QWebSocket>
#include <QWebSocketServer>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace {

int s_signalPipe[2] = { -1, -1 };

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t n = write(s_signalPipe[1], &byte, 1);
}

qint64 rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

rlim_t raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    return limit.rlim_cur;
}

// The baseline: what an application built on QWebSocketServer alone does for echo.
class BareEchoServer : public QObject
{
public:
    explicit BareEchoServer(QObject *parent = nullptr)
        : QObject(parent)
        , m_server(QStringLiteral("bare echo"), QWebSocketServer::NonSecureMode)
    {
        // Not held back by Qt's default of 30 pending sockets (the listen backlog stays Qt's: 50).
        m_server.setMaxPendingConnections(4096);
        connect(&m_server, &QWebSocketServer::newConnection, this, &BareEchoServer::onNewConnection);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int clients() const { return m_clients; }

private:
    void onNewConnection()
    {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            ++m_clients;
            connect(socket, &QWebSocket::textMessageReceived, socket,
                [socket](const QString &text) { socket->sendTextMessage(text); });
            connect(socket, &QWebSocket::binaryMessageReceived, socket,
                [socket](const QByteArray &data) { socket->sendBinaryMessage(data); });
            connect(socket, &QWebSocket::disconnected, this, [this, socket] {
                --m_clients;
                socket->deleteLater();
            });
        }
    }

    QWebSocketServer m_server;
    int m_clients = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    const rlim_t files = raiseFileLimit();
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const qsizetype kindAt = args.indexOf(QStringLiteral("--kind"));
    const QString kind = kindAt > 0 ? args.value(kindAt + 1) : QString();
    if (kind != QLatin1String("capture") && kind != QLatin1String("bare")) {
        std::fprintf(stderr, "usage: bench_echo_server --kind capture|bare\n");
        return 2;
    }

    if (pipe(s_signalPipe) != 0)
        return 1;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signal : { SIGUSR1, SIGTERM, SIGINT })
        sigaction(signal, &action, nullptr);

    std::unique_ptr<wsi::Workspace> workspace;
    std::unique_ptr<wsi::LocalServer> capture;
    std::unique_ptr<BareEchoServer> bare;
    quint16 port = 0;
    if (kind == QLatin1String("capture")) {
        const qsizetype budgetAt = args.indexOf(QStringLiteral("--session-budget-mb"));
        if (budgetAt > 0)
            wsi::PayloadCache::instance().setSessionBudget(args.value(budgetAt + 1).toLongLong() << 20);
        workspace = std::make_unique<wsi::Workspace>();
        capture = std::make_unique<wsi::LocalServer>(workspace.get());
        wsi::ServerOptions options;
        options.mode = wsi::ServerMode::Echo;
        QString error;
        if (!capture->start(options, &error)) {
            std::fprintf(stderr, "bench_echo_server: %s\n", qPrintable(error));
            return 1;
        }
        port = capture->port();
    } else {
        bare = std::make_unique<BareEchoServer>();
        if (!bare->listen()) {
            std::fprintf(stderr, "bench_echo_server: cannot listen on 127.0.0.1\n");
            return 1;
        }
        port = bare->port();
    }
    auto clients = [&] { return capture ? capture->stats().clients : bare->clients(); };
    auto report = [&] {
        std::printf("RSS_KB %lld CLIENTS %d\n", static_cast<long long>(rssKb()), clients());
        if (capture) {
            const wsi::PayloadCache &cache = wsi::PayloadCache::instance();
            const wsi::SpillWriter *writer = wsi::SpillWriter::ofPayloadCache();
            std::printf("CACHE resident_kb=%lld filling_kb=%lld held_kb=%lld pool_kb=%lld spilled_mb=%lld "
                        "evictions=%lld read_backs=%lld\n",
                static_cast<long long>(cache.residentBytes() >> 10), static_cast<long long>(cache.fillingBytes() >> 10),
                static_cast<long long>(writer ? writer->heldBytes() >> 10 : 0),
                static_cast<long long>(wsi::BulkMemoryPool::instance().pooledBytes() >> 10),
                static_cast<long long>(cache.spilledBytes() >> 20), static_cast<long long>(cache.evictions()),
                static_cast<long long>(cache.readBacks()));
        }
        std::fflush(stdout);
    };

    QSocketNotifier signalNotifier(s_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&] {
        char signal = 0;
        if (read(s_signalPipe[0], &signal, 1) != 1)
            return;
        report();
        if (signal != SIGUSR1)
            QCoreApplication::quit();
    });

    std::printf("FILES %llu\nRSS_KB %lld CLIENTS 0\nPORT %u\n", static_cast<unsigned long long>(files),
        static_cast<long long>(rssKb()), unsigned(port));
    std::fflush(stdout);
    const int status = app.exec();
    // Tear down before the application object: sockets need the event dispatcher to go cleanly.
    capture.reset();
    workspace.reset();
    bare.reset();
    return status;
}
