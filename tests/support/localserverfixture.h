// What the local server's tests with real clients share (tst_localserver, tst_localserver_wss): a Workspace and a
// LocalServer of their own per test function, started with options, its URL with a path, the last client recorded.
#pragma once

#include "connection/connection.h"
#include "connection/workspace.h"
#include "server/localserver.h"

#include <QUrl>

#include <memory>

class LocalServerFixture
{
public:
    // For init() and cleanup(): every test function gets a fresh workspace and a stopped server.
    void setUp()
    {
        workspace = std::make_unique<wsi::Workspace>();
        server = std::make_unique<wsi::LocalServer>(workspace.get());
    }
    void tearDown()
    {
        server.reset();
        workspace.reset();
    }

    // Empty when the server started, else why not.
    QString start(const wsi::ServerOptions &options = {})
    {
        QString error;
        if (!server->start(options, &error))
            return error;
        return {};
    }
    QString url(const QString &path = QStringLiteral("/chat")) const
    {
        QUrl u = server->url();
        u.setPath(path);
        return u.toString();
    }
    wsi::Connection *lastClient() const { return workspace->connections().value(workspace->connections().size() - 1); }

    std::unique_ptr<wsi::Workspace> workspace;
    std::unique_ptr<wsi::LocalServer> server;
};
