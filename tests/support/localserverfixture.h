// What the local server's tests share (tst_localserver, tst_localserver_wss, the transports' tests): a Workspace and a
// LocalServer of their own per test function, started with options, its URL with a path, the last client recorded.
#pragma once

#include "connection/connection.h"
#include "connection/workspace.h"
#include "server/localserver.h"

#include <QUrl>

#include <memory>

// A second base of the test class (after QObject, which moc needs first).
class LocalServerFixture
{
protected:
    // For init() and cleanup(): every test function gets a fresh workspace and a stopped server.
    void setUp()
    {
        m_workspace = std::make_unique<wsi::Workspace>();
        m_server = std::make_unique<wsi::LocalServer>(m_workspace.get());
    }
    void tearDown()
    {
        m_server.reset();
        m_workspace.reset();
    }

    // Empty when the server started, else why not.
    QString start(const wsi::ServerOptions &options = {})
    {
        QString error;
        if (!m_server->start(options, &error))
            return error;
        return {};
    }
    QString url(const QString &path = QStringLiteral("/chat")) const
    {
        QUrl u = m_server->url();
        u.setPath(path);
        return u.toString();
    }
    wsi::Connection *lastClient() const
    {
        return m_workspace->connections().value(m_workspace->connections().size() - 1);
    }

    std::unique_ptr<wsi::Workspace> m_workspace;
    std::unique_ptr<wsi::LocalServer> m_server;
};
