#pragma once

// What the tst_serverprotocol* tests share: a LocalServer in its own Workspace, made fresh for each test
// function, and what the connection it created for the last client recorded.

#include "connection/connection.h"
#include "connection/workspace.h"
#include "eventquery.h"
#include "server/localserver.h"

#include <QString>
#include <QStringList>
#include <QTest>

#include <memory>

// Inherited (privately, after QObject) by each test class; its init() and cleanup() call these.
class ServerProtocolFixture
{
protected:
    std::unique_ptr<wsi::Workspace> m_workspace;
    std::unique_ptr<wsi::LocalServer> m_server;

    void start(const wsi::ServerOptions &options = {})
    {
        QString error;
        QVERIFY2(m_server->start(options, &error), qPrintable(error));
    }
    QString url() const { return m_server->url().toString(); }
    wsi::Connection *lastClient() const
    {
        return m_workspace->connections().value(m_workspace->connections().size() - 1);
    }
    QString errorsOf(const wsi::Connection &c) const
    {
        QStringList out;
        for (wsi::Direction dir : { wsi::Direction::Incoming, wsi::Direction::Outgoing, wsi::Direction::None }) {
            for (qsizetype row : eventsOf(c, wsi::EventType::Error, dir))
                out << c.events().payloadText(row);
        }
        return out.join('\n');
    }

    void createServer()
    {
        m_workspace = std::make_unique<wsi::Workspace>();
        m_server = std::make_unique<wsi::LocalServer>(m_workspace.get());
    }

    void destroyServer()
    {
        m_server.reset();
        m_workspace.reset();
    }
};
