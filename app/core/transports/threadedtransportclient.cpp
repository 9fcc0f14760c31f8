// ThreadedTransportClient: one of the comparison's clients, run on the TransportClientThread and driven from here.
#include "transports/threadedtransportclient.h"

#include "transports/transportclient.h"
#include "transports/transportclientthread.h"

#include <QThread>

namespace wsi {

ThreadedTransportClient::ThreadedTransportClient(TransportClient *client, QObject *parent)
    : QObject(parent)
    , m_thread(TransportClientThread::acquire())
    , m_client(client)
{
    m_client->moveToThread(m_thread->thread());
    // Queued (the client's thread emits them): a stopped handle drops what was already on its way.
    connect(m_client, &TransportClient::ready, this, [this] {
        if (!m_stopped)
            Q_EMIT ready();
    });
    connect(m_client, &TransportClient::received, this, [this](int seq, qint64 steadyNs) {
        if (!m_stopped)
            Q_EMIT received(seq, steadyNs);
    });
    connect(m_client, &TransportClient::failed, this, [this](const QString &error) {
        if (!m_stopped)
            Q_EMIT failed(error);
    });
}

ThreadedTransportClient::~ThreadedTransportClient()
{
    stop();
    // After the posted stop(); the thread (if this was its last holder) stops after both and is joined.
    m_client->deleteLater();
}

template <typename F> void ThreadedTransportClient::post(F f)
{
    QMetaObject::invokeMethod(
        m_client, [client = m_client, f = std::move(f)] { f(client); }, Qt::QueuedConnection);
}

void ThreadedTransportClient::start(const QUrl &server, const BrowserHeaders::List &headers)
{
    post([server, headers](TransportClient *client) { client->start(server, headers); });
}

void ThreadedTransportClient::send(const QByteArray &message)
{
    if (!m_stopped)
        post([message](TransportClient *client) { client->send(message); });
}

void ThreadedTransportClient::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    post([](TransportClient *client) { client->stop(); });
}

} // namespace wsi
