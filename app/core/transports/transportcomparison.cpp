// TransportComparison: runs one workload through polling, long polling, streaming and WebSocket, measured live.
#include "transports/transportcomparison.h"

#include "connection/workspace.h"
#include "server/localserver.h"
#include "server/transportendpointshandle.h"
#include "transports/pollingclient.h"
#include "transports/streamingclient.h"
#include "transports/threadedtransportclient.h"
#include "transports/transportclientthread.h"
#include "transports/websockettransportclient.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace wsi {

namespace {

// How long a client has to become ready (open its stream or WebSocket).
constexpr int kReadyTimeoutMs = 5000;
// After the workload, how long every message has to arrive, beyond one polling interval.
constexpr int kDrainMs = 3000;
constexpr int kDrainCheckMs = 10;

// Nearest rank: a latency that was actually measured, never one interpolated between two.
double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(qBound<qsizetype>(0, rank - 1, values.size() - 1));
}

// The clients' clock (TransportClient::received), read on any thread.
qint64 steadyNowNs()
{
    return qint64(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count());
}

} // namespace

TransportComparison::TransportComparison(QObject *parent)
    : QObject(parent)
    , m_headers(BrowserHeaders::chromeDefaults())
{
    m_progress.setInterval(100);
    connect(&m_progress, &QTimer::timeout, this, &TransportComparison::reportProgress);
}

TransportComparison::~TransportComparison()
{
    delete m_run;
    stopServer();
}

bool TransportComparison::start(QString *error)
{
    if (m_running)
        return false;
    // A private server and workspace: the comparison's clients never show up among the user's connections.
    m_workspace = new Workspace(this);
    m_server = new LocalServer(m_workspace, this);
    ServerOptions options;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.mode = ServerMode::Silent;
    if (!m_server->start(options, error)) {
        stopServer();
        return false;
    }
    connect(m_server->transports(), &TransportEndpointsHandle::clientMessage, this, [this] {
        if (m_run)
            QTimer::singleShot(0, m_run, [this] { checkDrained(); });
    });
    m_clientThread = TransportClientThread::acquire();
    m_results.clear();
    m_running = true;
    m_index = -1;
    m_progress.start();
    Q_EMIT progress(0);
    runNext();
    return true;
}

void TransportComparison::cancel()
{
    if (!m_running)
        return;
    if (m_client)
        m_client->stop();
    delete m_run;
    m_client = nullptr;
    stopServer();
    m_clientThread.reset();
    m_running = false;
    m_progress.stop();
    Q_EMIT finished();
}

void TransportComparison::stopServer()
{
    if (m_server)
        m_server->stop();
    delete m_server;
    m_server = nullptr;
    delete m_workspace;
    m_workspace = nullptr;
}

void TransportComparison::runNext()
{
    const QList<TransportKind> kinds = allTransportKinds();
    if (++m_index >= kinds.size()) {
        stopServer();
        m_clientThread.reset();
        m_running = false;
        m_progress.stop();
        Q_EMIT progress(100);
        Q_EMIT finished();
        return;
    }
    const TransportKind kind = kinds.at(m_index);
    m_server->transports()->reset();
    m_run = new QObject(this);
    m_started = false;
    m_publishedNs.clear();
    m_latenciesMs.clear();
    m_delivered = 0;
    m_sent = 0;
    m_clientError.clear();
    m_clock.start();
    switch (kind) {
    case TransportKind::Polling:
    case TransportKind::LongPolling:
        m_client = new ThreadedTransportClient(new PollingClient(kind, m_workload.pollIntervalMs), m_run);
        break;
    case TransportKind::Streaming:
        m_client = new ThreadedTransportClient(new StreamingClient, m_run);
        break;
    case TransportKind::WebSocket:
        m_client = new ThreadedTransportClient(new WebSocketTransportClient, m_run);
        break;
    }
    connect(m_client, &ThreadedTransportClient::ready, this, &TransportComparison::onReady);
    connect(m_client, &ThreadedTransportClient::received, this, [this](int seq, qint64 steadyNs) {
        if (seq < 1 || seq > m_publishedNs.size())
            return;
        m_latenciesMs << double(steadyNs - m_publishedNs.at(seq - 1)) / 1e6;
        ++m_delivered;
        checkDrained();
    });
    connect(m_client, &ThreadedTransportClient::failed, this, [this](const QString &error) {
        if (m_clientError.isEmpty())
            m_clientError = error;
    });
    QTimer::singleShot(kReadyTimeoutMs, m_run, [this] {
        if (!m_started)
            finishTransport(m_clientError.isEmpty()
                    ? tr("The client did not connect within %1 ms.").arg(kReadyTimeoutMs)
                    : m_clientError);
    });
    QUrl server;
    server.setScheme(QStringLiteral("http"));
    server.setHost(QStringLiteral("127.0.0.1"));
    server.setPort(m_server->port());
    m_client->start(server, m_headers);
}

void TransportComparison::onReady()
{
    if (m_started || !m_run)
        return;
    m_started = true;
    m_clock.restart();
    const QList<int> pushes = m_workload.serverTimesMs();
    for (int i = 0; i < pushes.size(); ++i)
        QTimer::singleShot(pushes.at(i), Qt::PreciseTimer, m_run, [this] { push(); });
    const QList<int> sends = m_workload.clientTimesMs();
    for (int i = 0; i < sends.size(); ++i)
        QTimer::singleShot(sends.at(i), Qt::PreciseTimer, m_run, [this, i] { sendUp(i); });
    // Past the workload, every message still has its time to arrive (a poll interval at least).
    QTimer::singleShot(m_workload.durationMs + qMax(kDrainMs, 3 * m_workload.pollIntervalMs), m_run, [this] {
        finishTransport(m_clientError.isEmpty() ? tr("Not every message arrived in time.") : m_clientError);
    });
    QTimer::singleShot(m_workload.durationMs, m_run, [this] { checkDrained(); });
}

void TransportComparison::push()
{
    const int seq = m_server->transports()->feedSize() + 1;
    m_publishedNs << steadyNowNs(); // before the publish is posted to the server thread: the hop is part of it
    m_server->transports()->publish(m_workload.serverMessage(seq));
}

void TransportComparison::sendUp(int index)
{
    m_client->send(m_workload.clientMessage(index));
    ++m_sent;
}

void TransportComparison::checkDrained()
{
    if (!m_run || !m_started || m_clock.elapsed() < m_workload.durationMs)
        return;
    const TransportKind kind = allTransportKinds().at(m_index);
    if (m_delivered >= m_workload.messages
        && m_server->transports()->tally(kind).clientMessages >= m_workload.clientMessages)
        finishTransport();
}

void TransportComparison::finishTransport(const QString &error)
{
    if (!m_run)
        return;
    TransportResult result;
    result.kind = allTransportKinds().at(m_index);
    // Counted before the client closes: the workload's cost, not the goodbye's.
    result.tally = m_server->transports()->tally(result.kind);
    result.expected = int(m_publishedNs.size());
    result.delivered = m_delivered;
    result.clientMessagesSent = m_sent;
    result.latencyP50Ms = percentile(m_latenciesMs, 50);
    result.latencyP95Ms = percentile(m_latenciesMs, 95);
    if (result.delivered < m_workload.messages || result.tally.clientMessages < m_workload.clientMessages)
        result.error = error.isEmpty() ? tr("Not every message arrived.") : error;
    m_client->stop();
    m_client = nullptr;
    m_run->deleteLater();
    m_run = nullptr;
    m_results << result;
    Q_EMIT transportFinished(result);
    // The next transport after the last one's connections had a turn to close.
    QTimer::singleShot(0, this, &TransportComparison::runNext);
}

void TransportComparison::reportProgress()
{
    if (!m_running || m_index < 0)
        return;
    const double within = m_started ? qBound(0.0, double(m_clock.elapsed()) / qMax(1, m_workload.durationMs), 1.0) : 0;
    Q_EMIT progress(int((double(m_index) + within) * 100.0 / double(allTransportKinds().size())));
}

} // namespace wsi
