// Saves and restores the window's layout and view choices under their QSettings keys.
#pragma once

class QAction;
class QMainWindow;
class QSplitter;
class QTabWidget;

namespace wsi {

class ConnectionStatsPlot;
class EventLogView;
class HandshakeView;
class ViewState;

class MainWindowSettings
{
public:
    // What is remembered between runs; the window owns all of it.
    struct Parts
    {
        QMainWindow *window = nullptr;
        QSplitter *mainSplitter = nullptr;
        QSplitter *messagesSplitter = nullptr;
        QSplitter *sidebarSplitter = nullptr;
        HandshakeView *handshakeView = nullptr;
        EventLogView *eventLogView = nullptr;
        QAction *showFramesAction = nullptr;
        QAction *relativeTimeAction = nullptr;
        QTabWidget *tabs = nullptr;
        ConnectionStatsPlot *statsPlot = nullptr;
        ViewState *viewState = nullptr;
    };

    explicit MainWindowSettings(const Parts &parts);

    void restore() const;
    void save() const;

private:
    Parts m_parts;
};

} // namespace wsi
