// QtEngineServer: the test server's Qt engine: a QWebSocketServer behind the recording relay, both legs recorded.
#include "proxy/qtengineserver.h"

#include "proxy/reverseproxy.h"
#include "server/qtechoserver.h"

namespace wsi {

namespace {

// How long the relay keeps the clients' sockets after the Qt server said 1001, for the closing handshakes.
constexpr int kStopBoundMs = 1000;

} // namespace

QtEngineServer::QtEngineServer(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_qt(new QtEchoServer(this))
    , m_relay(new ReverseProxy(workspace, this))
{
    m_stopBound.setSingleShot(true);
    m_stopBound.setInterval(kStopBoundMs);
    connect(&m_stopBound, &QTimer::timeout, this, &QtEngineServer::finishStop);
}

QtEngineServer::~QtEngineServer()
{
    m_stopBound.stop();
    m_qt->stop();
    m_relay->stop();
}

bool QtEngineServer::start(const ServerOptions &options, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_running)
        return fail(tr("The server is already running."));
    if (options.engine != ServerEngine::Qt)
        return fail(tr("These options are for the built-in engine, not the Qt engine."));
    const QString problem = options.validate();
    if (!problem.isEmpty())
        return fail(problem);
    if (m_stopBound.isActive()) { // a restart while the previous run's clients were still closing
        m_stopBound.stop();
        finishStop();
    }
    QString why;
    if (!m_qt->start(options.mode, options.maxMessageSize, &why))
        return fail(why);
    ReverseProxyOptions relay;
    relay.address = options.address;
    relay.port = options.port;
    relay.upstream.url = m_qt->url();
    relay.maxFrameBytes = options.maxMessageSize;
    relay.sendVia = false;
    if (!m_relay->start(relay, &why)) {
        m_qt->stop();
        return fail(why);
    }
    m_options = options;
    m_running = true;
    m_url = m_relay->url();
    Q_EMIT started(m_url);
    return true;
}

void QtEngineServer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_qt->stop();
    // The 1001 Close frames are on their way through the relay: its clients end as the closing handshakes do.
    m_stopBound.start();
    Q_EMIT stopped();
}

void QtEngineServer::finishStop()
{
    m_relay->stop();
}

bool QtEngineServer::isRunning() const
{
    return m_running;
}

QUrl QtEngineServer::url() const
{
    return m_running ? m_url : QUrl();
}

quint16 QtEngineServer::port() const
{
    return m_running ? quint16(m_url.port()) : 0;
}

QUrl QtEngineServer::qtUrl() const
{
    return m_qt->isListening() ? m_qt->url() : QUrl();
}

int QtEngineServer::clientCount() const
{
    return m_relay->clientCount();
}

} // namespace wsi
