// ThreadedTransportClient: one of the comparison's clients, run on the TransportClientThread and driven from here.
#pragma once

#include "transports/browserheaders.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace wsi {

class TransportClient;
class TransportClientThread;

// Issue 12: the comparison's clients read their sockets off the GUI thread. This handle takes a TransportClient made
// here and not started yet (so nothing of it has a socket or a timer), moves it to the TransportClientThread, and
// posts start(), send() and stop() to it in order; its signals come back queued. A message's receipt time is taken
// on the client's thread as it comes off the wire (TransportClient::received), so the hop to this thread is not
// part of the latency. Deleting the handle stops the client and deletes it on its thread.
class ThreadedTransportClient : public QObject
{
    Q_OBJECT
public:
    // client: without parent, not started.
    explicit ThreadedTransportClient(TransportClient *client, QObject *parent = nullptr);
    ~ThreadedTransportClient() override;

    void start(const QUrl &server, const BrowserHeaders::List &headers);
    void send(const QByteArray &message);
    // Nothing is emitted after it.
    void stop();
    // The client on its thread, for tests (which thread it and its sockets are on); use it there only.
    TransportClient *clientOnItsThread() const { return m_client; }

Q_SIGNALS:
    void ready();
    // Server message seq came off the wire at steadyNs (std::chrono::steady_clock, in nanoseconds).
    void received(int seq, qint64 steadyNs);
    void failed(const QString &error);

private:
    template <typename F> void post(F f);

    std::shared_ptr<TransportClientThread> m_thread;
    TransportClient *m_client; // lives on m_thread
    bool m_stopped = false;
};

} // namespace wsi
