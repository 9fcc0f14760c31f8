// The main window's actions with their shortcuts and tooltips, and the menus and toolbar that show them.
#include "shell/mainwindowactions.h"

#include "common/theme.h"
#include "common/viewstate.h"
#include "endpoints/endpointspanel.h"
#include "server/serverpanel.h"
#include "sessions/sessionscontroller.h"
#include "shell/aboutbox.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>

namespace wsi {

MainWindowActions::MainWindowActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    auto make = [window](const QString &name, const char *icon) {
        auto *action = new QAction(window);
        action->setObjectName(name);
        if (icon)
            action->setIcon(theme::icon(icon));
        window->addAction(action);
        return action;
    };
    m_newAction = make(QStringLiteral("newAction"), "new");
    m_newAction->setShortcut(QKeySequence::New);
    m_connectAction = make(QStringLiteral("connectAction"), "connect");
    m_disconnectAction = make(QStringLiteral("disconnectAction"), "disconnect");
    m_disconnectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_closeAction = make(QStringLiteral("closeAction"), "close");
    m_closeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_removeAction = make(QStringLiteral("removeAction"), "clear");
    m_sendAction = new QAction(theme::icon("send"), QString(), window);
    m_sendAction->setObjectName(QStringLiteral("sendAction"));
    m_sendAction->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    m_sendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_pingAction = make(QStringLiteral("pingAction"), "ping");
    m_focusUrlAction = make(QStringLiteral("focusUrlAction"), nullptr);
    m_focusUrlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_showFramesAction = make(QStringLiteral("showFramesAction"), nullptr);
    m_showFramesAction->setCheckable(true);
    m_showFramesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_relativeTimeAction = make(QStringLiteral("relativeTimeAction"), nullptr);
    m_relativeTimeAction->setCheckable(true);
    m_showComposerAction = make(QStringLiteral("showComposerAction"), nullptr);
    m_showComposerAction->setCheckable(true);
    m_showComposerAction->setChecked(true);
    m_showComposerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_messagesTabAction = make(QStringLiteral("messagesTabAction"), nullptr);
    m_messagesTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_handshakeTabAction = make(QStringLiteral("handshakeTabAction"), nullptr);
    m_handshakeTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_pingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_statsTabAction = make(QStringLiteral("statsTabAction"), nullptr);
    m_statsTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    m_revealSecretsAction = make(QStringLiteral("revealSecretsAction"), "eye");
    m_revealSecretsAction->setCheckable(true);
    m_revealSecretsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_compareAction = make(QStringLiteral("compareHandshakesAction"), "compare");
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_aboutAction = make(QStringLiteral("aboutAction"), "app");
    m_aboutAction->setShortcut(QKeySequence::HelpContents);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindowActions::showAbout);
    m_preferencesAction = make(QStringLiteral("preferencesAction"), nullptr);
    m_preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_quitAction = make(QStringLiteral("quitAction"), nullptr);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    retranslate();
    // Actions are not widgets: the window's LanguageChange is the cue to give them the new language's texts.
    window->installEventFilter(this);
}

bool MainWindowActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void MainWindowActions::retranslate()
{
    const auto set = [](QAction *action, const QString &text, const QString &tip) {
        action->setText(text);
        action->setToolTip(tip);
        action->setStatusTip(tip);
    };
    set(m_newAction, tr("&New Connection"), tr("Clear the URL and options to start a new connection"));
    set(m_connectAction, tr("&Connect"), tr("Connect to the URL"));
    set(m_disconnectAction, tr("&Disconnect"),
        tr("Close the selected connection normally (1000), or abort it while connecting (Ctrl+D)"));
    set(m_closeAction, tr("C&lose\u2026"), tr("Send a Close frame with a code and a reason you choose"));
    set(m_removeAction, tr("&Remove Connection"), tr("Close and remove the selected connection from the list"));
    m_sendAction->setText(tr("&Send"));
    m_sendAction->setToolTip(tr("Send the composer's text (Ctrl+Enter)"));
    set(m_pingAction, tr("&Ping"), tr("Send a Ping frame"));
    set(m_focusUrlAction, tr("Go to &URL"), tr("Move to the URL field"));
    set(m_showFramesAction, tr("Show &Frames"), tr("List every frame in the log"));
    set(m_relativeTimeAction, tr("&Relative Time"), tr("Times relative to the start of the connection"));
    set(m_showComposerAction, tr("C&omposer"),
        tr("Show the message composer below the log; fold it away to give the log its room"));
    set(m_messagesTabAction, tr("&Messages"), tr("Show the event log"));
    set(m_handshakeTabAction, tr("&Handshake"), tr("Show the opening handshake"));
    set(m_statsTabAction, tr("&Stats"), tr("Show ping round-trip times and message rates"));
    set(m_revealSecretsAction, tr("Reveal &Secrets"),
        tr("Show Authorization, cookie and token values instead of masking them (the recording never changes)"));
    set(m_compareAction, tr("Co&mpare Handshakes"),
        tr("Compare the handshakes of the two selected connections (Ctrl+click to select two), or of the selected "
           "one and the previous attempt at the same URL"));
    set(m_aboutAction, tr("&About WS Inspector"), tr("About this tool"));
    set(m_preferencesAction, tr("&Preferences\u2026"),
        tr("Trusted certificates and the inspector's certificate authority"));
    set(m_quitAction, tr("&Quit"), tr("Quit WS Inspector"));
    if (!m_fileMenu)
        return; // the menus come later (createMenusAndToolBar)
    m_fileMenu->setTitle(tr("&File"));
    m_editMenu->setTitle(tr("&Edit"));
    m_connectionMenu->setTitle(tr("&Connection"));
    m_serverMenu->setTitle(tr("Test &Server"));
    m_viewMenu->setTitle(tr("&View"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main"));
    const QStringList schemeNames { tr("&System"), tr("&Light"), tr("&Dark") };
    for (int i = 0; i < m_colorSchemeActions.size(); ++i)
        m_colorSchemeActions.at(i)->setText(schemeNames.value(i));
}

void MainWindowActions::createMenusAndToolBar(EndpointsPanel *endpoints, SessionsController *sessions,
    QDockWidget *serverDock, ServerPanel *serverPanel, ViewState *viewState)
{
    QMenu *file = m_fileMenu = m_window->menuBar()->addMenu(QString());
    file->addAction(m_newAction);
    file->addAction(endpoints->saveCurrentAction());
    file->addSeparator();
    file->addAction(endpoints->importAction());
    file->addAction(endpoints->exportAction());
    file->addAction(endpoints->exportWithSecretsAction());
    file->addSeparator();
    file->addAction(sessions->importAction());
    file->addAction(sessions->previousSessionsAction());
    file->addSeparator();
    file->addAction(sessions->exportConnectionAction());
    file->addAction(sessions->exportWorkspaceAction());
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *edit = m_editMenu = m_window->menuBar()->addMenu(QString());
    edit->addAction(m_preferencesAction);
    QMenu *conn = m_connectionMenu = m_window->menuBar()->addMenu(QString());
    conn->addAction(m_focusUrlAction);
    conn->addAction(m_connectAction);
    conn->addAction(m_disconnectAction);
    conn->addAction(m_closeAction);
    conn->addSeparator();
    conn->addAction(m_sendAction);
    conn->addAction(m_pingAction);
    conn->addSeparator();
    conn->addAction(m_compareAction);
    conn->addSeparator();
    conn->addAction(m_removeAction);
    QMenu *server = m_serverMenu = m_window->menuBar()->addMenu(QString());
    server->addAction(serverDock->toggleViewAction());
    server->addSeparator();
    server->addActions(serverPanel->menuActions());
    // Starting from the keyboard shows the panel too: its URL and clients are what the user wants next.
    connect(serverPanel->startStopAction(), &QAction::triggered, serverDock, &QDockWidget::show);
    QMenu *view = m_viewMenu = m_window->menuBar()->addMenu(QString());
    view->addAction(m_messagesTabAction);
    view->addAction(m_handshakeTabAction);
    view->addAction(m_statsTabAction);
    view->addSeparator();
    view->addAction(m_revealSecretsAction);
    QMenu *schemes = m_themeMenu = view->addMenu(QString());
    auto *schemeGroup = new QActionGroup(m_window);
    for (int scheme = ColorScheme::System; scheme <= ColorScheme::Dark; ++scheme) {
        QAction *action = schemes->addAction(QString());
        action->setObjectName(QStringLiteral("colorScheme_") + ColorScheme::id(ColorScheme::Scheme(scheme)));
        action->setCheckable(true);
        action->setChecked(scheme == viewState->colorScheme());
        schemeGroup->addAction(action);
        connect(action, &QAction::triggered, viewState,
            [viewState, scheme] { viewState->setColorScheme(ColorScheme::Scheme(scheme)); });
        m_colorSchemeActions << action;
    }
    view->addSeparator();
    view->addAction(m_showFramesAction);
    view->addAction(m_relativeTimeAction);
    view->addAction(m_showComposerAction);
    view->addSeparator();
    view->addAction(serverDock->toggleViewAction());
    QMenu *help = m_helpMenu = m_window->menuBar()->addMenu(QString());
    help->addAction(m_aboutAction);

    QToolBar *toolbar = m_toolBar = m_window->addToolBar(QString());
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setIconSize(QSize(22, 22));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Connect sits next to the URL in the connect bar; the toolbar acts on the selected connection.
    toolbar->addAction(m_newAction);
    toolbar->addSeparator();
    toolbar->addAction(m_disconnectAction);
    toolbar->addAction(m_closeAction);
    toolbar->addSeparator();
    toolbar->addAction(m_sendAction);
    toolbar->addAction(m_pingAction);
    toolbar->addSeparator();
    toolbar->addAction(m_removeAction);
    toolbar->addSeparator();
    toolbar->addAction(serverDock->toggleViewAction());
    retranslate();
}

void MainWindowActions::addLearnAction(QAction *learn)
{
    m_helpMenu->insertAction(m_aboutAction, learn);
    m_helpMenu->insertSeparator(m_aboutAction);
    m_viewMenu->addAction(learn);
}

void MainWindowActions::addProxyAction(QAction *toggle)
{
    m_viewMenu->addAction(toggle);
    m_toolBar->addAction(toggle);
}

void MainWindowActions::showColorScheme(ColorScheme::Scheme scheme)
{
    for (int i = 0; i < m_colorSchemeActions.size(); ++i)
        m_colorSchemeActions.at(i)->setChecked(i == scheme);
}

void MainWindowActions::showAbout()
{
    AboutBox box(m_window);
    box.exec();
}

} // namespace wsi
