// TransportComparison: runs one workload through polling, long polling, streaming and WebSocket, measured live.
#pragma once

#include "transports/browserheaders.h"
#include "transports/transportresult.h"
#include "transports/transportworkload.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace wsi {

class LocalServer;
class ThreadedTransportClient;
class TransportClientThread;
class Workspace;

// The transports compared, measured rather than computed: a private test server on loopback answers all four
// transports on one port; one after the other, each carries the same seeded workload (the server pushes at
// irregular times while the client sends), and the server's counts of its sockets plus the client's receipt
// times make each transport's result. Asynchronous: nothing here blocks, progress() tells how far it got.
// Issue 12: the server's side door runs on the ServerThread and the clients on the TransportClientThread; this object,
// on the GUI thread, only schedules, publishes (posted) and adds up.
class TransportComparison : public QObject
{
    Q_OBJECT
public:
    explicit TransportComparison(QObject *parent = nullptr);
    ~TransportComparison() override;

    void setWorkload(const TransportWorkload &workload) { m_workload = workload; }
    const TransportWorkload &workload() const { return m_workload; }
    // The request headers of every client; the default is BrowserHeaders::chromeDefaults().
    void setHeaders(const BrowserHeaders::List &headers) { m_headers = headers; }

    // Starts a run (false, with the reason in error, when the test server cannot listen).
    bool start(QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_running; }
    // The transports finished so far, in order.
    const QList<TransportResult> &results() const { return m_results; }

Q_SIGNALS:
    // 0 to 100 over the whole run.
    void progress(int percent);
    void transportFinished(const wsi::TransportResult &result);
    // Every transport ran (or the run was cancelled: then results() holds those that finished).
    void finished();

private:
    void runNext();
    void onReady();
    void push();
    void sendUp(int index);
    void checkDrained();
    void finishTransport(const QString &error = {});
    void reportProgress();
    void stopServer();

    TransportWorkload m_workload;
    BrowserHeaders::List m_headers;
    Workspace *m_workspace = nullptr;
    LocalServer *m_server = nullptr;
    QList<TransportResult> m_results;
    bool m_running = false;

    // The transport running now; everything it started lives under m_run, so that ending it stops its timers.
    int m_index = -1;
    QPointer<QObject> m_run;
    ThreadedTransportClient *m_client = nullptr;
    std::shared_ptr<TransportClientThread> m_clientThread; // held for the whole run: one thread for the four clients
    bool m_started = false; // the schedule runs (the client said it is ready)
    QElapsedTimer m_clock;
    QList<qint64> m_publishedNs; // by seq - 1, std::chrono::steady_clock as the clients' receipt times
    QList<double> m_latenciesMs;
    int m_delivered = 0;
    int m_sent = 0;
    QString m_clientError;
    QTimer m_progress;
};

} // namespace wsi
