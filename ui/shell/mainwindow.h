#pragma once

#include "common/colorscheme.h"
#include "endpoints/connectionoptions.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QListView;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace wsi {

class Composer;
class ConnectBar;
class Connection;
class ConnectionStatsPlot;
class HandshakeDiffDialog;
class ConnectionListModel;
class EventDetailView;
class EventLogView;
class EndpointStore;
class EndpointsPanel;
class HandshakeView;
class MainWindowActions;
class MainWindowSettings;
class ReconnectRegistry;
class ReconnectController;
class ReconnectStrip;
class ServerPanel;
class SessionsController;
class ViewState;
class Workspace;

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
    // What every panel shows alike; a panel observes it when the window creates it.
    ViewState *viewState() const { return m_viewState; }

    ConnectBar *connectBar() const { return m_connectBar; }
    QListView *connectionList() const { return m_connectionList; }
    HandshakeView *handshakeView() const { return m_handshakeView; }
    EventLogView *eventLogView() const { return m_eventLogView; }
    EventDetailView *detailView() const { return m_detailView; }
    Composer *composer() const { return m_composer; }
    QTabWidget *viewTabs() const { return m_tabs; }
    ServerPanel *serverPanel() const { return m_serverPanel; }
    QDockWidget *serverDock() const { return m_serverDock; }
    EndpointsPanel *endpointsPanel() const { return m_endpointsPanel; }
    ConnectionStatsPlot *statsPlot() const { return m_statsPlot; }
    // The diff dialog opened last by Compare Handshakes (null once closed).
    HandshakeDiffDialog *handshakeDiffDialog() const;
    // Compares the two selected connections' handshakes; with one selected, that one and the previous
    // attempt at the same URL. False (with a status message) when there is nothing to compare.
    bool compareHandshakes();
    void setRevealSecrets(bool reveal);
    QString statusText() const;
    ReconnectStrip *reconnectStrip() const { return m_reconnectStrip; }
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
    MainWindowSettings settings();

    void onConnectRequested(const wsi::ConnectionOptions &options);
    void onConnectionRowsInserted(const QModelIndex &parent, int first, int last);
    void onCurrentRowChanged();
    void selectRow(int row);
    void onCurrentConnectionChanged(Connection *current, Connection *previous);
    void onRevealSecretsChanged(bool reveal);
    void onColorSchemeChanged(wsi::ColorScheme::Scheme scheme);
    void onCurrentStateChanged();
    void updateTitle();
    void updateActions();
    void updateStatus();

    void newConnection();
    void disconnectCurrent();
    void closeCurrentWithCode();
    void removeCurrent();
    void showAbout();
    void showPreferences();
    void createServerDock();
    void saveCurrentAsEndpoint();
    void connectToEndpoint(const wsi::ConnectionOptions &options);
    QString shownUrl(const Connection *connection) const;

    Workspace *m_workspace = nullptr;
    ConnectionListModel *m_connectionModel = nullptr;
    ViewState *m_viewState = nullptr;
    SessionsController *m_sessions = nullptr;
    ReconnectRegistry *m_reconnectors = nullptr;

    ConnectBar *m_connectBar = nullptr;
    QListView *m_connectionList = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_emptyState = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_messagesPage = nullptr;
    HandshakeView *m_handshakeView = nullptr;
    EventLogView *m_eventLogView = nullptr;
    EventDetailView *m_detailView = nullptr;
    Composer *m_composer = nullptr;
    QDockWidget *m_serverDock = nullptr;
    ServerPanel *m_serverPanel = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_messagesSplitter = nullptr;
    QSplitter *m_sidebarSplitter = nullptr;
    EndpointStore *m_endpointStore = nullptr;
    EndpointsPanel *m_endpointsPanel = nullptr;
    ConnectionStatsPlot *m_statsPlot = nullptr;
    QPointer<HandshakeDiffDialog> m_diffDialog;
    MainWindowActions *m_actions = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_connectionsLabel = nullptr;
    ReconnectStrip *m_reconnectStrip = nullptr;
    QLabel *m_countersLabel = nullptr;
    QTimer *m_statusTimer = nullptr; // counters change per message; the status bar repaints a few times a second
};

} // namespace wsi
