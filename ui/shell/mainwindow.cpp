#include "shell/mainwindow.h"

#include "common/colorscheme.h"
#include "common/theme.h"
#include "common/viewstate.h"
#include "compose/closedialog.h"
#include "compose/composer.h"
#include "connect/connectbar.h"
#include "connect/reconnectstrip.h"
#include "connection/connection.h"
#include "connection/reconnectcontroller.h"
#include "connection/workspace.h"
#include "connectionlist/connectionlistview.h"
#include "detail/eventdetailview.h"
#include "endpoints/endpointspanel.h"
#include "endpoints/endpointstore.h"
#include "explain/secretmasker.h"
#include "files/sessionjournal.h"
#include "handshake/handshakediffdialog.h"
#include "handshake/handshakeview.h"
#include "log/connectionstatsplot.h"
#include "log/eventlogview.h"
#include "models/connectionlistmodel.h"
#include "models/eventlogmodel.h"
#include "preferences/preferencesdialog.h"
#include "server/serverpanel.h"
#include "sessions/sessionscontroller.h"
#include "shell/mainwindowactions.h"
#include "shell/mainwindowsettings.h"
#include "shell/reconnectregistry.h"
#include "shell/serverdock.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

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
    createServerDock();
    m_actions->createMenusAndToolBar(m_endpointsPanel, m_sessions, m_serverDock, m_serverPanel, m_viewState);

    // The panels observe the view state since their creation; the window follows it after them.
    connect(m_viewState, &ViewState::currentConnectionChanged, this, &MainWindow::onCurrentConnectionChanged);
    connect(m_viewState, &ViewState::revealSecretsChanged, this, &MainWindow::onRevealSecretsChanged);
    connect(m_viewState, &ViewState::colorSchemeChanged, this, &MainWindow::onColorSchemeChanged);
    connect(m_connectBar, &ConnectBar::connectRequested, this, &MainWindow::onConnectRequested);
    connect(m_connectionModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::onConnectionRowsInserted);
    connect(m_connectionModel, &QAbstractItemModel::dataChanged, this, &MainWindow::updateStatus);
    connect(m_connectionList->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &MainWindow::onCurrentRowChanged);
    connect(m_workspace, &Workspace::connectionAboutToBeRemoved, this, [this](Connection *c) {
        if (c == currentConnection())
            m_viewState->setCurrentConnection(nullptr);
    });
    // A wss connection paused on a certificate decision must be seen, whichever connection is selected.
    connect(m_workspace, &Workspace::connectionAdded, this, [this](Connection *c) {
        connect(c, &Connection::tlsDecisionNeeded, this, [this, c] {
            selectConnection(c);
            m_tabs->setCurrentWidget(m_handshakeView);
        });
    });
    connect(m_eventLogView, &EventLogView::currentEventChanged, m_detailView, &EventDetailView::showEvent);
    connect(m_eventLogView, &EventLogView::findPatternChanged, m_detailView, &EventDetailView::setFindPattern);
    connect(m_sessions, &SessionsController::connectionOpened, this, &MainWindow::selectConnection);
    connect(m_composer, &Composer::canSendChanged, this, &MainWindow::updateActions);
    connect(m_eventLogView, &EventLogView::copyToComposerRequested, m_composer, &Composer::setPayload);
    connect(m_eventLogView, &EventLogView::resendRequested, m_composer, &Composer::resend);

    m_statusTimer = new QTimer(this);
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(200);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);

    resize(1280, 800);
    settings().restore();
    onCurrentConnectionChanged(nullptr, nullptr); // the empty state, until something is selected
}

MainWindow::~MainWindow()
{
    // Everything recorded reaches the disk before the connections go.
    m_sessions->journal()->flush();
    // Views hold pointers into connections: detach them before the workspace goes.
    m_viewState->setCurrentConnection(nullptr);
    // The server's clients are workspace connections: the server goes first.
    delete m_serverDock;
    m_serverPanel = nullptr;
}

Connection *MainWindow::currentConnection() const
{
    return m_viewState->currentConnection();
}

void MainWindow::createCentralWidget()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // The connect bar's recent URLs and remembered options live in the endpoint store (loaded below).
    m_endpointStore = new EndpointStore(EndpointStore::defaultFilePath(), this);
    m_connectBar = new ConnectBar(m_endpointStore, central);
    m_connectBar->observe(m_viewState);
    layout->addWidget(m_connectBar);
    // The reconnect countdown of the selected endpoint: above the views, so it shows on every tab.
    m_reconnectStrip = new ReconnectStrip(central);
    layout->addWidget(m_reconnectStrip);

    m_mainSplitter = new QSplitter(Qt::Horizontal, central);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);
    layout->addWidget(m_mainSplitter, 1);

    // Saved endpoints above the live connections; the user sizes the two with the splitter.
    m_sidebarSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_sidebarSplitter->setObjectName(QStringLiteral("sidebarSplitter"));
    m_sidebarSplitter->setChildrenCollapsible(false);
    QString endpointsError;
    m_endpointsPanel = new EndpointsPanel(m_endpointStore, m_sidebarSplitter);
    m_endpointsPanel->observe(m_viewState);
    if (!m_endpointStore->load(&endpointsError))
        m_endpointsPanel->showError(tr("Saved endpoints could not be loaded. %1").arg(endpointsError));
    connect(m_endpointsPanel, &EndpointsPanel::connectRequested, this, &MainWindow::connectToEndpoint);
    connect(m_endpointsPanel, &EndpointsPanel::saveCurrentRequested, this, &MainWindow::saveCurrentAsEndpoint);
    auto *sidebar = new QWidget(m_sidebarSplitter);
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(6, 4, 0, 6);
    sidebarLayout->setSpacing(4);
    m_connectionsLabel = new QLabel(sidebar);
    sidebarLayout->addWidget(m_connectionsLabel);
    m_connectionList = new ConnectionListView(sidebar);
    m_connectionList->setModel(m_connectionModel);
    m_connectionList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_connectionList->addActions({ m_actions->disconnectAction(), m_actions->closeAction(), m_actions->compareAction(),
        m_actions->removeAction() });
    // Ctrl+click selects a second connection to compare handshakes with.
    m_connectionList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_connectionList->setMinimumWidth(200);
    sidebarLayout->addWidget(m_connectionList, 1);
    m_sidebarSplitter->setStretchFactor(0, 2);
    m_sidebarSplitter->setStretchFactor(1, 3);
    m_sidebarSplitter->setSizes({ 260, 440 });

    m_stack = new QStackedWidget(m_mainSplitter);
    m_emptyState = new QLabel(m_stack);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    auto *empty = static_cast<QLabel *>(m_emptyState);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_emptyState);

    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setDocumentMode(true);
    m_messagesPage = new QWidget(m_tabs);
    auto *messagesLayout = new QVBoxLayout(m_messagesPage);
    messagesLayout->setContentsMargins(0, 4, 0, 0);
    m_messagesSplitter = new QSplitter(Qt::Vertical, m_messagesPage);
    m_messagesSplitter->setObjectName(QStringLiteral("messagesSplitter"));
    m_messagesSplitter->setChildrenCollapsible(false);
    m_eventLogView = new EventLogView(m_messagesSplitter);
    m_eventLogView->observe(m_viewState);
    m_detailView = new EventDetailView(m_messagesSplitter);
    m_detailView->observe(m_viewState);
    m_composer = new Composer(m_messagesSplitter);
    m_composer->observe(m_viewState);
    m_messagesSplitter->setStretchFactor(0, 5);
    m_messagesSplitter->setStretchFactor(1, 3);
    m_messagesSplitter->setStretchFactor(2, 1);
    m_messagesSplitter->setSizes({ 330, 170, 260 });
    messagesLayout->addWidget(m_messagesSplitter);
    m_messagesPage->addAction(m_actions->sendAction());
    m_handshakeView = new HandshakeView(m_tabs);
    m_handshakeView->observe(m_viewState);
    m_tabs->addTab(m_messagesPage, QString());
    m_tabs->addTab(m_handshakeView, QString());
    m_statsPlot = new ConnectionStatsPlot(m_tabs);
    m_statsPlot->observe(m_viewState);
    m_tabs->addTab(m_statsPlot, QString());
    m_stack->addWidget(m_tabs);
    retranslate();

    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({ 280, 1000 });
    setCentralWidget(central);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setMinimumWidth(100); // long errors must not push the counters off the status bar
    m_statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(m_statusLabel, 1);
    m_countersLabel = new QLabel(this);
    m_countersLabel->setObjectName(QStringLiteral("countersLabel"));
    statusBar()->addPermanentWidget(m_countersLabel);

    connect(m_actions->connectAction(), &QAction::triggered, m_connectBar->connectButton(), &QAbstractButton::click);
    connect(m_actions->newAction(), &QAction::triggered, this, &MainWindow::newConnection);
    connect(m_actions->disconnectAction(), &QAction::triggered, this, &MainWindow::disconnectCurrent);
    connect(m_actions->closeAction(), &QAction::triggered, this, &MainWindow::closeCurrentWithCode);
    connect(m_actions->removeAction(), &QAction::triggered, this, &MainWindow::removeCurrent);
    connect(m_actions->sendAction(), &QAction::triggered, m_composer, &Composer::send);
    connect(m_actions->pingAction(), &QAction::triggered, m_composer, &Composer::ping);
    connect(m_actions->focusUrlAction(), &QAction::triggered, m_connectBar, &ConnectBar::focusUrl);
    connect(m_actions->showFramesAction(), &QAction::toggled, m_eventLogView, &EventLogView::setShowFrames);
    connect(
        m_eventLogView->showFramesCheckBox(), &QCheckBox::toggled, m_actions->showFramesAction(), &QAction::setChecked);
    connect(m_actions->relativeTimeAction(), &QAction::toggled, m_eventLogView, &EventLogView::setRelativeTime);
    connect(m_eventLogView->relativeTimeCheckBox(), &QCheckBox::toggled, m_actions->relativeTimeAction(),
        &QAction::setChecked);
    connect(m_actions->messagesTabAction(), &QAction::triggered, this,
        [this] { m_tabs->setCurrentWidget(m_messagesPage); });
    connect(m_actions->handshakeTabAction(), &QAction::triggered, this,
        [this] { m_tabs->setCurrentWidget(m_handshakeView); });
    connect(m_actions->statsTabAction(), &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_statsPlot); });
    connect(m_actions->revealSecretsAction(), &QAction::toggled, m_viewState, &ViewState::setRevealSecrets);
    connect(m_actions->compareAction(), &QAction::triggered, this, &MainWindow::compareHandshakes);
    connect(m_actions->aboutAction(), &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions->preferencesAction(), &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_actions->quitAction(), &QAction::triggered, this, &QWidget::close);
}

void MainWindow::connectTo(const QString &url)
{
    m_connectBar->setUrlText(url);
    m_connectBar->connectButton()->click();
}

void MainWindow::onConnectRequested(const ConnectionOptions &options)
{
    Connection *connection = m_workspace->openConnection(options);
    if (options.reconnect.enabled) {
        ReconnectController *controller = m_reconnectors->start(connection);
        if (currentConnection() == connection) // selected already, when the list added its row
            m_reconnectStrip->setController(controller);
    }
    selectConnection(connection);
}

ReconnectController *MainWindow::reconnectControllerFor(const Connection *connection) const
{
    return m_reconnectors->controllerFor(connection);
}

void MainWindow::onConnectionRowsInserted(const QModelIndex &, int first, int last)
{
    // What the user opened (a connection, an import) is shown at once. A client arriving at the test server
    // is only listed while another connection is selected: it must not take the composer away from the
    // connection the user is typing to, nor move the selection under a click.
    for (int row = last; row >= first; --row) {
        const Connection *c = m_connectionModel->connectionAt(row);
        const bool arrived = c && c->kind() == Connection::Kind::Incoming && !c->isImported();
        if (!arrived || !currentConnection()) {
            selectRow(row);
            return;
        }
    }
}

void MainWindow::selectRow(int row)
{
    // The selection alone: QAbstractItemView::setCurrentIndex() would read the keyboard modifiers still held
    // from a shortcut (Ctrl+Shift+K: Connect to It) and add the row to the old selection instead.
    m_connectionList->selectionModel()->setCurrentIndex(
        m_connectionModel->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void MainWindow::selectConnection(Connection *connection)
{
    const int row = connection ? m_connectionModel->rowOf(connection) : -1;
    if (row >= 0)
        selectRow(row);
    else if (connection)
        m_viewState->setCurrentConnection(connection); // not listed yet: the list will catch up
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_connectionList->currentIndex();
    m_viewState->setCurrentConnection(current.isValid() ? m_connectionModel->connectionAt(current.row()) : nullptr);
}

void MainWindow::onCurrentConnectionChanged(Connection *current, Connection *previous)
{
    if (previous)
        disconnect(previous, nullptr, this, nullptr);
    if (current) {
        connect(current, &Connection::stateChanged, this, &MainWindow::onCurrentStateChanged);
        connect(current, &Connection::countersChanged, this, [this] {
            if (!m_statusTimer->isActive())
                m_statusTimer->start();
        });
        connect(current, &Connection::finished, this, &MainWindow::onCurrentStateChanged);
    }
    m_reconnectStrip->setController(reconnectControllerFor(current));
    m_stack->setCurrentWidget(current ? static_cast<QWidget *>(m_tabs) : m_emptyState);
    updateTitle();
    onCurrentStateChanged();
}

// The texts the window sets itself; its panels and dialogs retranslate their own on the same LanguageChange.
void MainWindow::retranslate()
{
    m_connectionsLabel->setText(tr("<b>Connections</b>"));
    static_cast<QLabel *>(m_emptyState)
        ->setText(tr("<p style='font-size:large'><b>Enter a ws:// or wss:// URL above and press Connect.</b></p>"
                     "<p>The handshake appears byte for byte, with its checks and timings;<br/>"
                     "every message, ping, close and (with Show frames) every frame is logged.</p>"
                     "<p>Ctrl+L: URL &nbsp;\u00b7&nbsp; Ctrl+Enter: send &nbsp;\u00b7&nbsp; Ctrl+D: disconnect "
                     "&nbsp;\u00b7&nbsp; Ctrl+Shift+F: frames &nbsp;\u00b7&nbsp; F1: about</p>"));
    m_tabs->setTabText(m_tabs->indexOf(m_messagesPage), tr("Messages"));
    m_tabs->setTabText(m_tabs->indexOf(m_handshakeView), tr("Handshake"));
    m_tabs->setTabText(m_tabs->indexOf(m_statsPlot), tr("Stats"));
    updateTitle();
    if (m_statusLabel)
        updateStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_tabs)
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
        m_tabs->setCurrentWidget(m_handshakeView);
    }
    updateActions();
    updateStatus();
}

void MainWindow::updateActions()
{
    Connection *current = currentConnection();
    const Connection::State state = current ? current->state() : Connection::State::Idle;
    const bool open = state == Connection::State::Open;
    m_actions->disconnectAction()->setEnabled(
        current && (state == Connection::State::Connecting || open || state == Connection::State::Closing));
    m_actions->closeAction()->setEnabled(open);
    m_actions->sendAction()->setEnabled(open);
    m_actions->pingAction()->setEnabled(open);
    m_actions->removeAction()->setEnabled(current != nullptr);
    m_actions->compareAction()->setEnabled(m_workspace->connections().size() >= 2);
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

void MainWindow::updateStatus()
{
    Connection *current = currentConnection();
    if (!current) {
        m_statusLabel->setText(m_workspace->connections().isEmpty() ? tr("Ready: enter a URL and press Connect.")
                                                                    : tr("No connection selected."));
        m_countersLabel->clear();
        return;
    }
    const QString why = current->statusText();
    const QString state = Connection::stateText(current->state());
    m_statusLabel->setText(why.isEmpty() ? tr("#%1 %2: %3").arg(current->id()).arg(shownUrl(current), state)
                                         : tr("#%1 %2: %3").arg(current->id()).arg(state, why));
    const Connection::Counters &c = current->counters();
    const QLocale locale;
    m_countersLabel->setText(
        tr("%1 in \u00b7 %2 out \u00b7 wire %3 in / %4 out%5")
            .arg(c.messagesIn)
            .arg(c.messagesOut)
            .arg(locale.formattedDataSize(qint64(c.bytesIn)), locale.formattedDataSize(qint64(c.bytesOut)),
                c.errors ? tr(" \u00b7 %n error(s)", nullptr, int(c.errors)) : QString()));
    m_statusLabel->setToolTip(m_statusLabel->text());
}

void MainWindow::newConnection()
{
    m_connectBar->setUrlText(QString());
    m_connectBar->clearOptions();
    m_connectBar->clearError();
    m_connectBar->focusUrl();
}

void MainWindow::disconnectCurrent()
{
    Connection *current = currentConnection();
    if (!current)
        return;
    if (current->state() == Connection::State::Open)
        current->close(1000, QString());
    else
        current->abort();
}

void MainWindow::closeCurrentWithCode()
{
    Connection *current = currentConnection();
    if (!current || current->state() != Connection::State::Open)
        return;
    QPointer<Connection> target = current;
    CloseDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted && target && target->state() == Connection::State::Open)
        target->close(dialog.code(), dialog.reason());
}

void MainWindow::removeCurrent()
{
    Connection *current = currentConnection();
    if (current)
        m_workspace->removeConnection(current);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About WS Inspector"),
        tr("<h3>WS Inspector %1</h3>"
           "<p>A WebSocket inspector that shows the wire truth: every byte of the opening handshake "
           "and every frame header, as they crossed the wire.</p>"
           "<p><b>Shortcuts</b><br/>Ctrl+L: URL field<br/>Enter: connect<br/>Ctrl+Enter: send<br/>"
           "Ctrl+D: disconnect<br/>Ctrl+Shift+D: close with a code<br/>Ctrl+Shift+F: show frames<br/>"
           "Ctrl+1 / Ctrl+2 / Ctrl+3: messages / handshake / stats<br/>Ctrl+P: ping<br/>"
           "Ctrl+S: save as endpoint<br/>Ctrl+Shift+H: compare handshakes<br/>Ctrl+Shift+R: reveal secrets<br/>"
           "Ctrl+C in the log: copy rows<br/>Ctrl+F: filter the log<br/>F3 / Shift+F3: find next / previous<br/>"
           "Ctrl+O: import<br/>Ctrl+Shift+O: previous sessions<br/>Ctrl+E: export</p>")
            .arg(QApplication::applicationVersion()));
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

void MainWindow::saveCurrentAsEndpoint()
{
    Connection *current = currentConnection();
    // The selected outgoing connection is what the user tried; without one, what is typed in the connect bar.
    ConnectionOptions options;
    if (current && current->kind() == Connection::Kind::Outgoing)
        options = current->options();
    else if (!m_connectBar->buildOptions(&options))
        return;
    m_endpointsPanel->saveAs(options);
}

void MainWindow::connectToEndpoint(const ConnectionOptions &options)
{
    m_connectBar->setUrlText(options.url.toString());
    m_connectBar->addRecentUrl(options.url.toString());
    m_connectBar->clearError();
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
    updateStatus();
}

HandshakeDiffDialog *MainWindow::handshakeDiffDialog() const
{
    return m_diffDialog;
}

bool MainWindow::compareHandshakes()
{
    Connection *current = currentConnection();
    QList<Connection *> chosen;
    for (const QModelIndex &index : m_connectionList->selectionModel()->selectedRows()) {
        if (Connection *c = m_connectionModel->connectionAt(index.row()))
            chosen << c;
    }
    if (chosen.size() != 2 && current) {
        // Not two selected: the attempt before the current one at the same URL (else the one after) is the
        // natural partner.
        Connection *one = current;
        const QList<Connection *> &all = m_workspace->connections();
        const qsizetype at = all.indexOf(one);
        Connection *partner = nullptr;
        for (qsizetype i = at - 1; i >= 0 && !partner; --i) {
            if (all.at(i)->url() == one->url())
                partner = all.at(i);
        }
        for (qsizetype i = at + 1; i < all.size() && !partner; ++i) {
            if (all.at(i)->url() == one->url())
                partner = all.at(i);
        }
        chosen = { one };
        if (partner)
            chosen.prepend(partner);
    }
    if (chosen.size() != 2) {
        m_statusLabel->setText(tr("Select two connections (Ctrl+click) to compare their handshakes."));
        return false;
    }
    std::sort(chosen.begin(), chosen.end(), [](Connection *a, Connection *b) { return a->id() < b->id(); });
    if (m_diffDialog)
        m_diffDialog->close();
    auto *dialog = new HandshakeDiffDialog(chosen.at(0), chosen.at(1), m_viewState->revealSecrets(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_viewState, &ViewState::revealSecretsChanged, dialog, &HandshakeDiffDialog::setRevealSecrets);
    m_diffDialog = dialog;
    dialog->show();
    return true;
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
    return MainWindowSettings(
        { this, m_mainSplitter, m_messagesSplitter, m_sidebarSplitter, m_handshakeView, m_eventLogView,
            m_actions->showFramesAction(), m_actions->relativeTimeAction(), m_tabs, m_statsPlot, m_viewState });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    settings().save();
    QMainWindow::closeEvent(event);
}

} // namespace wsi
