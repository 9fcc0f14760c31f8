#pragma once

#include "proxy/forwardproxyoptions.h"
#include "proxy/proxyrule.h"
#include "proxy/reverseproxyoptions.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <cstdio>

namespace wsi {

class ChromiumLaunch;
class Connection;
class EventPrinter;
class ForwardProxy;
class HoldConsole;
class ProxyRuleSet;
class ReverseProxy;
class Workspace;

// `wsinspector-cli proxy`: runs the reverse proxy (--to) or the forward HTTP proxy (without) and streams the session
// log of every proxied connection, both legs (each event with its "leg"), until SIGINT/SIGTERM or --duration-ms; then
// closes every client's two sockets and exits. With --hold, --replace or --drop the rules act on the messages
// (ProxyRuleSet); held messages are printed and decided from stdin (HoldConsole).
class ProxyCommand : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        ReverseProxyOptions options;
        int durationMs = 0; // 0: until a signal
        bool showFrames = true;
        qint64 sessionBudgetMb = 4096; // --session-budget-mb (0: no limit)
        bool forward = false; // no --to: the forward HTTP proxy with forwardOptions
        ForwardProxyOptions forwardOptions;
        QUrl chromium; // --chromium URL: opened in Chromium through the forward proxy
        bool chromiumHeadless = false;
        QList<ProxyRule> rules; // --hold, --replace, --drop, in the order given
    };

    ProxyCommand(const Settings &settings, FILE *out, QObject *parent = nullptr);
    ~ProxyCommand() override;

    // Starts listening; emits done(exitCode) exactly once: 1 when the proxy cannot start, else 0 after stop().
    void start();
    // Stops the proxy, closes the clients, prints what is left, ends.
    void stop();

Q_SIGNALS:
    void done(int exitCode);

private:
    void onConnectionAdded(Connection *connection);
    void onClientFinished(Connection *connection);
    void finish(int exitCode);
    // The forward mode's start: listening line with the proxy address and the CA's SPKI hash, then Chromium.
    bool startForward();

    Settings m_settings;
    Workspace *m_workspace;
    ReverseProxy *m_proxy;
    ForwardProxy *m_forward = nullptr;
    ChromiumLaunch *m_chromium = nullptr;
    EventPrinter *m_printer;
    ProxyRuleSet *m_rules = nullptr; // with rules only: without, frames pass untouched
    HoldConsole *m_holdConsole = nullptr;
    QSet<Connection *> m_unfinished;
    QTimer m_duration;
    QTimer m_stopBound;
    bool m_stopping = false;
    bool m_done = false;
};

} // namespace wsi
