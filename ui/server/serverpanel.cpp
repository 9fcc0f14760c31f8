#include "server/serverpanel.h"

#include "common/theme.h"
#include "common/viewstate.h"
#include "compose/closedialog.h"
#include "connection/connection.h"
#include "proxy/qtengineserver.h"
#include "server/localserver.h"
#include "server/serveroptionsform.h"
#include "tls/certificateauthority.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace wsi {

namespace {

ServerPanel::TextPrompt &broadcastPrompt()
{
    static ServerPanel::TextPrompt prompt;
    return prompt;
}

} // namespace

void ServerPanel::setBroadcastPrompt(TextPrompt prompt)
{
    broadcastPrompt() = std::move(prompt);
}

ServerPanel::ServerPanel(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_server(new LocalServer(workspace, this))
    , m_qtServer(new QtEngineServer(workspace, this))
{
    setObjectName(QStringLiteral("serverPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    m_startStop = new QPushButton(this);
    m_startStop->setObjectName(QStringLiteral("serverStartStopButton"));
    m_startStop->setMinimumWidth(90);
    top->addWidget(m_startStop);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("serverStateLabel"));
    top->addWidget(m_state, 1);
    layout->addLayout(top);

    auto *urlRow = new QHBoxLayout;
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("serverUrlEdit"));
    m_url->setReadOnly(true);
    m_url->setFont(theme::monospaceFont());
    urlRow->addWidget(m_url, 1);
    m_copy = new QPushButton(this);
    m_copy->setObjectName(QStringLiteral("serverCopyUrlButton"));
    urlRow->addWidget(m_copy);
    layout->addLayout(urlRow);

    m_exposure = new QLabel(this);
    m_exposure->setObjectName(QStringLiteral("serverExposureWarning"));
    m_exposure->setWordWrap(true);
    m_exposure->hide();
    layout->addWidget(m_exposure);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("serverErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);

    m_stats = new QLabel(this);
    m_stats->setObjectName(QStringLiteral("serverStatsLabel"));
    layout->addWidget(m_stats);

    auto *actions = new QGridLayout;
    actions->setSpacing(4);
    m_connectToIt = new QPushButton(theme::icon("connect"), QString(), this);
    m_connectToIt->setObjectName(QStringLiteral("serverConnectToItButton"));
    m_broadcast = new QPushButton(theme::icon("send"), QString(), this);
    m_broadcast->setObjectName(QStringLiteral("serverBroadcastButton"));
    m_kick = new QPushButton(theme::icon("close"), QString(), this);
    m_kick->setObjectName(QStringLiteral("serverKickButton"));
    actions->addWidget(m_connectToIt, 0, 0, 1, 2);
    actions->addWidget(m_broadcast, 1, 0);
    actions->addWidget(m_kick, 1, 1);
    layout->addLayout(actions);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("serverOptionsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Never clip a field: a dock narrowed below the form's minimum scrolls sideways instead.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_form = new ServerOptionsForm(scroll);
    scroll->setWidget(m_form);
    layout->addWidget(scroll, 1);

    m_startStopAction = new QAction(theme::icon("connect"), tr("&Start Test Server"), this);
    m_startStopAction->setObjectName(QStringLiteral("serverStartStopAction"));
    m_startStopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_connectToItAction = new QAction(theme::icon("connect"), QString(), this);
    m_connectToItAction->setObjectName(QStringLiteral("serverConnectToItAction"));
    m_connectToItAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_broadcastAction = new QAction(theme::icon("send"), QString(), this);
    m_broadcastAction->setObjectName(QStringLiteral("serverBroadcastAction"));
    m_kickAction = new QAction(theme::icon("close"), QString(), this);
    m_kickAction->setObjectName(QStringLiteral("serverKickAction"));
    retranslateFixedTexts();

    // Buttons and menu items are one command each: the buttons trigger the actions.
    connect(m_startStop, &QPushButton::clicked, m_startStopAction, &QAction::trigger);
    connect(m_connectToIt, &QPushButton::clicked, m_connectToItAction, &QAction::trigger);
    connect(m_broadcast, &QPushButton::clicked, m_broadcastAction, &QAction::trigger);
    connect(m_kick, &QPushButton::clicked, m_kickAction, &QAction::trigger);
    connect(m_startStopAction, &QAction::triggered, this, [this] { isRunning() ? stop() : start(); });
    connect(m_connectToItAction, &QAction::triggered, this, &ServerPanel::connectToIt);
    connect(m_broadcastAction, &QAction::triggered, this, &ServerPanel::broadcastText);
    connect(m_kickAction, &QAction::triggered, this, &ServerPanel::kickCurrent);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_url->text()); });
    connect(m_server, &LocalServer::started, this, &ServerPanel::onStarted);
    connect(m_server, &LocalServer::stopped, this, &ServerPanel::onStopped);
    connect(m_server, &LocalServer::statsChanged, this, &ServerPanel::updateStats);
    connect(m_server, &LocalServer::clientDisconnected, this, &ServerPanel::updateButtons);
    connect(m_server, &LocalServer::notice, this, &ServerPanel::showError);
    connect(m_qtServer, &QtEngineServer::started, this, &ServerPanel::onStarted);
    connect(m_qtServer, &QtEngineServer::stopped, this, &ServerPanel::onStopped);
    connect(m_form, &ServerOptionsForm::addressChanged, this, &ServerPanel::updateExposure);
    connect(m_form, &ServerOptionsForm::modeChanged, this, [this] { m_server->setMode(m_form->mode()); });
    connect(m_form, &ServerOptionsForm::autoRepliesChanged, this, [this] {
        // Rules edited while running apply at once; a rule that cannot work is named and the old ones stay.
        QString error;
        if (m_server->setAutoReplies(m_form->autoReplies(), &error)) {
            if (m_rulesError)
                showError({});
            m_rulesError = false;
        } else if (m_server->isRunning()) {
            showError(tr("%1 The server keeps answering with the rules it had.").arg(error));
            m_rulesError = true;
        }
    });

    m_form->loadSettings();
    onStopped();
    updateExposure();
}

ServerPanel::~ServerPanel()
{
    m_form->saveSettings();
    // Clients are connections of the workspace: stop while both still exist.
    m_server->stop();
    m_qtServer->stop();
}

void ServerPanel::setCurrentConnection(Connection *connection)
{
    if (m_current)
        disconnect(m_current, nullptr, this, nullptr);
    m_current = connection;
    // Kick is possible only while the selected client is open; it may still be connecting now.
    if (connection)
        connect(connection, &Connection::stateChanged, this, &ServerPanel::updateButtons);
    updateButtons();
}

QList<QAction *> ServerPanel::menuActions() const
{
    return { m_startStopAction, m_connectToItAction, m_broadcastAction, m_kickAction };
}

QString ServerPanel::urlText() const
{
    return m_url->text();
}

QString ServerPanel::statsText() const
{
    return m_stats->text();
}

QString ServerPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool ServerPanel::isExposureWarningVisible() const
{
    return !m_exposure->isHidden();
}

QString ServerPanel::exposureWarningText() const
{
    return m_exposure->text();
}

void ServerPanel::start()
{
    ServerOptions options;
    QString error;
    if (!m_form->options(&options, &error)) {
        showError(error);
        return;
    }
    if (options.tls && options.certificateFile.isEmpty()) {
        QString warning;
        CertificateAuthority *authority = Connection::defaultCertificateAuthority(&warning);
        if (!authority || authority->certificate().isNull()) {
            showError(tr("No certificate for wss: the app's CA is not available. %1").arg(warning));
            return;
        }
        m_server->useCertificateAuthority(authority);
    }
    m_error->hide();
    const bool started
        = options.engine == ServerEngine::Qt ? m_qtServer->start(options, &error) : m_server->start(options, &error);
    if (!started) {
        showError(error.isEmpty() ? tr("The server could not start.") : error);
        return;
    }
    m_form->saveSettings();
}

void ServerPanel::stop()
{
    m_server->stop();
    m_qtServer->stop();
}

bool ServerPanel::isRunning() const
{
    return m_server->isRunning() || m_qtServer->isRunning();
}

QUrl ServerPanel::runningUrl() const
{
    return m_qtServer->isRunning() ? m_qtServer->url() : m_server->url();
}

quint16 ServerPanel::runningPort() const
{
    return m_qtServer->isRunning() ? m_qtServer->port() : m_server->port();
}

void ServerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateFixedTexts();
        isRunning() ? onStarted() : onStopped(); // the texts that follow the server's state
        updateExposure();
    }
    QWidget::changeEvent(event);
}

void ServerPanel::retranslateFixedTexts()
{
    m_url->setPlaceholderText(tr("not running"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the server's URL"));
    m_connectToIt->setText(tr("Connect to It"));
    m_broadcast->setText(tr("Broadcast\u2026"));
    m_broadcast->setToolTip(tr("Send a text message to every client"));
    m_kick->setText(tr("Kick\u2026"));
    m_kick->setToolTip(tr("Close the selected client with a code and a reason"));
    m_connectToItAction->setText(tr("&Connect to Test Server"));
    m_broadcastAction->setText(tr("&Broadcast to Clients\u2026"));
    m_kickAction->setText(tr("&Kick Selected Client\u2026"));
    m_startStop->setToolTip(
        tr("Start or stop the test server (%1)").arg(m_startStopAction->shortcut().toString(QKeySequence::NativeText)));
    m_connectToIt->setToolTip(tr("Open an outgoing connection to this server, to see both sides (%1)")
                                  .arg(m_connectToItAction->shortcut().toString(QKeySequence::NativeText)));
}

void ServerPanel::onStarted()
{
    m_url->setText(runningUrl().toString());
    m_startStop->setText(tr("Stop"));
    m_startStop->setIcon(theme::icon("disconnect"));
    m_startStopAction->setText(tr("&Stop Test Server"));
    m_startStopAction->setIcon(theme::icon("disconnect"));
    const QString color = theme::toneForeground(theme::Tone::Success, palette()).name();
    m_state->setText(m_qtServer->isRunning()
            ? tr("<b style='color:%1'>\u25cf Running</b> on port %2 (Qt engine: echo and silent only)")
                  .arg(color)
                  .arg(runningPort())
            : tr("<b style='color:%1'>\u25cf Running</b> on port %2").arg(color).arg(runningPort()));
    m_form->setRunning(true);
    updateStats();
}

void ServerPanel::onStopped()
{
    m_url->clear();
    m_startStop->setText(tr("Start"));
    m_startStop->setIcon(theme::icon("connect"));
    m_startStopAction->setText(tr("&Start Test Server"));
    m_startStopAction->setIcon(theme::icon("connect"));
    m_state->setText(tr("Stopped"));
    m_form->setRunning(false);
    updateStats();
}

void ServerPanel::updateStats()
{
    const LocalServer::Stats s = m_server->stats();
    if (m_qtServer->isRunning()) {
        // Qt's server keeps no counts of its own: its clients are proxied connections in the list, two legs each.
        m_stats->setText(tr("Qt engine: every client is a proxied connection with a client leg and a server leg."));
    } else if (!m_server->isRunning() && s.messagesIn == 0 && s.messagesOut == 0) {
        m_stats->setText(tr("No clients."));
    } else {
        m_stats->setText((s.clients == 1 ? tr("1 client") : tr("%1 clients").arg(s.clients))
            + tr(" \u00b7 in %1/s \u00b7 out %2/s \u00b7 %3 in / %4 out")
                  .arg(QString::number(s.inPerSecond, 'f', 1), QString::number(s.outPerSecond, 'f', 1))
                  .arg(s.messagesIn)
                  .arg(s.messagesOut));
    }
    updateButtons();
}

void ServerPanel::updateExposure()
{
    const bool exposed = m_form->isExposed();
    if (exposed) {
        m_exposure->setStyleSheet(theme::bannerStyleSheet(theme::Tone::Warning, palette()));
        m_exposure->setText(tr("\u26a0 Listening on %1 lets other machines on the network connect to this server. "
                               "Use 127.0.0.1 to keep it local.")
                                .arg(m_form->addressCombo()->currentText().trimmed()));
    }
    m_exposure->setVisible(exposed);
}

void ServerPanel::updateButtons()
{
    const bool running = m_server->isRunning(); // broadcast and kick are the built-in engine's
    m_copy->setEnabled(isRunning());
    m_connectToIt->setEnabled(isRunning());
    m_broadcast->setEnabled(running && m_server->stats().clients > 0);
    m_kick->setEnabled(
        running && m_current && m_server->hasClient(m_current) && m_current->state() == Connection::State::Open);
    m_connectToItAction->setEnabled(m_connectToIt->isEnabled());
    m_broadcastAction->setEnabled(m_broadcast->isEnabled());
    m_kickAction->setEnabled(m_kick->isEnabled());
}

void ServerPanel::showError(const QString &message)
{
    m_error->setStyleSheet(theme::bannerStyleSheet(theme::Tone::Error, palette()));
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ServerPanel::connectToIt()
{
    if (m_qtServer->isRunning()) {
        Q_EMIT connectRequested(m_qtServer->url(), QString());
        return;
    }
    if (!m_server->isRunning())
        return;
    // A generated wss certificate is issued by the app's CA: the outgoing side trusts that CA for this server.
    QString caFile;
    if (m_server->options().tls) {
        caFile = m_server->options().certificateFile.isEmpty()
            ? Connection::defaultCertificateAuthority()->certificatePath()
            : m_server->options().certificateFile;
    }
    Q_EMIT connectRequested(m_server->url(), caFile);
}

void ServerPanel::broadcastText()
{
    bool ok = false;
    const QString text = broadcastPrompt()
        ? broadcastPrompt()(this, &ok)
        : QInputDialog::getMultiLineText(this, tr("Broadcast"), tr("Text message to every client:"), QString(), &ok);
    if (ok && !text.isEmpty())
        m_server->broadcast(text);
}

void ServerPanel::kickCurrent()
{
    QPointer<Connection> target = m_current;
    if (!target || !m_server->hasClient(target))
        return;
    CloseDialog dialog(this);
    dialog.setWindowTitle(tr("Kick Client"));
    dialog.setCode(1008);
    dialog.setReason(tr("kicked by the server"));
    if (dialog.exec() == QDialog::Accepted && target)
        m_server->kick(target, dialog.code(), dialog.reason());
}

void ServerPanel::observe(ViewState *state)
{
    connect(state, &ViewState::currentConnectionChanged, this, &ServerPanel::setCurrentConnection);
    setCurrentConnection(state->currentConnection());
}

} // namespace wsi
