// wss:// through the intercepting tap vs a bare QWebSocket over wss, in the same run (issue 5's goal:
// >= 0.7x). A node-ws wss server (bench/node_wss_flood_server.js) floods N text messages; each round the
// bare client and a Connection with interception (TLS terminated and re-made in the tap, every frame
// decoded and stored) receive them, alternating. Also prints the cost of opening a connection (TCP + TLS
// + upgrade) both ways. Numbers only.
//
//   bench_wss_flood [N=200000] [ROUNDS=5]
#include "benchfigures.h"
#include "connection/connection.h"
#include "tls/certificateauthority.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>

using namespace wsi;
using wsi::bench::median;

namespace {

struct Result
{
    double openMs = 0;
    double receiveSeconds = 0;
    quint64 messages = 0;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

Result runBare(const QUrl &url, const QSslCertificate &ca)
{
    Result r;
    QWebSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({ ca });
    socket.setSslConfiguration(tls);
    QElapsedTimer timer;
    bool done = false;
    QObject::connect(&socket, &QWebSocket::connected, [&] {
        r.openMs = double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
    });
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString &) { ++r.messages; });
    QObject::connect(&socket, &QWebSocket::disconnected, [&] {
        r.receiveSeconds = double(timer.nsecsElapsed()) / 1e9;
        done = true;
    });
    timer.start();
    socket.open(url);
    waitFor([&] { return done; }, 120000);
    return r;
}

Result runIntercepted(const QUrl &url, const QString &caFile, CertificateAuthority *authority)
{
    Result r;
    ConnectionOptions options;
    options.url = url;
    options.caFile = caFile;
    options.timeoutMs = 60000;
    Connection c(options);
    c.setCertificateAuthority(authority);
    QElapsedTimer timer;
    bool done = false;
    QObject::connect(&c, &Connection::stateChanged, [&](Connection::State s) {
        if (s == Connection::State::Open) {
            r.openMs = double(timer.nsecsElapsed()) / 1e6;
            timer.restart();
        }
    });
    QObject::connect(&c, &Connection::finished, [&] {
        r.receiveSeconds = double(timer.nsecsElapsed()) / 1e9;
        done = true;
    });
    timer.start();
    c.open();
    waitFor([&] { return done; }, 120000);
    r.messages = c.counters().messagesIn;
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 200000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;

    QTemporaryDir dir;
    CertificateAuthority authority(dir.filePath(QStringLiteral("ca")));
    if (!authority.load()) {
        std::fprintf(stderr, "CA: %s\n", qPrintable(authority.lastError()));
        return 1;
    }
    // The server's certificate comes from a second CA standing for a public one: the tap must verify it.
    CertificateAuthority serverCa(dir.filePath(QStringLiteral("server-ca")));
    serverCa.load();
    const IssuedCertificate leaf = serverCa.issue({ QStringLiteral("127.0.0.1") });
    QFile cert(dir.filePath(QStringLiteral("leaf.pem")));
    QFile key(dir.filePath(QStringLiteral("leaf.key")));
    if (!cert.open(QIODevice::WriteOnly) || !key.open(QIODevice::WriteOnly))
        return 1;
    cert.write(leaf.certificate.toPem());
    key.write(leaf.key.toPem());
    cert.close();
    key.close();

    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), QStringLiteral("/usr/share/nodejs"));
    server.setProcessEnvironment(env);
    server.start(QStringLiteral("node"),
        { QStringLiteral(WSI_BENCH_DIR "/node_wss_flood_server.js"), cert.fileName(), key.fileName() });
    if (!server.waitForReadyRead(15000)) {
        std::fprintf(stderr, "node wss server did not start: %s\n", server.readAllStandardError().constData());
        return 1;
    }
    const quint16 port = quint16(server.readLine().trimmed().mid(5).toUInt());
    const QUrl url(QStringLiteral("wss://127.0.0.1:%1/flood?n=%2&size=32").arg(port).arg(n));

    std::vector<double> bareRate, capRate, bareOpen, capOpen;
    for (int round = 0; round < rounds; ++round) {
        const Result bare = runBare(url, serverCa.certificate());
        const Result cap = runIntercepted(url, serverCa.certificatePath(), &authority);
        if (bare.messages != quint64(n) || cap.messages != quint64(n)) {
            std::fprintf(stderr, "round %d: wrong count (bare %llu, intercepted %llu of %d)\n", round,
                static_cast<unsigned long long>(bare.messages), static_cast<unsigned long long>(cap.messages), n);
            server.kill();
            return 1;
        }
        bareRate.push_back(double(n) / bare.receiveSeconds);
        capRate.push_back(double(n) / cap.receiveSeconds);
        bareOpen.push_back(bare.openMs);
        capOpen.push_back(cap.openMs);
        std::printf("round %d: bare %.0f msgs/s (open %.1f ms), intercepted %.0f msgs/s (open %.1f ms)\n", round,
            bareRate.back(), bare.openMs, capRate.back(), cap.openMs);
        std::fflush(stdout);
    }
    server.kill();
    server.waitForFinished(3000);
    std::printf("median: bare %.0f msgs/s, intercepted %.0f msgs/s, ratio %.2fx (goal >= 0.70x)\n", median(bareRate),
        median(capRate), median(capRate) / median(bareRate));
    std::printf("median open: bare %.1f ms, intercepted %.1f ms (+%.1f ms for the tap's two TLS handshakes and leaf)\n",
        median(bareOpen), median(capOpen), median(capOpen) - median(bareOpen));
    return 0;
}
