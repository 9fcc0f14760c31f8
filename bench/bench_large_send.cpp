// Responsiveness while a large message goes out and its echo comes back: WS Inspector's Connection (tap,
// recorder, framed sending) against a bare QWebSocket, alternating in one run. A 10 ms timer measures the
// longest event-loop gap each side causes; the machine is shared, so the ratio is the figure to read.
//   bench_large_send ws://127.0.0.1:PORT/ [MiB=64] [rounds=3]
// prints one line per run and a summary:
//   summary mib=64 bare_gap_ms=<median> inspector_gap_ms=<median> gap_ratio=<inspector/bare> ...
#include "connection/connection.h"
#include "store/eventstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace wsi;

namespace {

struct Run
{
    qint64 maxGapMs = 0;
    qint64 totalMs = 0;
    bool ok = false;
};

// Runs the event loop until done() or the timeout, measuring the longest gap between 10 ms ticks.
Run measure(const std::function<void()> &start, const std::function<bool()> &done, int timeoutMs = 120000)
{
    Run run;
    QElapsedTimer total;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] { run.maxGapMs = std::max(run.maxGapMs, sinceTick.restart()); });
    total.start();
    sinceTick.start();
    ticker.start();
    start();
    while (!done() && total.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    run.maxGapMs = std::max(run.maxGapMs, sinceTick.elapsed());
    run.totalMs = total.elapsed();
    run.ok = done();
    return run;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs = 15000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

Run bareRun(const QUrl &url, const QByteArray &payload)
{
    QWebSocket socket;
    bool open = false;
    bool echoed = false;
    QObject::connect(&socket, &QWebSocket::connected, [&] { open = true; });
    QObject::connect(
        &socket, &QWebSocket::binaryMessageReceived, [&](const QByteArray &m) { echoed = m.size() == payload.size(); });
    socket.setMaxAllowedIncomingMessageSize(quint64(payload.size()) * 2);
    socket.open(url);
    if (!waitFor([&] { return open; }))
        return {};
    Run run = measure([&] { socket.sendBinaryMessage(payload); }, [&] { return echoed; });
    socket.close();
    waitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 3000);
    return run;
}

Run inspectorRun(const QUrl &url, const QByteArray &payload)
{
    ConnectionOptions options;
    options.url = url;
    Connection connection(options);
    connection.open();
    if (!waitFor([&] { return connection.state() == Connection::State::Open; }))
        return {};
    qsizetype scanned = 0;
    bool echoed = false;
    auto done = [&] {
        const EventStore &events = connection.events();
        for (; scanned < events.size(); ++scanned) {
            const EventRecord &r = events.at(scanned);
            if (r.type == EventType::Message && r.dir == Direction::Incoming && qint64(r.value) == payload.size())
                echoed = true;
        }
        return echoed;
    };
    Run run = measure([&] { connection.sendBinary(payload); }, done);
    connection.close();
    waitFor(
        [&] {
            return connection.state() == Connection::State::Closed || connection.state() == Connection::State::Failed;
        },
        3000);
    return run;
}

qint64 median(std::vector<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_large_send ws://127.0.0.1:PORT/ [MiB=64] [rounds=3]\n");
        return 2;
    }
    const QUrl url(args.at(1));
    const int mib = args.size() > 2 ? args.at(2).toInt() : 64;
    const int rounds = args.size() > 3 ? args.at(3).toInt() : 3;
    QByteArray payload(qsizetype(mib) << 20, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(i * 31 + (i >> 13));

    std::vector<qint64> bareGaps, inspectorGaps, bareTotals, inspectorTotals;
    for (int round = 0; round < rounds; ++round) {
        const Run bare = bareRun(url, payload);
        const Run inspector = inspectorRun(url, payload);
        if (!bare.ok || !inspector.ok) {
            std::fprintf(stderr, "round %d failed (bare %d, inspector %d)\n", round, bare.ok, inspector.ok);
            return 1;
        }
        std::printf("round=%d bare_gap_ms=%lld bare_total_ms=%lld inspector_gap_ms=%lld inspector_total_ms=%lld\n",
            round, bare.maxGapMs, bare.totalMs, inspector.maxGapMs, inspector.totalMs);
        std::fflush(stdout);
        bareGaps.push_back(bare.maxGapMs);
        inspectorGaps.push_back(inspector.maxGapMs);
        bareTotals.push_back(bare.totalMs);
        inspectorTotals.push_back(inspector.totalMs);
    }
    const qint64 bg = median(bareGaps), ig = median(inspectorGaps);
    std::printf("summary mib=%d bare_gap_ms=%lld inspector_gap_ms=%lld gap_ratio=%.2f bare_total_ms=%lld "
                "inspector_total_ms=%lld\n",
        mib, bg, ig, bg > 0 ? double(ig) / double(bg) : 0.0, median(bareTotals), median(inspectorTotals));
    return 0;
}
