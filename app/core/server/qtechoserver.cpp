// QtEchoServer: an in-process QWebSocketServer on loopback that echoes (or stays silent): the Qt engine's server.
#include "server/qtechoserver.h"

#include "server/qtecholistener.h"
#include "server/serverthread.h"

#include <QThread>

namespace wsi {

QString QtEchoServer::serverName()
{
    return QStringLiteral("WS Inspector Qt engine");
}

QtEchoServer::QtEchoServer(QObject *parent)
    : QObject(parent)
{ }

QtEchoServer::~QtEchoServer()
{
    stop();
    dropListener();
}

bool QtEchoServer::start(ServerMode mode, qint64 maxMessageSize, QString *error)
{
    if (!qtEngineSupportsMode(mode)) {
        if (error)
            *error = tr("The Qt engine has the echo and silent modes only.");
        return false;
    }
    stop();
    dropListener();
    m_thread = ServerThread::acquire();
    bool listening = false;
    QString why;
    // Made on the server thread, so that the sockets it accepts are born there; this thread waits for the answer, so
    // that start() can say at once why it cannot listen.
    QMetaObject::invokeMethod(
        m_thread->context(),
        [&] {
            m_listener = new QtEchoListener;
            listening = m_listener->listen(mode, maxMessageSize, &why);
            m_port = listening ? m_listener->port() : 0;
        },
        Qt::BlockingQueuedConnection);
    if (listening)
        return true;
    dropListener();
    if (error)
        *error = tr("The Qt WebSocket server could not listen on 127.0.0.1: %1").arg(why);
    return false;
}

void QtEchoServer::stop()
{
    m_port = 0;
    if (m_listener)
        QMetaObject::invokeMethod(
            m_listener, [listener = m_listener] { listener->stop(); }, Qt::BlockingQueuedConnection);
}

void QtEchoServer::dropListener()
{
    if (m_listener)
        m_listener->deleteLater(); // its clients' Going Away frames are queued there before it
    m_listener = nullptr;
    m_thread.reset(); // the last holder stops the thread after what was posted to it, and joins it
}

QUrl QtEchoServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/"));
    return url;
}

QThread *QtEchoServer::socketThread() const
{
    return m_listener ? m_listener->thread() : nullptr;
}

} // namespace wsi
