#include "shell/mainwindow.h"

#include "common/colorscheme.h"
#include "common/theme.h"
#include "common/viewstate.h"
#include "compose/composer.h"
#include "connect/connectbar.h"
#include "connect/reconnectstrip.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "detail/eventdetailview.h"
#include "endpoints/endpointspanel.h"
#include "endpoints/endpointstore.h"
#include "files/sessionjournal.h"
#include "handshake/handshakeview.h"
#include "learn/learndock.h"
#include "log/connectionstatsplot.h"
#include "log/eventlogview.h"
#include "models/connectionlistmodel.h"
#include "preferences/preferencesdialog.h"
#include "proxy/forwardproxy.h"
#include "proxy/proxydock.h"
#include "proxy/proxypanel.h"
#include "proxy/proxyruleset.h"
#include "proxy/reverseproxy.h"
#include "server/localserver.h"
#include "server/serverpanel.h"
#include "sessions/sessionscontroller.h"
#include "shell/centralarea.h"
#include "shell/connectioncommands.h"
#include "shell/connectionselection.h"
#include "shell/mainwindowactions.h"
#include "shell/mainwindowsettings.h"
#include "shell/reconnectregistry.h"
#include "shell/serverdock.h"
#include "shell/statusline.h"
#include "shell/windowlessonhost.h"
#include "welcome/welcomepage.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>

namespace wsi {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(new Workspace(this))
    , m_connectionModel(new ConnectionListModel(m_workspace, this))
    , m_viewState(new ViewState(this))
    , m_sessions(new SessionsController(m_workspace, this))
    , m_reconnectors(new ReconnectRegistry(m_workspace, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_sessions->observe(m_viewState);
    connect(m_viewState, &ViewState::revealSecretsChanged, m_connectionModel, &ConnectionListModel::setRevealSecrets);
    setWindowIcon(theme::icon("app"));
    setWindowTitle(tr("WS Inspector"));
    m_actions = new MainWindowActions(this);
    createCentralWidget();
    wireActions();
    createServerDock();
    m_actions->createMenusAndToolBar(endpointsPanel(), m_sessions, m_serverDock, m_serverPanel, m_viewState);
    createProxyDock();
    createLearnDock();

    // The panels observe the view state since their creation; the window follows it after them.
    connect(m_viewState, &ViewState::currentConnectionChanged, this, &MainWindow::onCurrentConnectionChanged);
    connect(m_viewState, &ViewState::revealSecretsChanged, this, &MainWindow::onRevealSecretsChanged);
    connect(m_viewState, &ViewState::colorSchemeChanged, this, &MainWindow::onColorSchemeChanged);
    connect(connectBar(), &ConnectBar::connectRequested, this, &MainWindow::onConnectRequested);
    connect(m_connectionModel, &QAbstractItemModel::dataChanged, m_status, &StatusLine::update);
    connect(m_workspace, &Workspace::connectionAboutToBeRemoved, this, [this](Connection *c) {
        if (c == currentConnection())
            m_viewState->setCurrentConnection(nullptr);
    });
    // A wss connection paused on a certificate decision must be seen, whichever connection is selected.
    connect(m_workspace, &Workspace::connectionAdded, this, [this](Connection *c) {
        connect(c, &Connection::tlsDecisionNeeded, this, [this, c] {
            selectConnection(c);
            viewTabs()->setCurrentWidget(handshakeView());
        });
    });
    connect(eventLogView(), &EventLogView::currentEventChanged, detailView(), &EventDetailView::showEvent);
    connect(eventLogView(), &EventLogView::findPatternChanged, detailView(), &EventDetailView::setFindPattern);
    connect(m_sessions, &SessionsController::connectionOpened, this, &MainWindow::selectConnection);
    connect(composer(), &Composer::canSendChanged, m_commands, &ConnectionCommands::updateActions);
    connect(eventLogView(), &EventLogView::copyToComposerRequested, composer(), &Composer::setPayload);
    connect(eventLogView(), &EventLogView::resendRequested, composer(), &Composer::resend);

    settings().restore(); // on a first run, a size that fits the screen
    onCurrentConnectionChanged(nullptr, nullptr); // the empty state, until something is selected
}

MainWindow::~MainWindow()
{
    // Everything recorded reaches the disk before the connections go.
    m_sessions->journal()->flush();
    // Views hold pointers into connections: detach them before the workspace goes.
    m_viewState->setCurrentConnection(nullptr);
    // The lessons' clients and wss server are workspace connections, as are the server's: they go first.
    delete m_learnDock;
    m_lessonHost.reset();
    delete m_serverDock;
    m_serverPanel = nullptr;
    // The proxy's clients are workspace connections too.
    delete m_proxyDock;
    delete m_reverseProxy;
    delete m_forwardProxy;
    delete m_proxyRules; // the proxies' hook: after them
}

Connection *MainWindow::currentConnection() const
{
    return m_viewState->currentConnection();
}

void MainWindow::createCentralWidget()
{
    m_endpointStore = new EndpointStore(EndpointStore::defaultFilePath(), this);
    m_central = new CentralArea(m_endpointStore, m_connectionModel, m_viewState, m_actions, this);
    setCentralWidget(m_central);
    m_status = new StatusLine(statusBar(), m_workspace, m_viewState, this);
    m_selection = new ConnectionSelection(connectionList(), m_connectionModel, m_viewState, this);
    m_commands = new ConnectionCommands(m_actions, connectBar(), m_workspace, m_viewState, m_selection, m_status, this);
    connect(endpointsPanel(), &EndpointsPanel::connectRequested, this, &MainWindow::connectToEndpoint);
    connect(endpointsPanel(), &EndpointsPanel::saveCurrentRequested, this, &MainWindow::saveCurrentAsEndpoint);
    WelcomePage *welcome = m_central->welcomePage();
    connect(welcome, &WelcomePage::tryItRequested, this, &MainWindow::tryTestServer);
    connect(welcome, &WelcomePage::connectToUrlRequested, connectBar(), &ConnectBar::focusUrl);
    connect(welcome, &WelcomePage::recentUrlRequested, this, &MainWindow::connectTo);
    connect(welcome, &WelcomePage::endpointRequested, this, &MainWindow::connectToEndpoint);
}

void MainWindow::wireActions()
{
    connect(m_actions->connectAction(), &QAction::triggered, connectBar()->connectButton(), &QAbstractButton::click);
    connect(m_actions->sendAction(), &QAction::triggered, composer(), &Composer::send);
    connect(m_actions->pingAction(), &QAction::triggered, composer(), &Composer::ping);
    connect(m_actions->focusUrlAction(), &QAction::triggered, connectBar(), &ConnectBar::focusUrl);
    connect(m_actions->showFramesAction(), &QAction::toggled, eventLogView(), &EventLogView::setShowFrames);
    connect(
        eventLogView()->showFramesCheckBox(), &QCheckBox::toggled, m_actions->showFramesAction(), &QAction::setChecked);
    connect(m_actions->relativeTimeAction(), &QAction::toggled, eventLogView(), &EventLogView::setRelativeTime);
    connect(m_actions->showComposerAction(), &QAction::toggled, composer(),
        [this](bool on) { composer()->setCollapsed(!on); });
    connect(composer(), &Composer::collapsedChanged, m_actions->showComposerAction(),
        [this](bool folded) { m_actions->showComposerAction()->setChecked(!folded); });
    connect(eventLogView()->relativeTimeCheckBox(), &QCheckBox::toggled, m_actions->relativeTimeAction(),
        &QAction::setChecked);
    connect(m_actions->messagesTabAction(), &QAction::triggered, this,
        [this] { viewTabs()->setCurrentWidget(m_central->messagesPage()); });
    connect(m_actions->handshakeTabAction(), &QAction::triggered, this,
        [this] { viewTabs()->setCurrentWidget(handshakeView()); });
    connect(
        m_actions->statsTabAction(), &QAction::triggered, this, [this] { viewTabs()->setCurrentWidget(statsPlot()); });
    connect(m_actions->revealSecretsAction(), &QAction::toggled, m_viewState, &ViewState::setRevealSecrets);
    connect(m_actions->preferencesAction(), &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_actions->quitAction(), &QAction::triggered, this, &QWidget::close);
}

void MainWindow::connectTo(const QString &url)
{
    connectBar()->setUrlText(url);
    connectBar()->connectButton()->click();
}

void MainWindow::onConnectRequested(const ConnectionOptions &options)
{
    openConnection(options);
}

Connection *MainWindow::openConnection(const ConnectionOptions &options)
{
    Connection *connection = m_workspace->openConnection(options);
    if (options.reconnect.enabled) {
        ReconnectController *controller = m_reconnectors->start(connection);
        if (currentConnection() == connection) // selected already, when the list added its row
            reconnectStrip()->setController(controller);
    }
    selectConnection(connection);
    return connection;
}

ReconnectController *MainWindow::reconnectControllerFor(const Connection *connection) const
{
    return m_reconnectors->controllerFor(connection);
}

void MainWindow::selectConnection(Connection *connection)
{
    m_selection->select(connection);
}

void MainWindow::onCurrentConnectionChanged(Connection *current, Connection *previous)
{
    if (previous)
        disconnect(previous, nullptr, this, nullptr);
    if (current) {
        connect(current, &Connection::stateChanged, this, &MainWindow::onCurrentStateChanged);
        connect(current, &Connection::finished, this, &MainWindow::onCurrentStateChanged);
    }
    reconnectStrip()->setController(reconnectControllerFor(current));
    updateTitle();
    onCurrentStateChanged();
}

// The texts the window sets itself; its panels and dialogs retranslate their own on the same LanguageChange.
void MainWindow::retranslate()
{
    updateTitle();
    m_status->update();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_status)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle()
{
    const Connection *current = currentConnection();
    setWindowTitle(current ? tr("%1%2 \u2014 WS Inspector")
                                 .arg(shownUrl(current), current->isImported() ? tr(" [read-only]") : QString())
                           : tr("WS Inspector"));
}

void MainWindow::onCurrentStateChanged()
{
    Connection *current = currentConnection();
    // A refused upgrade is about the handshake: show it where its status, headers and body are.
    if (current && current->state() == Connection::State::Failed && current->handshake().response.status != 0
        && current->handshake().response.status != 101) {
        viewTabs()->setCurrentWidget(handshakeView());
    }
    m_commands->updateActions();
    m_status->update();
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::createServerDock()
{
    auto *dock = new ServerDock(m_workspace, m_viewState, this);
    m_serverDock = dock;
    m_serverPanel = dock->panel();
    addDockWidget(Qt::RightDockWidgetArea, m_serverDock);
    resizeDocks({ m_serverDock }, { 340 }, Qt::Horizontal);
    // The client inspector comes first; the server panel opens from the toolbar (its state is remembered).
    m_serverDock->hide();
    // Starting from the keyboard shows the panel too: its URL and clients are what the user wants next.
    connect(m_serverPanel->startStopAction(), &QAction::triggered, m_serverDock, &QDockWidget::show);
    connect(m_serverPanel, &ServerPanel::connectRequested, this, [this](const QUrl &url, const QString &caFile) {
        ConnectionOptions options;
        options.url = url;
        options.caFile = caFile;
        selectConnection(m_workspace->openConnection(options));
    });
}

QDockWidget *MainWindow::serverDock() const
{
    return m_serverDock;
}

bool MainWindow::serveAt(const QString &address)
{
    return m_serverDock->serveAt(address);
}

bool MainWindow::proxyTo(const QString &upstream, const QString &at)
{
    m_proxyDock->show();
    return m_proxyDock->panel()->startReverseTo(upstream, at);
}

bool MainWindow::forwardProxyAt(const QString &at)
{
    m_proxyDock->show();
    return m_proxyDock->panel()->startForwardAt(at);
}

void MainWindow::createProxyDock()
{
    // One rule set for both proxies: the user's breakpoints do not depend on the mode.
    m_proxyRules = new ProxyRuleSet(this);
    m_reverseProxy = new ReverseProxy(m_workspace, this);
    m_reverseProxy->setFrameHook(m_proxyRules);
    m_forwardProxy = new ForwardProxy(m_workspace, this);
    m_forwardProxy->setFrameHook(m_proxyRules);
    m_proxyDock = new ProxyDock(m_reverseProxy, m_forwardProxy, m_proxyRules, this);
    composer()->setProxyRules(m_proxyRules);
    addDockWidget(Qt::RightDockWidgetArea, m_proxyDock);
    resizeDocks({ m_proxyDock }, { 340 }, Qt::Horizontal);
    m_proxyDock->hide(); // like the server dock: opened from the View menu, the toolbar or Ctrl+Shift+P
    m_actions->addProxyAction(m_proxyDock->toggleViewAction());
}

ProxyPanel *MainWindow::proxyPanel() const
{
    return m_proxyDock->panel();
}

void MainWindow::createLearnDock()
{
    m_lessonHost = std::make_unique<WindowLessonHost>(this);
    m_learnDock = new LearnDock(m_lessonHost.get(), this);
    addDockWidget(Qt::RightDockWidgetArea, m_learnDock);
    // Closed until asked for, like the server dock; window/state remembers whether the user left it open.
    m_learnDock->hide();
    m_actions->addLearnAction(m_learnDock->toggleViewAction());
}

LearnPanel *MainWindow::learnPanel() const
{
    return m_learnDock->panel();
}

void MainWindow::tryTestServer()
{
    // What the Server dock's Start and Connect to It do, in one click: the dock shows the server side.
    m_serverDock->show();
    if (!m_serverPanel->server()->isRunning())
        m_serverPanel->start(); // a failure is explained in the panel, which is now visible
    if (!m_serverPanel->server()->isRunning())
        return;
    for (QAction *action : m_serverPanel->menuActions()) {
        if (action->objectName() == QLatin1String("serverConnectToItAction"))
            action->trigger();
    }
}

void MainWindow::saveCurrentAsEndpoint()
{
    Connection *current = currentConnection();
    // The selected outgoing connection is what the user tried; without one, what is typed in the connect bar.
    ConnectionOptions options;
    if (current && current->kind() == Connection::Kind::Outgoing)
        options = current->options();
    else if (!connectBar()->buildOptions(&options))
        return;
    endpointsPanel()->saveAs(options);
}

void MainWindow::connectToEndpoint(const ConnectionOptions &options)
{
    connectBar()->setUrlText(options.url.toString());
    connectBar()->addRecentUrl(options.url.toString());
    connectBar()->clearError();
    onConnectRequested(options);
}

QString MainWindow::shownUrl(const Connection *connection) const
{
    // A test server's client is named by who connected and what it asked for, not by our server's URL.
    return connection->shownTitle(m_viewState->revealSecrets());
}

void MainWindow::setRevealSecrets(bool reveal)
{
    m_viewState->setRevealSecrets(reveal);
}

void MainWindow::onRevealSecretsChanged(bool reveal)
{
    m_actions->revealSecretsAction()->setChecked(reveal); // toggled() sets the same value: no change, no loop
    updateTitle();
    m_status->update();
}

HandshakeDiffDialog *MainWindow::handshakeDiffDialog() const
{
    return m_commands->handshakeDiffDialog();
}

bool MainWindow::compareHandshakes()
{
    return m_commands->compareHandshakes();
}

void MainWindow::onColorSchemeChanged(ColorScheme::Scheme scheme)
{
    ColorScheme::apply(scheme);
    m_actions->showColorScheme(scheme);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(Connection::defaultCertificateAuthority(), this);
    dialog.exec();
    m_sessions->applyPreferences();
}

MainWindowSettings MainWindow::settings()
{
    return MainWindowSettings({ this, m_central->mainSplitter(), m_central->messagesSplitter(),
        m_central->sidebarSplitter(), handshakeView(), eventLogView(), m_actions->showFramesAction(),
        m_actions->relativeTimeAction(), m_actions->showComposerAction(), viewTabs(), statsPlot(), m_viewState });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    settings().save();
    QMainWindow::closeEvent(event);
}

} // namespace wsi
