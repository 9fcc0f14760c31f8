// ForwardProxy: the forward proxy's GUI side: starts its listener on the ProxyThread, applies its batches, counts.
#include "proxy/forwardproxy.h"

#include "connection/connection.h"
#include "proxy/forwardlistener.h"
#include "proxy/framehook.h"
#include "proxy/proxiedclients.h"
#include "proxy/proxythread.h"
#include "proxy/upstreamrequest.h"
#include "tls/certificateauthority.h"
#include "tls/spkihash.h"

#include <QCoreApplication>
#include <QPointer>

#include <utility>

namespace wsi {

ForwardProxy::ForwardProxy(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{ }

ForwardProxy::~ForwardProxy()
{
    stop();
}

bool ForwardProxy::start(const ForwardProxyOptions &options, QString *error)
{
    QString problem = options.validate();
    if (problem.isEmpty() && !m_authority) {
        QString warning;
        m_authority = Connection::defaultCertificateAuthority(&warning);
        if (!m_authority || m_authority->certificate().isNull())
            problem = tr("The inspector's certificate authority could not be loaded: %1").arg(warning);
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    retireListener(); // an earlier run's clients were stopped
    m_passThroughCount = 0;
    m_passThroughBytes = 0;
    m_refusedCount = 0;
    m_thread = ProxyThread::acquire();
    auto post = [self = QPointer<ForwardProxy>(this)](std::function<void(ProxiedClientHost *)> call) {
        if (ForwardListener *listener = self ? self->m_listener : nullptr)
            QMetaObject::invokeMethod(
                listener, [listener, call] { call(listener); }, Qt::QueuedConnection);
    };
    m_proxied = new ProxiedClients(m_workspace, options.upstreamTls, post, this);
    connect(m_proxied, &ProxiedClients::countChanged, this, &ForwardProxy::countsChanged);
    ProxiedClients *proxied = m_proxied;
    const std::shared_ptr<SharedRules> rules = m_hook ? m_hook->rulesForRelayThread() : nullptr;
    const QByteArray viaToken = UpstreamRequest::newViaToken();
    ForwardListener *listener = nullptr;
    QString reason;
    quint16 port = 0;
    // Made on the proxy thread, so that its timer and every socket it accepts belong there; this thread waits for the
    // answer, so that start() can say at once why it cannot listen.
    QMetaObject::invokeMethod(
        m_thread->context(),
        [&] {
            listener = new ForwardListener(options, m_authority, viaToken);
            if (rules)
                listener->setRules(rules, post);
            listener->setSink(proxied->sink());
            listener->setAnnouncer([proxied](quint64 client, const ConnectionOptions &upstream) {
                QMetaObject::invokeMethod(
                    proxied, [proxied, client, upstream] { proxied->setUpstreamOf(client, upstream); },
                    Qt::QueuedConnection);
            });
            // Queued to this thread, in the order the listener emits them; connected before a client can come.
            connect(listener, &ForwardListener::passThroughStarted, this, [this] {
                ++m_passThroughCount;
                Q_EMIT countsChanged();
            });
            connect(listener, &ForwardListener::passThroughCounted, this, [this](qint64 bytes) {
                m_passThroughBytes += bytes;
                Q_EMIT countsChanged();
            });
            connect(listener, &ForwardListener::refused, this, &ForwardProxy::onRefused);
            if (listener->listen(&reason)) {
                m_listeningAddress = listener->serverAddress();
                port = listener->serverPort();
            }
        },
        Qt::BlockingQueuedConnection);
    m_listener = listener;
    if (port == 0) {
        retireListener();
        if (error)
            *error = tr("The proxy could not listen on %1 port %2: %3")
                         .arg(options.address.toString())
                         .arg(options.port)
                         .arg(reason);
        return false;
    }
    m_options = options;
    m_options.port = port;
    return true;
}

void ForwardProxy::retireListener()
{
    if (m_listener) {
        m_proxied->retire(std::exchange(m_listener, nullptr));
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall); // its last counts and refusals
    }
    if (m_proxied) {
        m_proxied->deleteLater();
        m_proxied = nullptr;
    }
    m_thread.reset(); // the last holder stops and joins it
}

void ForwardProxy::stop()
{
    retireListener();
}

int ForwardProxy::webSocketCount() const
{
    return m_proxied ? m_proxied->count() : 0;
}

QUrl ForwardProxy::proxyUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    const QHostAddress address = m_listener ? m_listeningAddress : QHostAddress();
    url.setHost(address == QHostAddress::AnyIPv4 || address == QHostAddress::Any ? QStringLiteral("127.0.0.1")
                                                                                 : address.toString());
    url.setPort(m_listener ? m_options.port : 0);
    return url;
}

QString ForwardProxy::caSpkiSha256() const
{
    return m_authority ? SpkiHash::sha256Base64(m_authority->certificate()) : QString();
}

void ForwardProxy::onRefused(const QString &peer, const RecordedText &why)
{
    ++m_refusedCount;
    Q_EMIT refused(peer, why.translated()); // for the user only (stderr, the panel); the client got why.english()
    Q_EMIT countsChanged();
}

} // namespace wsi
