// Saves and restores the window's layout and view choices under their QSettings keys.
#pragma once

class QAction;
class QRect;
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
        QAction *showComposerAction = nullptr;
        QTabWidget *tabs = nullptr;
        ConnectionStatsPlot *statsPlot = nullptr;
        ViewState *viewState = nullptr;
    };

    explicit MainWindowSettings(const Parts &parts);

    // Restores what was saved; the window's geometry never larger than the screen's available area. Without
    // saved settings (a first run), the window takes firstRunGeometry() of its screen.
    void restore() const;
    void save() const;

    // A first run: 80% of the available area, at least 1024x700 and at most 1600x1000 (both within the area),
    // centred in it.
    static QRect firstRunGeometry(const QRect &available);
    // Shrinks a restored geometry that no longer fits (a smaller screen than last time) and moves it into the area.
    static QRect fittedGeometry(const QRect &restored, const QRect &available);

private:
    Parts m_parts;
};

} // namespace wsi
