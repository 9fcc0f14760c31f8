#include "compose/rawframepanel.h"

#include "common/flowlayout.h"
#include "common/theme.h"
#include "compose/payloadparser.h"
#include "connection/connection.h"
#include "protocol/utf8validator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace wsi {

static QString opcodeName(int opcode)
{
    switch (opcode) {
    case 0x0:
        return RawFramePanel::tr("continuation");
    case 0x1:
        return RawFramePanel::tr("text");
    case 0x2:
        return RawFramePanel::tr("binary");
    case 0x8:
        return RawFramePanel::tr("close");
    case 0x9:
        return RawFramePanel::tr("ping");
    case 0xA:
        return RawFramePanel::tr("pong");
    default:
        return opcode < 0x8 ? RawFramePanel::tr("reserved, data") : RawFramePanel::tr("reserved, control");
    }
}

RawFramePanel::RawFramePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("rawFramePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *warning = new QLabel(this);
    m_warning = warning;
    warning->setObjectName(QStringLiteral("rawFrameWarning"));
    warning->setWordWrap(true);
    warning->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #e0c060;"
                                          " border-radius: 3px; padding: 3px 6px; }"));
    layout->addWidget(warning);

    // Groups wrap onto a second line when the composer is narrow (a dock beside it), instead of setting the
    // window's minimum width.
    auto *fields = new FlowLayout;
    QBoxLayout *bits = fields->addGroup();
    m_fin = new QCheckBox(QStringLiteral("FIN"), this);
    m_fin->setObjectName(QStringLiteral("rawFinCheckBox"));
    m_fin->setChecked(true);
    bits->addWidget(m_fin);
    for (int i = 0; i < 3; ++i) {
        m_rsv[i] = new QCheckBox(QStringLiteral("RSV%1").arg(i + 1), this);
        m_rsv[i]->setObjectName(QStringLiteral("rawRsv%1CheckBox").arg(i + 1));
        bits->addWidget(m_rsv[i]);
    }
    QBoxLayout *opcode = fields->addGroup();
    m_opcodeLabel = new QLabel(this);
    opcode->addWidget(m_opcodeLabel);
    m_opcode = new QComboBox(this);
    m_opcode->setObjectName(QStringLiteral("rawOpcodeCombo"));
    for (int op = 0; op < 16; ++op)
        m_opcode->addItem(QString(), op);
    m_opcode->setCurrentIndex(1);
    opcode->addWidget(m_opcode);
    QBoxLayout *mask = fields->addGroup();
    m_masked = new QCheckBox(this);
    m_masked->setObjectName(QStringLiteral("rawMaskedCheckBox"));
    m_masked->setChecked(true);
    mask->addWidget(m_masked);
    m_maskKey = new QLineEdit(this);
    m_maskKey->setObjectName(QStringLiteral("rawMaskKeyEdit"));
    m_maskKey->setMaximumWidth(110);
    mask->addWidget(m_maskKey);
    fields->addStretch();
    m_presets = new QToolButton(this);
    m_presets->setObjectName(QStringLiteral("rawPresetsButton"));
    m_presets->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_presets);
    for (const QString &id : rawFramePresets()) {
        QAction *action = menu->addAction(QString());
        action->setObjectName(QStringLiteral("rawPreset_") + id);
        connect(action, &QAction::triggered, this, [this, id] { applyPreset(id); });
    }
    m_presets->setMenu(menu);
    fields->addWidget(m_presets);
    layout->addLayout(fields);

    auto *payloadRow = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_payloadLabel = new QLabel(this);
    left->addWidget(m_payloadLabel);
    m_payloadFormat = new QComboBox(this);
    m_payloadFormat->setObjectName(QStringLiteral("rawPayloadFormatCombo"));
    m_payloadFormat->addItem(QString(), int(PayloadFormat::Text));
    m_payloadFormat->addItem(QString(), int(PayloadFormat::Hex));
    left->addWidget(m_payloadFormat);
    left->addStretch(1);
    payloadRow->addLayout(left);
    m_payload = new QPlainTextEdit(this);
    m_payload->setObjectName(QStringLiteral("rawPayloadEdit"));
    m_payload->setFont(theme::monospaceFont());
    m_payload->setTabChangesFocus(true);
    // It scrolls: a low minimum keeps this page from setting the composer's minimum height (the log's loss).
    m_payload->setMinimumHeight(40);
    payloadRow->addWidget(m_payload, 1);
    auto *right = new QVBoxLayout;
    m_send = new QPushButton(theme::icon("send"), QString(), this);
    m_send->setObjectName(QStringLiteral("rawSendButton"));
    right->addWidget(m_send);
    right->addStretch(1);
    payloadRow->addLayout(right);
    layout->addLayout(payloadRow, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("rawFrameMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    connect(m_send, &QPushButton::clicked, this, &RawFramePanel::send);
    retranslateUi();
    updateState();
}

RawFramePanel::~RawFramePanel() = default;

void RawFramePanel::setConnection(Connection *connection)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    if (connection)
        connect(connection, &Connection::stateChanged, this, &RawFramePanel::updateState);
    showMessage(QString(), false);
    updateState();
}

bool RawFramePanel::spec(RawFrameSpec *spec, QString *error) const
{
    RawFrameSpec s;
    s.fin = m_fin->isChecked();
    s.rsv1 = m_rsv[0]->isChecked();
    s.rsv2 = m_rsv[1]->isChecked();
    s.rsv3 = m_rsv[2]->isChecked();
    s.opcode = quint8(m_opcode->currentData().toInt());
    s.masked = m_masked->isChecked();
    const QString key = m_maskKey->text().trimmed().remove(QRegularExpression(QStringLiteral("^0[xX]")));
    if (s.masked && !key.isEmpty()) {
        bool ok = false;
        const uint value = key.toUInt(&ok, 16);
        if (!ok || key.size() > 8) {
            *error = tr("The masking key must be 8 hex digits, e.g. 37fa213d; \"%1\" is not.").arg(m_maskKey->text());
            return false;
        }
        s.maskKey = quint32(value);
    }
    const auto format = PayloadFormat(m_payloadFormat->currentData().toInt());
    const ParsedPayload parsed = parsePayload(format, m_payload->toPlainText());
    if (!parsed.ok) {
        *error = tr("Payload: %1").arg(parsed.error);
        return false;
    }
    s.payload = parsed.bytes;
    *spec = s;
    return true;
}

void RawFramePanel::applySpec(const RawFrameSpec &s)
{
    m_fin->setChecked(s.fin);
    m_rsv[0]->setChecked(s.rsv1);
    m_rsv[1]->setChecked(s.rsv2);
    m_rsv[2]->setChecked(s.rsv3);
    m_opcode->setCurrentIndex(s.opcode & 0xF);
    m_masked->setChecked(s.masked);
    m_maskKey->setText(s.maskKey ? QStringLiteral("%1").arg(*s.maskKey, 8, 16, QLatin1Char('0')) : QString());
    const bool printable = Utf8Validator::isValidUtf8(s.payload.constData(), s.payload.size())
        && std::none_of(s.payload.cbegin(), s.payload.cend(), [](char c) { return uchar(c) < 0x20; });
    m_payloadFormat->setCurrentIndex(printable ? 0 : 1);
    m_payload->setPlainText(printable ? QString::fromUtf8(s.payload) : QString::fromLatin1(s.payload.toHex(' ')));
}

bool RawFramePanel::applyPreset(const QString &id)
{
    RawFrameSpec s;
    if (!rawFramePreset(id, &s))
        return false;
    applySpec(s);
    showMessage(tr("Preset: %1").arg(rawFramePresetTitle(id)), false);
    return true;
}

bool RawFramePanel::send()
{
    if (!m_connection || m_connection->state() != Connection::State::Open) {
        showMessage(tr("Connect first: raw frames go into an open connection."), true);
        return false;
    }
    RawFrameSpec s;
    QString error;
    if (!spec(&s, &error) || !m_connection->sendRawFrame(s, &error)) {
        showMessage(error, true);
        return false;
    }
    showMessage(tr("Injected %1; the log shows the frame and the server's reaction.").arg(s.describe()), false);
    return true;
}

QString RawFramePanel::errorText() const
{
    return m_lastError ? m_message->text() : QString();
}

void RawFramePanel::showMessage(const QString &text, bool error)
{
    m_lastError = error && !text.isEmpty();
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void RawFramePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateState();
    }
    QWidget::changeEvent(event);
}

void RawFramePanel::retranslateUi()
{
    m_warning->setText(tr("\u26a0 <b>For testing servers.</b> The frame is written as composed, even when it "
                          "breaks RFC 6455; a correct server fails the connection."));
    m_fin->setToolTip(tr("Final fragment of a message"));
    for (int i = 0; i < 3; ++i)
        m_rsv[i]->setToolTip(tr("Reserved bit %1; must be 0 unless an extension defines it").arg(i + 1));
    m_opcodeLabel->setText(tr("Opcode:"));
    m_opcode->setToolTip(tr("Any 4-bit opcode, including the reserved ones (0x3-0x7, 0xB-0xF)"));
    for (int op = 0; op < 16; ++op)
        m_opcode->setItemText(op, QStringLiteral("0x%1 \u2014 %2").arg(op, 0, 16).arg(opcodeName(op)));
    m_masked->setText(tr("Masked"));
    m_masked->setToolTip(tr("Clients must mask every frame; unmask it to test that the server refuses it"));
    m_maskKey->setPlaceholderText(tr("random key"));
    m_maskKey->setToolTip(tr("Masking key as 8 hex digits (e.g. 37fa213d); empty for a fresh random key"));
    m_presets->setText(tr("Presets"));
    m_presets->setToolTip(tr("Frames that break the rules on purpose"));
    const QStringList presets = rawFramePresets();
    const QList<QAction *> actions = m_presets->menu()->actions();
    for (int i = 0; i < presets.size() && i < actions.size(); ++i)
        actions.at(i)->setText(rawFramePresetTitle(presets.at(i)));
    m_payloadLabel->setText(tr("Payload:"));
    m_payloadFormat->setItemText(0, tr("Text"));
    m_payloadFormat->setItemText(1, tr("Hex"));
    m_payloadFormat->setToolTip(tr("Text is sent as UTF-8; hex allows any bytes (spaces and 0x allowed)"));
    m_payload->setPlaceholderText(tr("Frame payload (may be empty)"));
    m_send->setText(tr("Inject Frame"));
}

void RawFramePanel::updateState()
{
    const bool open = m_connection && m_connection->state() == Connection::State::Open;
    m_send->setEnabled(open);
    if (!open)
        m_send->setToolTip(tr("Connect first: raw frames go into an open connection"));
    else
        m_send->setToolTip(tr("The wire tap writes this frame to the server at the next frame boundary (Ctrl+Enter)"));
}

} // namespace wsi
