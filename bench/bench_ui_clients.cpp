// UI responsiveness with many clients of the local test server: a MainWindow (offscreen unless a display
// is set) runs the LocalServer from its server panel while the load generator opens N idle clients; a 1 ms
// timer measures the longest event-loop gap while they arrive, while they sit idle, and while the
// connections list is scrolled page by page with a click-like selection on each page.
//
//   bench_ui_clients --loadgen PATH/loadgen [--clients N]
// prints
//   RESULT clients=<n> arrival_s=<s> max_gap_arrival_ms=<ms> max_gap_idle_ms=<ms> max_gap_scroll_ms=<ms> pages=<p>
// and on stderr, for each phase, when its longest gap happened on CLOCK_MONOTONIC (perf's clock with
// `perf record -k CLOCK_MONOTONIC`), so that a profile can be cut to exactly that gap with `perf script --time`:
//   GAP phase=<arrival|idle|scroll> ms=<ms> from=<seconds> to=<seconds>
#include "server/localserver.h"
#include "server/serverpanel.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QProcess>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <ctime>

namespace {

double monotonicSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// The longest time the event loop went without running a 1 ms timer, and when it ended.
class GapMeter
{
public:
    GapMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 gap = m_clock.restart();
            if (gap > m_max) {
                m_max = gap;
                m_maxEnd = monotonicSeconds();
            }
        });
    }
    void restart()
    {
        m_max = 0;
        m_maxEnd = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 maxGapMs() const { return m_max; }
    void report(const char *phase) const
    {
        std::fprintf(stderr, "GAP phase=%s ms=%lld from=%.6f to=%.6f\n", phase, static_cast<long long>(m_max),
            m_maxEnd - double(m_max) / 1000.0, m_maxEnd);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_max = 0;
    double m_maxEnd = 0;
};

void runFor(qint64 ms, const std::function<bool()> &done = {})
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms && !(done && done()))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QString loadgen;
    int clients = 10000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--loadgen"))
            loadgen = args[i + 1];
        else if (args[i] == QLatin1String("--clients"))
            clients = args[i + 1].toInt();
    }
    if (loadgen.isEmpty()) {
        std::fprintf(stderr, "usage: bench_ui_clients --loadgen PATH [--clients N]\n");
        return 2;
    }

    // Each client is journaled: into a fresh folder, so that runs neither fill the user's data folder nor
    // measure the previous run's 10,000 files in the size cap.
    QTemporaryDir sessions;
    if (qEnvironmentVariableIsEmpty("WSI_SESSIONS_DIR"))
        qputenv("WSI_SESSIONS_DIR", sessions.path().toLocal8Bit());

    wsi::MainWindow window;
    window.resize(1400, 900);
    window.show();
    wsi::LocalServer *server = window.serverPanel()->server();
    QString error;
    if (!server->start(wsi::ServerOptions {}, &error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }
    runFor(200);

    QProcess generator;
    generator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    generator.start(loadgen,
        { QStringLiteral("--url"), QStringLiteral("ws://127.0.0.1:%1/idle").arg(server->port()),
            QStringLiteral("--idle"), QString::number(clients), QStringLiteral("--duration"), QStringLiteral("60"),
            QStringLiteral("--timeout"), QStringLiteral("120") });
    GapMeter meter;
    QElapsedTimer arrival;
    arrival.start();
    meter.restart();
    runFor(150000, [&] { return server->stats().clients >= clients || generator.state() == QProcess::NotRunning; });
    const double arrivalSeconds = double(arrival.elapsed()) / 1000.0;
    const qint64 arrivalGap = meter.maxGapMs();
    meter.report("arrival");
    const int held = server->stats().clients;

    meter.restart();
    runFor(2000);
    const qint64 idleGap = meter.maxGapMs();
    meter.report("idle");

    QListView *list = window.connectionList();
    QScrollBar *bar = list->verticalScrollBar();
    meter.restart();
    int pages = 0;
    for (int value = 0; value <= bar->maximum() && pages < 200; value += qMax(1, bar->pageStep()), ++pages) {
        bar->setValue(value);
        const QModelIndex shown = list->indexAt(QPoint(10, 10));
        if (shown.isValid())
            list->setCurrentIndex(shown); // what a click does: the log and handshake views follow
        runFor(10);
    }
    const qint64 scrollGap = meter.maxGapMs();
    meter.report("scroll");

    std::printf("RESULT clients=%d arrival_s=%.2f max_gap_arrival_ms=%lld max_gap_idle_ms=%lld max_gap_scroll_ms=%lld "
                "pages=%d\n",
        held, arrivalSeconds, static_cast<long long>(arrivalGap), static_cast<long long>(idleGap),
        static_cast<long long>(scrollGap), pages);
    std::fflush(stdout);
    generator.kill();
    generator.waitForFinished(5000);
    server->stop();
    return held >= clients ? 0 : 1;
}
