// The main window's actions with their shortcuts and tooltips, and the menus and toolbar that show them.
#pragma once

#include "common/colorscheme.h"

#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;

namespace wsi {

class EndpointsPanel;
class ServerPanel;
class SessionsController;
class ViewState;

class MainWindowActions : public QObject
{
    Q_OBJECT
public:
    // The actions are the window's (so their shortcuts work everywhere in it); this object only creates them.
    explicit MainWindowActions(QMainWindow *window);

    // Menus and toolbar, once the panels whose actions they also list exist.
    void createMenusAndToolBar(EndpointsPanel *endpoints, SessionsController *sessions, QDockWidget *serverDock,
        ServerPanel *serverPanel, ViewState *viewState);
    // The Learn dock's toggle, in the Help menu and at the end of the View menu.
    void addLearnAction(QAction *learn);
    // The Proxy dock's toggle: in the View menu and the toolbar, after the test server's.
    void addProxyAction(QAction *toggle);
    // Checks the Theme menu entry of this scheme.
    void showColorScheme(wsi::ColorScheme::Scheme scheme);

    QAction *newAction() const { return m_newAction; }
    QAction *connectAction() const { return m_connectAction; }
    QAction *disconnectAction() const { return m_disconnectAction; }
    QAction *closeAction() const { return m_closeAction; }
    QAction *removeAction() const { return m_removeAction; }
    QAction *sendAction() const { return m_sendAction; }
    QAction *pingAction() const { return m_pingAction; }
    QAction *focusUrlAction() const { return m_focusUrlAction; }
    QAction *showFramesAction() const { return m_showFramesAction; }
    QAction *relativeTimeAction() const { return m_relativeTimeAction; }
    QAction *showComposerAction() const { return m_showComposerAction; }
    QAction *messagesTabAction() const { return m_messagesTabAction; }
    QAction *handshakeTabAction() const { return m_handshakeTabAction; }
    QAction *statsTabAction() const { return m_statsTabAction; }
    QAction *revealSecretsAction() const { return m_revealSecretsAction; }
    QAction *compareAction() const { return m_compareAction; }
    QAction *aboutAction() const { return m_aboutAction; }
    QAction *preferencesAction() const { return m_preferencesAction; }
    QAction *quitAction() const { return m_quitAction; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate(); // every text of the actions, menus and toolbar, in the current language
    // The About box lists the shortcuts these actions carry.
    void showAbout();

    QMainWindow *m_window = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_connectionMenu = nullptr;
    QMenu *m_serverMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_pingAction = nullptr;
    QAction *m_focusUrlAction = nullptr;
    QAction *m_showFramesAction = nullptr;
    QAction *m_relativeTimeAction = nullptr;
    QAction *m_showComposerAction = nullptr;
    QAction *m_messagesTabAction = nullptr;
    QAction *m_handshakeTabAction = nullptr;
    QAction *m_statsTabAction = nullptr;
    QAction *m_revealSecretsAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_quitAction = nullptr;
    QList<QAction *> m_colorSchemeActions;
};

} // namespace wsi
