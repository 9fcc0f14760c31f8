// RelayHandle: the GUI thread's side of the local server's FrontRelay, which runs on the ServerThread.
#include "server/relayhandle.h"

#include "server/frontrelay.h"
#include "server/servedclients.h"
#include "server/serverthread.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

namespace wsi {

RelayHandle::RelayHandle(QObject *parent)
    : QObject(parent)
{ }

RelayHandle::~RelayHandle()
{
    if (!m_relay)
        return;
    // What the relay sent and this thread has not applied yet goes first, then the relay goes on its thread; its
    // clients still connected end their record there (~FrontRelay), and those last batches are applied here.
    QCoreApplication::sendPostedEvents(m_clients, QEvent::MetaCall);
    m_clients->applyQueued();
    m_clients->relayGone();
    QList<ServedBatch> last;
    QMetaObject::invokeMethod(
        m_relay,
        [relay = m_relay, &last] {
            QObject::disconnect(relay, &FrontRelay::batchReady, nullptr, nullptr);
            QObject::connect(relay, &FrontRelay::batchReady, [&last](const ServedBatch &batch) { last << batch; });
            delete relay;
        },
        Qt::BlockingQueuedConnection);
    m_relay = nullptr;
    m_sideDoor = nullptr;
    for (const ServedBatch &batch : std::as_const(last))
        m_clients->apply(batch);
    // m_thread goes with this handle: if it was the last holder, the thread stops and is joined.
}

bool RelayHandle::listen(const Setup &setup, QString *error, bool *addressInUse)
{
    m_thread = ServerThread::acquire();
    // Made on the server thread, so that its timers, its read-pass gauge and every socket it accepts belong there;
    // this thread waits for the answer, so that start() can say at once why it cannot listen.
    QMetaObject::invokeMethod(
        m_thread->context(),
        [&] {
            m_relay = new FrontRelay;
            m_relay->setClientSettings(setup.settings);
            m_relay->setTlsConfiguration(setup.tls);
            m_relay->setBehaviour(std::make_unique<ServerBehaviour>(setup.options, setup.counts));
            if (setup.sideDoor)
                m_relay->openSideDoor(setup.sideDoor);
            m_sideDoor = m_relay->sideDoor();
            m_listening = m_relay->listen(setup.address, setup.port);
            m_port = m_relay->serverPort();
            if (!m_listening) {
                *error = m_relay->errorString();
                *addressInUse = m_relay->serverError() == QAbstractSocket::AddressInUseError;
                delete m_relay;
                m_relay = nullptr;
                m_sideDoor = nullptr;
            }
        },
        Qt::BlockingQueuedConnection);
    if (!m_listening) {
        m_thread.reset();
        return false;
    }
    m_clients = new ServedClients(m_relay, this);
    connect(m_relay, &FrontRelay::tlsFailed, this, &RelayHandle::tlsFailed);
    return true;
}

void RelayHandle::setMode(ServerMode mode)
{
    if (m_clients)
        m_clients->post([mode](FrontRelay *relay) {
            if (ServerBehaviour *behaviour = relay->behaviour())
                behaviour->setMode(mode);
        });
}

void RelayHandle::setAutoReplies(const QList<AutoReplyRule> &rules)
{
    if (m_clients)
        m_clients->post([rules](FrontRelay *relay) {
            if (ServerBehaviour *behaviour = relay->behaviour())
                behaviour->setAutoReplies(rules);
        });
}

void RelayHandle::stop(int code, const QString &reason)
{
    if (!m_relay || !m_listening)
        return;
    m_listening = false;
    QMetaObject::invokeMethod(
        m_relay, [relay = m_relay] { relay->close(); }, Qt::BlockingQueuedConnection); // no new clients
    m_clients->post([code, reason](FrontRelay *relay) { relay->stopServing(code, reason); });
}

void RelayHandle::retireAfter(int ms)
{
    setParent(QCoreApplication::instance()); // still deleted if the program ends first
    QTimer::singleShot(ms, this, &QObject::deleteLater);
}

} // namespace wsi
