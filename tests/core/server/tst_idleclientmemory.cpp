// What an idle client of the local server costs (issue 12: <= 19 KB of RSS per idle client): the heap the allocator
// reports in use (every thread's arena: the relay's side and the Connection's) grows by less than 20 KB per client
// that upgraded and stays quiet. Before the first read was taken out of Qt's socket buffer each such client kept that
// buffer's 16 KB block, and before a batch took its room at its first row, a given-back batch's room (~8 KB).
// The clients are plain descriptors: no Qt buffer of theirs in this process.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "server/localserver.h"

#include <QTest>

#include <malloc.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

using namespace wsi;

namespace {

const QByteArray kRequest = "GET /idle HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

// A client that sends its upgrade request and then nothing; -1 when it could not connect.
int idleClient(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::write(fd, kRequest.constData(), size_t(kRequest.size())) != kRequest.size()) {
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    return fd;
}

qint64 heapInUse()
{
    return qint64(mallinfo2().uordblks);
}

int openClients(const LocalServer &server)
{
    int open = 0;
    for (const Connection *client : server.clients())
        open += client->state() == Connection::State::Open ? 1 : 0;
    return open;
}

} // namespace

class tst_IdleClientMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anIdleClientCostsTheServerLessThan20KBOfHeap()
    {
        Workspace workspace;
        LocalServer server(&workspace);
        ServerOptions options;
        options.mode = ServerMode::Echo;
        QVERIFY(server.start(options));
        std::vector<int> clients;
        // The first ones warm up what every client shares (the batch pool, the server thread's arena, hash tables).
        constexpr int kWarmUp = 50;
        constexpr int kMeasured = 300;
        for (int i = 0; i < kWarmUp; ++i)
            clients.push_back(idleClient(server.port()));
        QTRY_COMPARE_WITH_TIMEOUT(openClients(server), kWarmUp, 20000);
        malloc_trim(0);
        const qint64 before = heapInUse();
        for (int i = 0; i < kMeasured; ++i)
            clients.push_back(idleClient(server.port()));
        QVERIFY(std::find(clients.begin(), clients.end(), -1) == clients.end());
        QTRY_COMPARE_WITH_TIMEOUT(openClients(server), kWarmUp + kMeasured, 20000);
        const qint64 perClient = (heapInUse() - before) / kMeasured;
        QVERIFY2(perClient < 20 * 1024, qPrintable(QStringLiteral("%1 bytes per idle client").arg(perClient)));
        qInfo("heap per idle client: %lld bytes", static_cast<long long>(perClient));
        for (int fd : clients)
            ::close(fd);
        QTRY_COMPARE_WITH_TIMEOUT(int(server.clients().size()), 0, 20000);
    }
};

QTEST_GUILESS_MAIN(tst_IdleClientMemory)
#include "tst_idleclientmemory.moc"
