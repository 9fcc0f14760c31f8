#include "compose/closedialog.h"

#include "protocol/closecodes.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace wsi {

static const int kStandardCodes[] = { 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014 };
static const int kCustom = -1;

CloseDialog::CloseDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("closeDialog"));
    setWindowTitle(tr("Close Connection"));
    auto *form = new QFormLayout(this);

    auto *codeRow = new QHBoxLayout;
    m_codes = new QComboBox(this);
    m_codes->setObjectName(QStringLiteral("closeCodeCombo"));
    for (int code : kStandardCodes) {
        m_codes->addItem(QStringLiteral("%1 \u2014 %2").arg(code).arg(closeCodeName(code)), code);
        m_codes->setItemData(m_codes->count() - 1, closeCodeMeaning(code), Qt::ToolTipRole);
    }
    m_codes->addItem(tr("Other code (3000-4999)\u2026"), kCustom);
    codeRow->addWidget(m_codes, 1);
    m_customCode = new QSpinBox(this);
    m_customCode->setObjectName(QStringLiteral("closeCustomCodeSpin"));
    m_customCode->setRange(3000, 4999);
    m_customCode->setValue(4000);
    m_customCode->setToolTip(tr("3000-3999: registered with IANA; 4000-4999: private use by applications"));
    codeRow->addWidget(m_customCode);
    form->addRow(tr("&Code:"), codeRow);

    m_meaning = new QLabel(this);
    m_meaning->setObjectName(QStringLiteral("closeCodeMeaning"));
    m_meaning->setWordWrap(true);
    m_meaning->setForegroundRole(QPalette::PlaceholderText);
    m_meaning->setMinimumWidth(380);
    form->addRow(QString(), m_meaning);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("closeReasonEdit"));
    m_reason->setPlaceholderText(tr("optional, at most 123 bytes of UTF-8"));
    form->addRow(tr("&Reason:"), m_reason);
    m_reasonBytes = new QLabel(this);
    m_reasonBytes->setObjectName(QStringLiteral("closeReasonBytes"));
    m_reasonBytes->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_reasonBytes);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Send Close"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("closeSendButton"));
    form->addRow(m_buttons);

    connect(m_codes, &QComboBox::currentIndexChanged, this, &CloseDialog::onCodeChanged);
    connect(m_customCode, &QSpinBox::valueChanged, this, &CloseDialog::updateState);
    connect(m_reason, &QLineEdit::textEdited, this, &CloseDialog::onReasonEdited);
    connect(m_reason, &QLineEdit::textChanged, this, &CloseDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    onCodeChanged();
}

CloseDialog::~CloseDialog() = default;

int CloseDialog::code() const
{
    const int code = m_codes->currentData().toInt();
    return code == kCustom ? m_customCode->value() : code;
}

QString CloseDialog::reason() const
{
    return m_reason->text();
}

void CloseDialog::setCode(int code)
{
    const int index = m_codes->findData(code);
    if (index >= 0) {
        m_codes->setCurrentIndex(index);
    } else {
        m_codes->setCurrentIndex(m_codes->findData(kCustom));
        m_customCode->setValue(code);
    }
}

void CloseDialog::setReason(const QString &reason)
{
    m_reason->setText(truncateUtf8(reason, kMaxReasonBytes));
}

QString CloseDialog::truncateUtf8(const QString &text, int maxBytes)
{
    if (text.toUtf8().size() <= maxBytes)
        return text;
    QString out;
    int bytes = 0;
    for (qsizetype i = 0; i < text.size();) {
        // Take a whole code point (surrogate pairs stay together).
        const qsizetype len = (text.at(i).isHighSurrogate() && i + 1 < text.size()) ? 2 : 1;
        const QString piece = text.mid(i, len);
        const int pieceBytes = int(piece.toUtf8().size());
        if (bytes + pieceBytes > maxBytes)
            break;
        out += piece;
        bytes += pieceBytes;
        i += len;
    }
    return out;
}

void CloseDialog::onCodeChanged()
{
    m_customCode->setVisible(m_codes->currentData().toInt() == kCustom);
    updateState();
}

void CloseDialog::onReasonEdited()
{
    const QString text = m_reason->text();
    const QString cut = truncateUtf8(text, kMaxReasonBytes);
    if (cut != text) {
        const int cursor = int(qMin<qsizetype>(m_reason->cursorPosition(), cut.size()));
        m_reason->setText(cut);
        m_reason->setCursorPosition(cursor);
    }
}

void CloseDialog::updateState()
{
    const int c = code();
    m_meaning->setText(QStringLiteral("%1: %2").arg(closeCodeName(c), closeCodeMeaning(c)));
    const int bytes = int(m_reason->text().toUtf8().size());
    m_reasonBytes->setText(tr("%1 of %2 bytes").arg(bytes).arg(kMaxReasonBytes));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isValidWireCloseCode(c) && bytes <= kMaxReasonBytes);
}

} // namespace wsi
