// ProtocolComposerPanel: the composer's Protocol tab.
#include "compose/protocolcomposerpanel.h"

#include "compose/graphqlform.h"
#include "compose/jsonrpcform.h"
#include "compose/mqttform.h"
#include "compose/sendscheduler.h"
#include "compose/socketioform.h"
#include "compose/stompform.h"
#include "connection/connection.h"
#include "decode/protocoldetector.h"
#include "models/protocollog.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace wsi {

ProtocolComposerPanel::ProtocolComposerPanel(SendScheduler *scheduler, QWidget *parent)
    : QWidget(parent)
    , m_scheduler(scheduler)
    , m_protocol(new QComboBox(this))
    , m_protocolLabel(new QLabel(this))
    , m_detected(new QLabel(this))
    , m_forms(new QStackedWidget(this))
    , m_previewLabel(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_send(new QPushButton(this))
{
    setObjectName(QStringLiteral("protocolComposer"));
    m_protocol->setObjectName(QStringLiteral("protocolComposerCombo"));
    m_preview->setObjectName(QStringLiteral("protocolPreview"));
    m_send->setObjectName(QStringLiteral("protocolSendButton"));
    m_status->setObjectName(QStringLiteral("protocolStatus"));
    m_protocolLabel->setBuddy(m_protocol);
    m_detected->setEnabled(false); // a hint, drawn dimmed

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    auto *top = new QHBoxLayout;
    top->addWidget(m_protocolLabel);
    top->addWidget(m_protocol);
    top->addWidget(m_detected, 1);
    layout->addLayout(top);

    auto *body = new QHBoxLayout;
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_forms);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    body->addWidget(scroll, 3);
    auto *right = new QVBoxLayout;
    right->addWidget(m_previewLabel);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_preview->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // hex breaks between bytes
    m_preview->setMinimumHeight(40); // it scrolls; the composer's minimum height is the log's loss
    right->addWidget(m_preview, 1);
    m_status->setWordWrap(true);
    // The status beside the Send button, not above it: one row less keeps the composer's minimum height
    // (its tallest page's) from taking rows from the log.
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_status, 1);
    sendRow->addWidget(m_send, 0, Qt::AlignRight | Qt::AlignTop);
    right->addLayout(sendRow);
    body->addLayout(right, 2);
    layout->addLayout(body, 1);

    addForm(new SocketIoForm(m_forms));
    addForm(new StompForm(m_forms));
    addForm(new GraphqlForm(m_forms));
    addForm(new JsonRpcForm(m_forms));
    addForm(new MqttForm(m_forms));
    connect(m_protocol, &QComboBox::activated, this, [this] { m_userChose = true; });
    connect(m_protocol, &QComboBox::currentIndexChanged, m_forms, &QStackedWidget::setCurrentIndex);
    connect(m_forms, &QStackedWidget::currentChanged, this, &ProtocolComposerPanel::fitStackToForm);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &ProtocolComposerPanel::updatePreview);
    connect(m_send, &QPushButton::clicked, this, &ProtocolComposerPanel::send);
    const int last = m_protocol->findData(QSettings().value(QStringLiteral("composer/protocol/last")).toString());
    m_protocol->setCurrentIndex(last >= 0 ? last : m_protocol->findData(QStringLiteral("jsonrpc")));
    fitStackToForm(m_forms->currentIndex());
    retranslate();
    updatePreview();
    updateState();
}

void ProtocolComposerPanel::fitStackToForm(int current)
{
    // The stack is as tall as the shown form, not the tallest one (STOMP's), so a short form needs no
    // scroll bar.
    for (int i = 0; i < m_forms->count(); ++i) {
        const auto policy = i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        m_forms->widget(i)->setSizePolicy(policy, policy);
    }
}

ProtocolComposerPanel::~ProtocolComposerPanel() = default;

void ProtocolComposerPanel::addForm(ProtocolForm *form)
{
    QSettings settings;
    form->restoreFields(settings);
    m_forms->addWidget(form);
    for (QWidget *field : form->findChildren<QWidget *>())
        field->installEventFilter(this);
    m_protocol->addItem(ProtocolLog::displayName(form->protocolId()), form->protocolId());
    connect(form, &ProtocolForm::changed, this, &ProtocolComposerPanel::updatePreview);
}

ProtocolForm *ProtocolComposerPanel::currentForm() const
{
    return static_cast<ProtocolForm *>(m_forms->currentWidget());
}

bool ProtocolComposerPanel::setProtocol(const QString &protocolId)
{
    const int index = m_protocol->findData(protocolId);
    if (index < 0)
        return false;
    m_protocol->setCurrentIndex(index);
    return true;
}

QString ProtocolComposerPanel::protocol() const
{
    return m_protocol->currentData().toString();
}

QString ProtocolComposerPanel::previewText() const
{
    return m_preview->toPlainText();
}

void ProtocolComposerPanel::setConnection(Connection *connection)
{
    if (m_connection == connection)
        return;
    if (m_connection) {
        disconnect(m_connection, nullptr, this, nullptr);
        disconnect(ProtocolLog::of(m_connection), nullptr, this, nullptr);
    }
    m_connection = connection;
    m_userChose = false;
    // Ids are numbered per connection: a new one starts from the first id again.
    for (int i = 0; i < m_forms->count(); ++i)
        static_cast<ProtocolForm *>(m_forms->widget(i))->resetIds();
    if (connection) {
        connect(connection, &Connection::stateChanged, this, &ProtocolComposerPanel::updateState);
        connect(connection, &Connection::stateChanged, this, &ProtocolComposerPanel::followDetectedProtocol);
        connect(ProtocolLog::of(connection), &ProtocolLog::protocolChanged, this,
            &ProtocolComposerPanel::followDetectedProtocol);
    }
    followDetectedProtocol();
    updatePreview();
    updateState();
}

void ProtocolComposerPanel::followDetectedProtocol()
{
    QString detected = m_connection ? ProtocolLog::of(m_connection)->protocol() : QString();
    if (m_connection && detected.isEmpty()) {
        // The log decides at the first message; what the handshake tells is known as soon as it opens,
        // which is when the user starts composing (an MQTT client speaks first).
        ProtocolDetector detector;
        detector.setOverride(m_connection->options().protocol);
        detector.setSubprotocol(m_connection->negotiatedSubprotocol());
        detector.setUrl(m_connection->url());
        detected = detector.protocol();
    }
    m_detected->setText(
        detected.isEmpty() ? QString() : tr("Detected on this connection: %1").arg(ProtocolLog::displayName(detected)));
    if (!m_userChose && !detected.isEmpty())
        setProtocol(detected);
}

void ProtocolComposerPanel::updatePreview()
{
    QByteArray bytes;
    QString error;
    ProtocolForm *form = currentForm();
    if (!form->build(false, &bytes, &error)) {
        m_valid = false;
        m_preview->clear();
        m_previewLabel->setText(tr("Preview:"));
        m_status->setText(error);
        updateState();
        return;
    }
    m_valid = true;
    m_status->clear();
    if (form->isBinary()) {
        m_preview->setPlainText(QString::fromLatin1(bytes.toHex(' ')));
    } else {
        // NUL (STOMP's frame end) shown as the symbol for it, so the preview stays one readable text.
        m_preview->setPlainText(QString::fromUtf8(bytes).replace(QChar(0), QChar(0x2400)));
    }
    m_previewLabel->setText(form->isBinary()
            ? tr("Preview (%n byte(s), binary message, hex):", nullptr, int(bytes.size()))
            : tr("Preview (%n byte(s), text message):", nullptr, int(bytes.size())));
    updateState();
}

void ProtocolComposerPanel::updateState()
{
    const bool open = m_connection && m_connection->state() == Connection::State::Open;
    m_send->setEnabled(open && m_valid);
    m_send->setToolTip(open ? tr("Send this message (Ctrl+Enter)") : tr("Connect first: the connection is not open."));
}

bool ProtocolComposerPanel::send()
{
    ProtocolForm *form = currentForm();
    QByteArray bytes;
    QString error;
    if (!m_connection || m_scheduler->isRepeating() || !form->build(true, &bytes, &error)
        || !m_scheduler->transmit(bytes, !form->isBinary(), true, &error)) {
        updatePreview(); // shows the next id, or the fields' error
        if (!error.isEmpty())
            m_status->setText(error);
        return false;
    }
    QSettings settings;
    form->saveFields(settings);
    settings.setValue(QStringLiteral("composer/protocol/last"), form->protocolId());
    Q_EMIT sent(form->isBinary() ? QString::fromLatin1(bytes.toHex(' ')) : QString::fromUtf8(bytes), !form->isBinary());
    updatePreview(); // the next id
    return true;
}

void ProtocolComposerPanel::retranslate()
{
    m_protocolLabel->setText(tr("P&rotocol:"));
    m_protocol->setToolTip(tr("Build a message from the protocol's fields. Follows the protocol detected on the "
                              "connection until you choose one."));
    m_send->setText(tr("&Send"));
    followDetectedProtocol();
    updatePreview();
}

bool ProtocolComposerPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Ctrl+Enter sends from any field, as it does from the Message tab's editor (where a text field would
    // otherwise take it as a new line).
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ProtocolComposerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace wsi
