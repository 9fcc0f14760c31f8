// CentralArea: the window's central widget: connect bar, reconnect strip, sidebar, and the welcome page or the views.
#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace wsi {

class Composer;
class ConnectBar;
class Connection;
class ConnectionListModel;
class ConnectionStatsPlot;
class EndpointStore;
class EndpointsPanel;
class EventDetailView;
class EventLogView;
class HandshakeView;
class MainWindowActions;
class PairsView;
class ReconnectStrip;
class ViewState;
class WelcomePage;

// Builds the panels under the toolbar and lays them out; the window wires them to the workspace. While no
// connection is selected (on a first run: none exists) the welcome page takes the place of the views.
class CentralArea : public QWidget
{
    Q_OBJECT
public:
    // Loads the endpoint store (its errors show in the Endpoints panel); the actions are the window's, listed in
    // the connection list's context menu.
    explicit CentralArea(EndpointStore *store, ConnectionListModel *connections, ViewState *viewState,
        MainWindowActions *actions, QWidget *parent = nullptr);
    ~CentralArea() override;

    ConnectBar *connectBar() const { return m_connectBar; }
    ReconnectStrip *reconnectStrip() const { return m_reconnectStrip; }
    QListView *connectionList() const { return m_connectionList; }
    EndpointsPanel *endpointsPanel() const { return m_endpointsPanel; }
    WelcomePage *welcomePage() const { return m_welcome; }
    QTabWidget *tabs() const { return m_tabs; }
    QWidget *messagesPage() const { return m_messagesPage; }
    HandshakeView *handshakeView() const { return m_handshakeView; }
    EventLogView *eventLogView() const { return m_eventLogView; }
    EventDetailView *detailView() const { return m_detailView; }
    Composer *composer() const { return m_composer; }
    ConnectionStatsPlot *statsPlot() const { return m_statsPlot; }
    PairsView *pairsView() const { return m_pairsView; }
    QSplitter *mainSplitter() const { return m_mainSplitter; }
    QSplitter *messagesSplitter() const { return m_messagesSplitter; }
    QSplitter *sidebarSplitter() const { return m_sidebarSplitter; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate(); // the texts this area sets itself; its panels retranslate their own
    QWidget *createSidebar(EndpointStore *store, ConnectionListModel *connections, MainWindowActions *actions);
    QWidget *createViews(MainWindowActions *actions);
    void onCurrentConnectionChanged(Connection *current);
    // The log gives the composer its room back when it unfolds, and takes it when it folds.
    void fitComposer(bool collapsed);
    // A short window (a laptop with a dock open) leaves the connection options a few pixels: the composer folds
    // while they are open, and unfolds when they close unless the user unfolded it meanwhile.
    void makeRoomForOptions(bool shown);

    ViewState *m_viewState;
    ConnectBar *m_connectBar = nullptr;
    ReconnectStrip *m_reconnectStrip = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_sidebarSplitter = nullptr;
    QSplitter *m_messagesSplitter = nullptr;
    int m_unfoldedComposerHeight = 0; // before the composer folded: its height when it unfolds
    bool m_foldedForOptions = false;
    EndpointsPanel *m_endpointsPanel = nullptr;
    QLabel *m_connectionsLabel = nullptr;
    QListView *m_connectionList = nullptr;
    QStackedWidget *m_stack = nullptr;
    WelcomePage *m_welcome = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_messagesPage = nullptr;
    HandshakeView *m_handshakeView = nullptr;
    EventLogView *m_eventLogView = nullptr;
    EventDetailView *m_detailView = nullptr;
    Composer *m_composer = nullptr;
    ConnectionStatsPlot *m_statsPlot = nullptr;
    PairsView *m_pairsView = nullptr;
};

} // namespace wsi
