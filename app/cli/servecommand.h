#pragma once

#include "server/serveroptions.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <cstdio>

namespace wsi {

class Connection;
class EventPrinter;
class LocalServer;
class QtEngineServer;
class Workspace;

// `wsinspector-cli serve`: runs the local test server (the built-in engine, or --engine qt: a QWebSocketServer
// behind the recording relay, each client with two legs) and streams the session log of every client (each
// with its own conn) until SIGINT/SIGTERM or --duration-ms, then closes the clients with 1001 and exits.
class ServeCommand : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        ServerOptions options;
        int durationMs = 0; // 0: until a signal
        bool showFrames = true;
        qint64 sessionBudgetMb = 4096; // --session-budget-mb (0: no limit)
    };

    ServeCommand(const Settings &settings, FILE *out, QObject *parent = nullptr);
    ~ServeCommand() override;

    // Starts listening; emits done(exitCode) exactly once: 1 when the server cannot start, else 0 after stop().
    void start();
    // Stops the server, waits (bounded) for the clients' closing handshakes, prints what is left, ends.
    void stop();

Q_SIGNALS:
    void done(int exitCode);

private:
    void onConnectionAdded(Connection *connection);
    void onClientFinished(Connection *connection);
    void finish(int exitCode);

    Settings m_settings;
    Workspace *m_workspace;
    LocalServer *m_server;
    QtEngineServer *m_qtServer; // --engine qt
    EventPrinter *m_printer;
    QSet<Connection *> m_unfinished;
    QTimer m_duration;
    QTimer m_stopBound;
    bool m_stopping = false;
    bool m_done = false;
};

} // namespace wsi
