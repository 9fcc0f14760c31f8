#pragma once

#include "common/colorscheme.h"
#include "endpoints/connectionoptions.h"
#include "shell/centralarea.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QListView;
class QTabWidget;

namespace wsi {

class Composer;
class ConnectBar;
class ConnectionCommands;
class Connection;
class ConnectionStatsPlot;
class HandshakeDiffDialog;
class ConnectionListModel;
class EventDetailView;
class EventLogView;
class EndpointStore;
class EndpointsPanel;
class HandshakeView;
class LearnDock;
class LearnPanel;
class MainWindowActions;
class MainWindowSettings;
class StatusLine;
class WelcomePage;
class ConnectionSelection;
class ReconnectRegistry;
class ReconnectController;
class ReconnectStrip;
class ForwardProxy;
class ProxyDock;
class ProxyPanel;
class ProxyRuleSet;
class ReverseProxy;
class ServerDock;
class ServerPanel;
class SessionsController;
class ViewState;
class Workspace;
class WindowLessonHost;

// The window: wires the panels to the workspace and keeps the view state they observe (the selected
// connection, reveal secrets, colour scheme). The panels do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Fills in the URL and connects, as if the user had typed it and pressed Connect.
    void connectTo(const QString &url);

    Workspace *workspace() const { return m_workspace; }
    Connection *currentConnection() const;
    void selectConnection(Connection *connection);
    // Opens and selects a client as the connect bar does, with auto-reconnect when the options ask for it.
    Connection *openConnection(const wsi::ConnectionOptions &options);
    // What every panel shows alike; a panel observes it when the window creates it.
    ViewState *viewState() const { return m_viewState; }

    ConnectBar *connectBar() const { return m_central->connectBar(); }
    QListView *connectionList() const { return m_central->connectionList(); }
    HandshakeView *handshakeView() const { return m_central->handshakeView(); }
    EventLogView *eventLogView() const { return m_central->eventLogView(); }
    EventDetailView *detailView() const { return m_central->detailView(); }
    Composer *composer() const { return m_central->composer(); }
    QTabWidget *viewTabs() const { return m_central->tabs(); }
    // Shown while no connection is selected: a first run starts here.
    WelcomePage *welcomePage() const { return m_central->welcomePage(); }
    ServerPanel *serverPanel() const { return m_serverPanel; }
    QDockWidget *serverDock() const;
    // `wsinspector --serve [host:]port`: the test server started there, its dock shown (ServerDock::serveAt).
    bool serveAt(const QString &address);
    // `wsinspector --proxy URL [--proxy-at [host:]port]` and `--forward-proxy [host:]port`: the proxy started, its
    // dock shown (ProxyPanel::startReverseTo, startForwardAt).
    bool proxyTo(const QString &upstream, const QString &at);
    bool forwardProxyAt(const QString &at);
    // The reverse proxy: its clients are connections of this window's workspace. The Proxy dock drives it.
    ReverseProxy *reverseProxy() const { return m_reverseProxy; }
    ForwardProxy *forwardProxy() const { return m_forwardProxy; }
    // Breakpoints, rules and injection, shared by both proxies.
    ProxyRuleSet *proxyRules() const { return m_proxyRules; }
    ProxyDock *proxyDock() const { return m_proxyDock; }
    ProxyPanel *proxyPanel() const;
    // The Learn panel's dock (Help > Learn WebSocket, Ctrl+Shift+L); its lessons drive this window.
    LearnDock *learnDock() const { return m_learnDock; }
    LearnPanel *learnPanel() const;
    EndpointsPanel *endpointsPanel() const { return m_central->endpointsPanel(); }
    // Saved endpoints and recent URLs, as the connect bar, the Endpoints panel and the welcome page show them.
    EndpointStore *endpointStore() const { return m_endpointStore; }
    ConnectionStatsPlot *statsPlot() const { return m_central->statsPlot(); }
    // The diff dialog opened last by Compare Handshakes (null once closed).
    HandshakeDiffDialog *handshakeDiffDialog() const;
    // Compares the two selected connections' handshakes; with one selected, that one and the previous
    // attempt at the same URL. False (with a status message) when there is nothing to compare.
    bool compareHandshakes();
    // The welcome page's "Try it": starts the test server (when it is not running) and connects a client to it.
    void tryTestServer();
    void setRevealSecrets(bool reveal);
    QString statusText() const;
    ReconnectStrip *reconnectStrip() const { return m_central->reconnectStrip(); }
    // Auto-reconnect of the endpoint this connection belongs to; null when it has none.
    ReconnectController *reconnectControllerFor(const Connection *connection) const;
    // Journaling, import, export and previous sessions.
    SessionsController *sessions() const { return m_sessions; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createCentralWidget();
    void retranslate();
    void wireActions();
    MainWindowSettings settings();

    void onConnectRequested(const wsi::ConnectionOptions &options);
    void onCurrentConnectionChanged(Connection *current, Connection *previous);
    void onRevealSecretsChanged(bool reveal);
    void onColorSchemeChanged(wsi::ColorScheme::Scheme scheme);
    void onCurrentStateChanged();
    void updateTitle();

    void showPreferences();
    void createServerDock();
    void createLearnDock();
    void createProxyDock();
    void saveCurrentAsEndpoint();
    void connectToEndpoint(const wsi::ConnectionOptions &options);
    QString shownUrl(const Connection *connection) const;

    Workspace *m_workspace = nullptr;
    ConnectionListModel *m_connectionModel = nullptr;
    ViewState *m_viewState = nullptr;
    SessionsController *m_sessions = nullptr;
    ReconnectRegistry *m_reconnectors = nullptr;

    CentralArea *m_central = nullptr;
    ServerDock *m_serverDock = nullptr;
    ServerPanel *m_serverPanel = nullptr;
    std::unique_ptr<WindowLessonHost> m_lessonHost;
    LearnDock *m_learnDock = nullptr;
    ReverseProxy *m_reverseProxy = nullptr;
    ForwardProxy *m_forwardProxy = nullptr;
    ProxyRuleSet *m_proxyRules = nullptr;
    ProxyDock *m_proxyDock = nullptr;
    EndpointStore *m_endpointStore = nullptr;
    MainWindowActions *m_actions = nullptr;
    StatusLine *m_status = nullptr;
    ConnectionSelection *m_selection = nullptr;
    ConnectionCommands *m_commands = nullptr;
};

} // namespace wsi
