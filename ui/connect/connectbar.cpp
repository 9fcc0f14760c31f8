#include "connect/connectbar.h"

#include "common/theme.h"
#include "common/viewstate.h"
#include "connect/liveoptionswidget.h"
#include "connect/secretheadersedit.h"
#include "connect/tlsoptionswidget.h"
#include "connection/connection.h"
#include "explain/secretmasker.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace wsi {

static const char kRecentUrlsKey[] = "connect/recentUrls";

ConnectBar::ConnectBar(QWidget *parent)
    : QWidget(parent)
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
    m_url->setToolTip(tr("WebSocket URL: ws://host:port/path or wss://host/path (Ctrl+L)"));
    m_url->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_url->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_row->addWidget(m_url, 1);

    m_optionsButton = new QToolButton(this);
    m_optionsButton->setObjectName(QStringLiteral("optionsButton"));
    m_optionsButton->setCheckable(true);
    m_optionsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_optionsButton->setArrowType(Qt::RightArrow);
    m_optionsButton->setToolTip(tr("Request headers, subprotocols, Origin, TLS, keepalive and reconnect"));
    m_row->addWidget(m_optionsButton);

    m_connect = new QPushButton(theme::icon("connect"), tr("Connect"), this);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setToolTip(tr("Open a WebSocket connection to this URL (Enter)"));
    m_connect->setDefault(true);
    m_row->addWidget(m_connect);
    layout->addLayout(m_row);

    m_optionsPanel = new QWidget(this);
    m_optionsPanel->setObjectName(QStringLiteral("optionsPanel"));
    auto *form = new QFormLayout(m_optionsPanel);
    form->setContentsMargins(0, 2, 0, 2);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_headers = new SecretHeadersEdit(m_optionsPanel);
    m_headers->setObjectName(QStringLiteral("connectHeaders"));
    m_headers->editor()->setPlaceholderText(tr("One per line, e.g.\nAuthorization: Bearer abc123"));
    m_headers->setFixedHeight(m_headers->editor()->fontMetrics().lineSpacing() * 3 + 12);
    m_headers->editor()->setToolTip(tr("Extra request headers, \"Name: value\" per line. Headers Qt generates itself "
                                       "(Host, Upgrade, Connection, Sec-WebSocket-*) cannot be set."));
    form->addRow(tr("&Headers:"), m_headers);
    m_subprotocols = new QLineEdit(m_optionsPanel);
    m_subprotocols->setObjectName(QStringLiteral("subprotocolsEdit"));
    m_subprotocols->setPlaceholderText(tr("e.g. chat, superchat (offered in this order)"));
    m_subprotocols->setToolTip(tr("Subprotocols offered in Sec-WebSocket-Protocol; the server picks one"));
    form->addRow(tr("&Subprotocols:"), m_subprotocols);
    m_origin = new QLineEdit(m_optionsPanel);
    m_origin->setObjectName(QStringLiteral("originEdit"));
    m_origin->setPlaceholderText(tr("e.g. https://example.com (empty: no Origin header)"));
    m_origin->setToolTip(tr("The Origin header browsers send; servers often check it"));
    form->addRow(tr("&Origin:"), m_origin);
    m_tls = new TlsOptionsWidget(m_optionsPanel);
    form->addRow(m_tls);
    m_live = new LiveOptionsWidget(m_optionsPanel);
    form->addRow(m_live);
    m_optionsPanel->hide();
    layout->addWidget(m_optionsPanel);

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
    connect(m_headers, &SecretHeadersEdit::textChanged, this, &ConnectBar::updateOptionsButton);
    connect(m_subprotocols, &QLineEdit::textChanged, this, &ConnectBar::updateOptionsButton);
    connect(m_origin, &QLineEdit::textChanged, this, &ConnectBar::updateOptionsButton);
    connect(m_tls, &TlsOptionsWidget::changed, this, &ConnectBar::updateOptionsButton);
    connect(m_live, &LiveOptionsWidget::changed, this, &ConnectBar::updateOptionsButton);
    // Picking a remembered endpoint brings back its TLS options.
    connect(m_url, &QComboBox::textActivated, this, &ConnectBar::loadEndpointOptions);
    connect(m_url->lineEdit(), &QLineEdit::editingFinished, this, &ConnectBar::loadEndpointOptions);
    // Typing or picking a recent URL is the user's: a new selection must not overwrite it. Emptying the
    // field hands it back to the selection.
    connect(m_url->lineEdit(), &QLineEdit::textEdited, this,
        [this](const QString &text) { m_userEdited = !text.isEmpty(); });
    connect(m_url, &QComboBox::textActivated, this, [this] { m_userEdited = true; });
    loadRecentUrls();
    updateOptionsButton();
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
    m_optionsPanel->setVisible(visible);
    m_optionsButton->setChecked(visible);
    m_optionsButton->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    if (visible)
        m_headers->editor()->setFocus();
}

void ConnectBar::clearOptions()
{
    m_headers->setText(QString());
    m_subprotocols->clear();
    m_origin->clear();
    m_tls->clear();
    m_live->clear();
}

void ConnectBar::setRevealSecrets(bool reveal)
{
    m_headers->setRevealSecrets(reveal);
    if (m_revealSecrets == reveal)
        return;
    // The followed URL is re-shown in the new masking only if the field still shows it.
    const bool showsFollowed = !m_userEdited && !m_followedUrl.isEmpty() && m_url->currentText() == followedShownUrl();
    m_revealSecrets = reveal;
    if (showsFollowed)
        m_url->setEditText(followedShownUrl());
}

void ConnectBar::loadEndpointOptions()
{
    const QUrl url(urlText(), QUrl::StrictMode);
    if (url.isValid() && url.scheme() == QLatin1String("wss"))
        m_tls->load(url);
    if (url.isValid())
        m_live->load(url);
}

void ConnectBar::updateOptionsButton()
{
    int count = 0;
    for (const QString &line : m_headers->text().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            ++count;
    }
    if (!m_subprotocols->text().trimmed().isEmpty())
        ++count;
    if (!m_origin->text().trimmed().isEmpty())
        ++count;
    count += m_tls->changedCount();
    count += m_live->changedCount();
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
    ConnectionOptions o;
    o.url = QUrl(urlText, QUrl::StrictMode);
    if (!o.url.isValid()) {
        showError(tr("The URL is not valid: %1").arg(o.url.errorString()));
        focusUrl();
        return false;
    }
    const QStringList lines = m_headers->text().split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        QPair<QByteArray, QByteArray> header;
        QString error;
        if (!parseHeaderLine(lines.at(i), &header, &error)) {
            showError(tr("Header line %1: %2").arg(i + 1).arg(error));
            setOptionsVisible(true);
            return false;
        }
        o.headers.append(header);
    }
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    o.subprotocols = m_subprotocols->text().split(separators, Qt::SkipEmptyParts);
    o.origin = m_origin->text().trimmed();
    if (!m_tls->apply(&o))
        return false; // the user cancelled the certificate password prompt
    m_live->apply(&o);

    const QString error = o.validate();
    if (!error.isEmpty()) {
        showError(error);
        if (!o.headers.isEmpty() || !o.subprotocols.isEmpty() || !o.origin.isEmpty() || m_tls->changedCount()) {
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
    m_tls->save(options.url);
    m_live->save(options.url);
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

void ConnectBar::loadRecentUrls()
{
    const QStringList urls = QSettings().value(QLatin1String(kRecentUrlsKey)).toStringList();
    m_url->addItems(urls.mid(0, kMaxRecentUrls));
    m_url->setCurrentIndex(-1);
    m_url->setEditText(QString());
}

void ConnectBar::addRecentUrl(const QString &url)
{
    QStringList urls = recentUrls();
    urls.removeAll(url);
    urls.prepend(url);
    while (urls.size() > kMaxRecentUrls)
        urls.removeLast();
    // Rebuilding the list resets the edit text; keep what the user typed.
    const QString text = m_url->currentText();
    m_url->clear();
    m_url->addItems(urls);
    m_url->setCurrentIndex(-1);
    m_url->setEditText(text);
    QSettings().setValue(QLatin1String(kRecentUrlsKey), urls);
}

} // namespace wsi
