#include "compose/composer.h"

#include "common/viewstate.h"
#include "compose/closedialog.h"
#include "compose/composercontrolrow.h"
#include "compose/composerheader.h"
#include "compose/messageeditor.h"
#include "compose/messagepage.h"
#include "compose/protocolcomposerpanel.h"
#include "compose/proxyinjectrow.h"
#include "compose/rawframepanel.h"
#include "compose/savedmessagespanel.h"
#include "compose/savemessageprompt.h"
#include "compose/sendcolumn.h"
#include "compose/sendscheduler.h"
#include "connection/connection.h"

#include <QDragEnterEvent>
#include <QEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wsi {

static QString endpointOf(const Connection *c)
{
    return c ? c->url().adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString()
             : QString();
}

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_scheduler(new SendScheduler(this))
{
    setObjectName(QStringLiteral("composer"));
    setAcceptDrops(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);

    m_header = new ComposerHeader(this);
    layout->addWidget(m_header);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("composerTabs"));
    m_tabs->setDocumentMode(true);
    m_page = new MessagePage(kMaxRepeatCount, m_scheduler, m_tabs);
    m_message = m_page->message();
    m_sendColumn = m_page->sendColumn();
    m_controls = m_page->controls();
    m_injectRow = m_page->injectRow();
    m_tabs->addTab(m_page, QString());
    m_protocolPanel = new ProtocolComposerPanel(m_scheduler, m_tabs);
    m_tabs->addTab(m_protocolPanel, QString());
    m_rawPanel = new RawFramePanel(m_tabs);
    m_tabs->addTab(m_rawPanel, QString());
    m_savedPanel = new SavedMessagesPanel(m_tabs);
    m_tabs->addTab(m_savedPanel, QString());
    retranslateUi();
    layout->addWidget(m_tabs, 1);

    connect(m_message, &MessageEditor::validated, this, &Composer::updateState);
    connect(m_message, &MessageEditor::sendRequested, this, &Composer::send);
    connect(m_page, &MessagePage::fileLoaded, this, &Composer::fileLoaded);
    connect(m_sendColumn->button(), &QPushButton::clicked, this, &Composer::send);
    connect(m_controls, &ComposerControlRow::pingRequested, this, &Composer::ping);
    connect(m_controls, &ComposerControlRow::closeRequested, this, &Composer::closeWithDialog);
    connect(m_controls, &ComposerControlRow::repeatRequested, this, &Composer::startRepeat);
    connect(m_controls, &ComposerControlRow::stopRequested, this, &Composer::stopRepeat);
    connect(m_scheduler, &SendScheduler::repeatStopped, this, &Composer::onRepeatStopped);
    connect(m_savedPanel, &SavedMessagesPanel::loadRequested, this, &Composer::onSavedLoad);
    connect(m_savedPanel, &SavedMessagesPanel::saveCurrentRequested, this, &Composer::onSaveCurrentRequested);
    connect(m_protocolPanel, &ProtocolComposerPanel::sent, m_page, &MessagePage::rememberProtocolMessage);
    connect(m_header, &ComposerHeader::collapseRequested, this, &Composer::setCollapsed);
    m_message->validateNow();
    updateState();
}

Composer::~Composer() = default;

void Composer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The hint and the buttons' tooltips follow the state; the parts retranslate their fixed texts themselves.
        m_message->validateNow();
        updateState();
    }
    QWidget::changeEvent(event);
}

void Composer::retranslateUi()
{
    m_tabs->setTabText(MessageTab, tr("Message"));
    m_tabs->setTabText(ProtocolTab, tr("Protocol"));
    m_tabs->setTabText(RawFrameTab, tr("Raw Frame (for testing servers)"));
    m_tabs->setTabText(SavedTab, tr("Saved"));
}

Connection *Composer::connection() const
{
    return m_connection;
}

void Composer::setConnection(Connection *connection)
{
    if (m_connection == connection)
        return;
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    m_scheduler->setConnection(connection); // stops a repeat, forgets a send in flight
    m_page->forgetSendProgress();
    if (connection) {
        connect(connection, &Connection::stateChanged, this, &Composer::updateState);
    }
    m_header->setConnection(connection);
    m_rawPanel->setConnection(connection);
    m_protocolPanel->setConnection(connection);
    m_savedPanel->setEndpoint(endpointOf(connection));
    updateState();
}

bool Composer::canSend() const
{
    if (ProxyInjectRow::isProxied(m_connection))
        return m_injectRow->canInject(m_connection);
    return m_connection && m_connection->state() == Connection::State::Open;
}

void Composer::setProxyRules(ProxyRuleSet *rules)
{
    m_injectRow->setRules(rules);
    updateState();
}

QPlainTextEdit *Composer::editor() const
{
    return m_message->editor();
}

bool Composer::isPayloadValid() const
{
    return m_message->isValid();
}

QString Composer::errorText() const
{
    return m_message->errorText();
}

Composer::Format Composer::format() const
{
    return Format(m_message->format());
}

void Composer::setFormat(Format format)
{
    m_message->setFormat(format);
}

void Composer::setFrameSize(int bytes)
{
    m_message->setFrameSize(bytes);
}

void Composer::loadFile(const QString &path)
{
    m_page->loadFile(path);
}

bool Composer::buildPayload(bool advanceCounter, QByteArray *bytes, bool *isText, QString *error)
{
    return m_message->buildPayload(advanceCounter, bytes, isText, error);
}

void Composer::setCollapsed(bool collapsed)
{
    if (collapsed == isCollapsed())
        return;
    m_tabs->setVisible(!collapsed);
    m_header->showCollapsed(collapsed);
    // A splitter never makes a child taller than its maximum: folded, the title row is all there is to show.
    setMaximumHeight(collapsed ? minimumSizeHint().height() : QWIDGETSIZE_MAX);
    Q_EMIT collapsedChanged(collapsed);
}

bool Composer::isCollapsed() const
{
    return m_tabs->isHidden();
}

bool Composer::send()
{
    if (isCollapsed()) {
        setCollapsed(false);
        editor()->setFocus();
        return false;
    }
    if (ProxyInjectRow::isProxied(m_connection)) {
        // Only whole messages can be injected: the raw and protocol tabs write to a socket of ours.
        if (m_tabs->currentIndex() != MessageTab || !canSend())
            return false;
        m_message->validateIfPending();
        QByteArray bytes;
        bool isText = false;
        QString error;
        if (!m_message->isValid() || !buildPayload(true, &bytes, &isText, &error)
            || !m_injectRow->inject(m_connection, isText, bytes, &error)) {
            m_message->showStatus(error, true);
            return false;
        }
        m_message->showStatus(QString(), false);
        return true;
    }
    if (m_tabs->currentIndex() == RawFrameTab)
        return m_rawPanel->send();
    if (m_tabs->currentIndex() == ProtocolTab)
        return canSend() && m_protocolPanel->send();
    if (!canSend() || isRepeating())
        return false;
    m_message->validateIfPending();
    if (!m_message->isValid())
        return false;
    QByteArray bytes;
    bool isText = false;
    QString error;
    if (!buildPayload(true, &bytes, &isText, &error) || !m_scheduler->transmit(bytes, isText, true, &error)) {
        m_message->showStatus(error, true);
        return false;
    }
    if (format() != FileFormat)
        m_page->remember({ PayloadFormat(format()), editor()->toPlainText() });
    m_page->restartRecall();
    m_message->showStatus(QString(), false);
    // Keep the text: resending the same message is the common case when probing a server.
    editor()->selectAll();
    m_message->validateNow(); // {{counter}} moved on: refresh the preview
    return true;
}

bool Composer::resend(const QByteArray &bytes, bool isText)
{
    QString error;
    if (!m_scheduler->transmit(bytes, isText, false, &error)) {
        m_message->showStatus(error, true);
        return false;
    }
    return true;
}

void Composer::setPayload(const QByteArray &bytes, bool isText)
{
    setCollapsed(false);
    m_tabs->setCurrentIndex(MessageTab);
    m_page->showMessage(
        isText ? TextFormat : HexFormat, isText ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes.toHex(' ')));
}

bool Composer::ping()
{
    if (!canSend() || ProxyInjectRow::isProxied(m_connection))
        return false; // the proxy relays the peers' own pings; it writes none of its own

    const QByteArray payload = m_controls->pingPayload();
    if (payload.size() > 125) {
        m_message->showStatus(
            tr("The ping payload is %1 bytes; a control frame carries at most 125 bytes. Shorten it, or use "
               "the oversized-ping preset in Raw Frame mode to test the server.")
                .arg(payload.size()),
            true);
        return false;
    }
    if (!m_connection->ping(payload)) {
        m_message->showStatus(tr("The ping was not sent: the connection is not open."), true);
        return false;
    }
    m_message->showStatus(QString(), false);
    return true;
}

void Composer::closeWithDialog()
{
    if (!canSend())
        return;
    QPointer<Connection> target = m_connection;
    CloseDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted && target && target->state() == Connection::State::Open)
        target->close(dialog.code(), dialog.reason());
}

void Composer::startRepeat(int count, int intervalMs)
{
    if (isRepeating() || !canSend() || ProxyInjectRow::isProxied(m_connection))
        return;
    m_message->validateIfPending();
    if (!m_message->isValid())
        return;
    const int total = qBound(1, count, kMaxRepeatCount);
    m_controls->showRepeatProgress(0, total);
    m_scheduler->startRepeat(total, intervalMs,
        [this](QByteArray *bytes, bool *isText, QString *error) { return buildPayload(true, bytes, isText, error); });
    updateState();
}

void Composer::stopRepeat()
{
    m_scheduler->stopRepeat();
}

bool Composer::isRepeating() const
{
    return m_scheduler->isRepeating();
}

void Composer::onRepeatStopped(const QString &message, bool error)
{
    if (!message.isEmpty())
        m_message->showStatus(message, error);
    updateState();
    Q_EMIT repeatFinished();
}

bool Composer::recallPrevious()
{
    return m_page->recallPrevious();
}

bool Composer::recallNext()
{
    return m_page->recallNext();
}

QString Composer::saveCurrent(const QString &name, bool forEndpoint)
{
    if (format() == FileFormat || name.trimmed().isEmpty())
        return {};
    return m_savedPanel->add(
        name.trimmed(), PayloadFormat(format()), editor()->toPlainText(), forEndpoint && m_connection);
}

void Composer::onSaveCurrentRequested()
{
    if (format() == FileFormat) {
        m_message->showStatus(tr("Files are not saved; save a text, JSON, hex or base64 message."), true);
        return;
    }
    SaveMessagePrompt prompt(editor()->toPlainText().simplified().left(40), endpointOf(m_connection));
    if (prompt.ask(this))
        saveCurrent(prompt.name(), prompt.forEndpoint());
}

void Composer::onSavedLoad(const SavedMessage &message)
{
    m_tabs->setCurrentIndex(MessageTab);
    m_page->showMessage(int(message.format), message.body);
}

void Composer::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.constFirst().isLocalFile())
        event->acceptProposedAction();
}

void Composer::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.constFirst().isLocalFile())
        return;
    event->acceptProposedAction();
    setCollapsed(false);
    m_tabs->setCurrentIndex(MessageTab);
    loadFile(urls.constFirst().toLocalFile());
}

void Composer::setRevealSecrets(bool reveal)
{
    m_revealSecrets = reveal;
    updateState();
}

void Composer::updateState()
{
    const bool open = canSend();
    m_injectRow->setVisible(ProxyInjectRow::isProxied(m_connection));
    m_injectRow->setToolTip(m_injectRow->blockedReason(m_connection));
    const bool repeating = isRepeating(); // a repeat the closing connection cut short ends on the scheduler's next tick
    m_sendColumn->updateState(open, m_message->isValid(), repeating, m_message->invalidReason());
    // Ping and repeat write to a socket of ours, which a proxied connection has not.
    m_controls->updateState(
        open && !ProxyInjectRow::isProxied(m_connection), m_message->isValid(), repeating, m_message->invalidReason());
    m_header->updateHint(open, m_revealSecrets);
    if (open != m_lastCanSend) {
        m_lastCanSend = open;
        Q_EMIT canSendChanged(open);
    }
}

void Composer::observe(ViewState *state)
{
    connect(state, &ViewState::currentConnectionChanged, this, &Composer::setConnection);
    connect(state, &ViewState::revealSecretsChanged, this, &Composer::setRevealSecrets);
    setConnection(state->currentConnection());
    setRevealSecrets(state->revealSecrets());
}

} // namespace wsi
