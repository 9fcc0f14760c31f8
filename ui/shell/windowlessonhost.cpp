// WindowLessonHost: the main window as the Learn lessons see it (the LessonHost calls, nothing more).
#include "shell/windowlessonhost.h"

#include "connection/connection.h"
#include "handshake/handshakeview.h"
#include "log/eventlogview.h"
#include "server/localserver.h"
#include "server/serverpanel.h"
#include "shell/mainwindow.h"
#include "tls/certificateauthority.h"

#include <QAction>
#include <QDockWidget>
#include <QTabWidget>

namespace wsi {

WindowLessonHost::WindowLessonHost(MainWindow *window)
    : m_window(window)
{ }

// The wss server's clients are workspace connections: it stops while the workspace is still there.
WindowLessonHost::~WindowLessonHost() = default;

LocalServer *WindowLessonHost::ensureTestServer(QString *error)
{
    LocalServer *server = m_window->serverPanel()->server();
    if (server->isRunning() && !server->options().tls)
        return server; // the user's server, as they set it up
    if (server->isRunning()) {
        *error = tr("The test server is running with wss; stop it, and the lesson starts a ws one.");
        return nullptr;
    }
    // Loopback only and echo: the lesson's messages come back, and nothing is exposed to the network.
    ServerOptions options;
    options.address = QHostAddress::LocalHost;
    options.mode = ServerMode::Echo;
    if (!server->start(options, error))
        return nullptr;
    m_window->serverDock()->show(); // the server side of the lesson, with its URL and clients
    return server;
}

LocalServer *WindowLessonHost::ensureTlsTestServer(QString *caFile, QString *error)
{
    QString warning;
    CertificateAuthority *authority = Connection::defaultCertificateAuthority(&warning);
    if (!authority || authority->certificate().isNull()) {
        *error = tr("No certificate for wss: the app's CA is not available. %1").arg(warning);
        return nullptr;
    }
    *caFile = authority->certificatePath();
    LocalServer *panelServer = m_window->serverPanel()->server();
    if (panelServer->isRunning() && panelServer->options().tls && panelServer->options().certificateFile.isEmpty())
        return panelServer;
    if (m_tlsServer && m_tlsServer->isRunning())
        return m_tlsServer.get();
    m_tlsServer = std::make_unique<LocalServer>(m_window->workspace());
    m_tlsServer->useCertificateAuthority(authority);
    ServerOptions options;
    options.address = QHostAddress::LocalHost;
    options.tls = true;
    options.mode = ServerMode::Echo;
    if (!m_tlsServer->start(options, error)) {
        m_tlsServer.reset();
        return nullptr;
    }
    return m_tlsServer.get();
}

Connection *WindowLessonHost::openConnection(const ConnectionOptions &options)
{
    return m_window->openConnection(options);
}

ReconnectController *WindowLessonHost::reconnectControllerFor(const Connection *connection) const
{
    return m_window->reconnectControllerFor(connection);
}

void WindowLessonHost::selectConnection(Connection *connection)
{
    m_window->selectConnection(connection);
}

void WindowLessonHost::showView(View view)
{
    // The window's own View actions (Ctrl+1, Ctrl+2): the lesson does what the user would.
    const QString name
        = view == View::Handshake ? QStringLiteral("handshakeTabAction") : QStringLiteral("messagesTabAction");
    if (auto *action = m_window->findChild<QAction *>(name))
        action->trigger();
}

bool WindowLessonHost::highlightHeader(const QByteArray &name)
{
    return m_window->handshakeView()->highlightHeader(name);
}

void WindowLessonHost::highlightEvent(int eventIndex)
{
    m_window->eventLogView()->selectEvent(eventIndex);
}

} // namespace wsi
