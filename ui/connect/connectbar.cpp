#include "connect/connectbar.h"

#include "common/theme.h"
#include "common/viewstate.h"
#include "connect/connectionoptionseditor.h"
#include "connect/secretheadersedit.h"
#include "connection/connection.h"
#include "endpoints/endpointstore.h"
#include "explain/secretmasker.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace wsi {

namespace {

ConnectBar::PasswordPrompt &passwordPrompt()
{
    static ConnectBar::PasswordPrompt prompt;
    return prompt;
}

bool isPkcs12(const QString &path)
{
    return path.endsWith(QLatin1String(".p12"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".pfx"), Qt::CaseInsensitive);
}

} // namespace

void ConnectBar::setPasswordPrompt(PasswordPrompt prompt)
{
    passwordPrompt() = std::move(prompt);
}

ConnectBar::ConnectBar(EndpointStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("connectBar"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(4);

    m_row = new QHBoxLayout;
    m_row->setSpacing(6);
    m_url = new QComboBox(this);
    m_url->setObjectName(QStringLiteral("urlCombo"));
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_url->setMinimumContentsLength(30);
    m_url->lineEdit()->setObjectName(QStringLiteral("urlEdit"));
    m_url->lineEdit()->setPlaceholderText(QStringLiteral("ws://127.0.0.1:9000/chat"));
    m_url->lineEdit()->setClearButtonEnabled(true);
    m_url->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_url->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_row->addWidget(m_url, 1);

    m_optionsButton = new QToolButton(this);
    m_optionsButton->setObjectName(QStringLiteral("optionsButton"));
    m_optionsButton->setCheckable(true);
    m_optionsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_optionsButton->setArrowType(Qt::RightArrow);
    m_row->addWidget(m_optionsButton);

    m_connect = new QPushButton(theme::icon("connect"), QString(), this);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    m_row->addWidget(m_connect);
    layout->addLayout(m_row);

    // Scrolled when the window is short: inline and unbounded, the options (~520 px) made the window taller than a
    // 768 px screen, its status bar and the log's bottom off the screen.
    m_optionsArea = new QScrollArea(this);
    m_optionsArea->setObjectName(QStringLiteral("connectOptionsArea"));
    m_optionsArea->setFrameShape(QFrame::NoFrame);
    m_optionsArea->setWidgetResizable(true);
    m_optionsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // It takes what the views below leave (1: a minimum of its own, not its scroll bars'): their minimum already
    // nearly fills a laptop's screen.
    m_optionsArea->setMinimumHeight(1);
    m_editor = new ConnectionOptionsEditor(m_optionsArea);
    m_editor->setContentsMargins(0, 2, 0, 2);
    m_optionsArea->setWidget(m_editor);
    m_optionsArea->hide();
    layout->addWidget(m_optionsArea);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("connectErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);

    connect(m_connect, &QPushButton::clicked, this, &ConnectBar::onConnectClicked);
    connect(m_url->lineEdit(), &QLineEdit::returnPressed, this, &ConnectBar::onReturnPressed);
    connect(m_url->lineEdit(), &QLineEdit::textEdited, this, &ConnectBar::clearError);
    connect(m_optionsButton, &QToolButton::toggled, this, &ConnectBar::setOptionsVisible);
    connect(m_editor, &ConnectionOptionsEditor::changed, this, &ConnectBar::updateOptionsButton);
    // Picking a URL used before brings back the options used with it.
    connect(m_url, &QComboBox::textActivated, this, &ConnectBar::recallOptions);
    connect(m_url->lineEdit(), &QLineEdit::editingFinished, this, &ConnectBar::recallOptions);
    connect(m_store, &EndpointStore::recentUrlsChanged, this, &ConnectBar::showRecentUrls);
    showRecentUrls();
    // Typing or picking a recent URL is the user's: a new selection must not overwrite it. Emptying the
    // field hands it back to the selection.
    connect(m_url->lineEdit(), &QLineEdit::textEdited, this,
        [this](const QString &text) { m_userEdited = !text.isEmpty(); });
    connect(m_url, &QComboBox::textActivated, this, [this] { m_userEdited = true; });
    m_url->lineEdit()->installEventFilter(this);
    retranslate();
}

ConnectBar::~ConnectBar() = default;

QString ConnectBar::urlText() const
{
    if (!m_userEdited && !m_followedUrl.isEmpty() && m_url->currentText() == followedShownUrl())
        return m_followedUrl;
    return m_url->currentText().trimmed();
}

void ConnectBar::setUrlText(const QString &url)
{
    m_userEdited = false;
    m_url->setEditText(url);
}

void ConnectBar::observe(ViewState *state)
{
    connect(state, &ViewState::revealSecretsChanged, this, &ConnectBar::setRevealSecrets);
    connect(state, &ViewState::currentConnectionChanged, this, &ConnectBar::followConnection);
    setRevealSecrets(state->revealSecrets());
    followConnection(state->currentConnection());
}

void ConnectBar::followConnection(Connection *connection)
{
    // No selection (the last one removed): the field keeps the URL it shows, a natural one to connect to again.
    if (!connection || m_userEdited)
        return;
    // An incoming client's options.url is the local server's URL it connected to.
    m_followedUrl = connection->url().toString();
    m_url->setEditText(followedShownUrl());
}

QString ConnectBar::followedShownUrl() const
{
    return m_revealSecrets ? m_followedUrl : SecretMasker::maskUrl(m_followedUrl);
}

bool ConnectBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_url->lineEdit() && event->type() == QEvent::KeyPress)
        revealFollowedUrlForEditing(static_cast<const QKeyEvent *>(event));
    return QWidget::eventFilter(watched, event);
}

void ConnectBar::revealFollowedUrlForEditing(const QKeyEvent *key)
{
    // Editing the masked URL as shown would send the mask characters: the first key that changes the text swaps
    // in the real URL (the user is editing it, as in the headers field), keeping "all selected" so that typing
    // over it still replaces it.
    QLineEdit *edit = m_url->lineEdit();
    if (m_userEdited || m_followedUrl.isEmpty() || followedShownUrl() == m_followedUrl
        || edit->text() != followedShownUrl())
        return;
    const QString typed = key->text();
    const bool changesText = (!typed.isEmpty() && typed.at(0).isPrint()) || key->key() == Qt::Key_Backspace
        || key->key() == Qt::Key_Delete || key->matches(QKeySequence::Paste) || key->matches(QKeySequence::Cut);
    if (!changesText)
        return;
    const bool allSelected = edit->hasSelectedText() && edit->selectedText() == edit->text();
    edit->setText(m_followedUrl);
    if (allSelected)
        edit->selectAll();
    else
        edit->end(false);
}

void ConnectBar::focusUrl()
{
    m_url->setFocus(Qt::ShortcutFocusReason);
    m_url->lineEdit()->selectAll();
}

void ConnectBar::addActionButton(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(false);
    m_row->addWidget(button);
}

void ConnectBar::setOptionsVisible(bool visible)
{
    const bool changed = visible == m_optionsArea->isHidden();
    m_optionsArea->setVisible(visible);
    m_optionsButton->setChecked(visible);
    m_optionsButton->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    if (visible)
        m_editor->headersEdit()->editor()->setFocus();
    if (changed)
        Q_EMIT optionsShown(visible);
}

int ConnectBar::optionsHeight() const
{
    return m_optionsArea->isVisible() ? m_optionsArea->height() : 0;
}

int ConnectBar::optionsWantedHeight() const
{
    return m_editor->sizeHint().height();
}

void ConnectBar::clearOptions()
{
    m_editor->clear();
}

SecretHeadersEdit *ConnectBar::headersEdit() const
{
    return m_editor->headersEdit();
}

void ConnectBar::setRevealSecrets(bool reveal)
{
    m_editor->setRevealSecrets(reveal);
    if (m_revealSecrets == reveal)
        return;
    // The followed URL is re-shown in the new masking only if the field still shows it.
    const bool showsFollowed = !m_userEdited && !m_followedUrl.isEmpty() && m_url->currentText() == followedShownUrl();
    m_revealSecrets = reveal;
    if (showsFollowed)
        m_url->setEditText(followedShownUrl());
}

void ConnectBar::recallOptions()
{
    ConnectionOptions shown = m_editor->shownOptions();
    shown.url = QUrl(urlText(), QUrl::StrictMode);
    if (shown.url.isValid() && m_store->recallOptions(&shown))
        m_editor->showOptions(shown);
}

void ConnectBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConnectBar::retranslate()
{
    m_url->setToolTip(tr("WebSocket URL: ws://host:port/path or wss://host/path (Ctrl+L)"));
    m_optionsButton->setToolTip(tr("Request headers, subprotocols, Origin, TLS, keepalive and reconnect"));
    m_connect->setText(tr("Connect"));
    m_connect->setToolTip(tr("Open a WebSocket connection to this URL (Enter)"));
    updateOptionsButton();
}

void ConnectBar::updateOptionsButton()
{
    const int count = m_editor->changedCount();
    m_optionsButton->setText(count ? tr("Options (%1)").arg(count) : tr("Options"));
}

void ConnectBar::showError(const QString &message)
{
    m_error->setStyleSheet(theme::bannerStyleSheet(theme::Tone::Error, palette()));
    m_error->setText(message);
    m_error->show();
}

void ConnectBar::clearError()
{
    m_error->hide();
    m_error->clear();
}

QString ConnectBar::errorText() const
{
    return m_error->text();
}

bool ConnectBar::isErrorVisible() const
{
    return !m_error->isHidden();
}

bool ConnectBar::buildOptions(ConnectionOptions *options)
{
    const QString urlText = this->urlText();
    if (urlText.isEmpty()) {
        showError(tr("Enter a ws:// or wss:// URL to connect to, for example ws://127.0.0.1:9000/chat."));
        focusUrl();
        return false;
    }
    const QUrl url(urlText, QUrl::StrictMode);
    if (!url.isValid()) {
        showError(tr("The URL is not valid: %1").arg(url.errorString()));
        focusUrl();
        return false;
    }
    ConnectionOptions o;
    QString optionsError;
    if (!m_editor->options(&o, &optionsError)) {
        showError(optionsError);
        setOptionsVisible(true);
        return false;
    }
    o.url = url;
    if (isPkcs12(o.clientCertificateFile) && o.clientCertificatePassword.isEmpty()) {
        bool ok = false;
        const QString file = o.clientCertificateFile;
        const QString password = passwordPrompt()
            ? passwordPrompt()(this, file, &ok)
            : QInputDialog::getText(this, tr("Client certificate password"), tr("Password for %1:").arg(file),
                QLineEdit::Password, QString(), &ok);
        if (!ok)
            return false; // the user cancelled the certificate password prompt
        o.clientCertificatePassword = password;
    }

    const QString error = o.validate();
    if (!error.isEmpty()) {
        showError(error);
        if (m_editor->changedCount() > 0) {
            // The problem may be in the options: make sure the user can see them.
            if (!error.contains(QLatin1String("URL"), Qt::CaseInsensitive))
                setOptionsVisible(true);
        }
        return false;
    }
    clearError();
    *options = o;
    return true;
}

void ConnectBar::onReturnPressed()
{
    // An editable QComboBox hands the line edit's unhandled Return back to it, so one Enter emits
    // returnPressed twice: one key press is one connection.
    if (m_returnPending)
        return;
    m_returnPending = true;
    QTimer::singleShot(0, this, [this] { m_returnPending = false; });
    onConnectClicked();
}

void ConnectBar::onConnectClicked()
{
    ConnectionOptions options;
    if (!buildOptions(&options))
        return;
    addRecentUrl(options.url.toString());
    m_store->rememberOptions(options);
    // Sent: the field follows the selection again, starting with the connection this opens.
    m_userEdited = false;
    Q_EMIT connectRequested(options);
}

QStringList ConnectBar::recentUrls() const
{
    QStringList urls;
    for (int i = 0; i < m_url->count(); ++i)
        urls << m_url->itemText(i);
    return urls;
}

void ConnectBar::showRecentUrls()
{
    // Rebuilding the list resets the edit text; keep what the user typed.
    const QString text = m_url->currentText();
    m_url->clear();
    m_url->addItems(m_store->recentUrls());
    m_url->setCurrentIndex(-1);
    m_url->setEditText(text);
}

void ConnectBar::addRecentUrl(const QString &url)
{
    m_store->addRecentUrl(url); // recentUrlsChanged shows it
}

} // namespace wsi
