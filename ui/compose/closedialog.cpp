#include "compose/closedialog.h"

#include "protocol/closecodes.h"
#include "ui_closedialog.h"

#include <QPushButton>

namespace wsi {

static const int kStandardCodes[] = { 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014 };
static const int kCustom = -1;

CloseDialog::CloseDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::CloseDialog)
{
    m_ui->setupUi(this);
    // The codes and their names come from the core's table, so the combo is filled here, not in the form.
    for (int code : kStandardCodes) {
        m_ui->closeCodeCombo->addItem(QStringLiteral("%1 \u2014 %2").arg(code).arg(closeCodeName(code)), code);
        m_ui->closeCodeCombo->setItemData(m_ui->closeCodeCombo->count() - 1, closeCodeMeaning(code), Qt::ToolTipRole);
    }
    m_ui->closeCodeCombo->addItem(tr("Other code (3000-4999)\u2026"), kCustom);
    // Designer cannot set a foreground role: the hints are drawn like placeholder text.
    m_ui->closeCodeMeaning->setForegroundRole(QPalette::PlaceholderText);
    m_ui->closeReasonBytes->setForegroundRole(QPalette::PlaceholderText);
    QPushButton *send = m_ui->closeButtons->button(QDialogButtonBox::Ok);
    send->setText(tr("Send Close"));
    send->setObjectName(QStringLiteral("closeSendButton"));

    connect(m_ui->closeCodeCombo, &QComboBox::currentIndexChanged, this, &CloseDialog::onCodeChanged);
    connect(m_ui->closeCustomCodeSpin, &QSpinBox::valueChanged, this, &CloseDialog::updateState);
    connect(m_ui->closeReasonEdit, &QLineEdit::textEdited, this, &CloseDialog::onReasonEdited);
    connect(m_ui->closeReasonEdit, &QLineEdit::textChanged, this, &CloseDialog::updateState);
    connect(m_ui->closeButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->closeButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    onCodeChanged();
}

CloseDialog::~CloseDialog() = default;

int CloseDialog::code() const
{
    const int code = m_ui->closeCodeCombo->currentData().toInt();
    return code == kCustom ? m_ui->closeCustomCodeSpin->value() : code;
}

QString CloseDialog::reason() const
{
    return m_ui->closeReasonEdit->text();
}

void CloseDialog::setCode(int code)
{
    const int index = m_ui->closeCodeCombo->findData(code);
    if (index >= 0) {
        m_ui->closeCodeCombo->setCurrentIndex(index);
    } else {
        m_ui->closeCodeCombo->setCurrentIndex(m_ui->closeCodeCombo->findData(kCustom));
        m_ui->closeCustomCodeSpin->setValue(code);
    }
}

void CloseDialog::setReason(const QString &reason)
{
    m_ui->closeReasonEdit->setText(truncateUtf8(reason, kMaxReasonBytes));
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
    m_ui->closeCustomCodeSpin->setVisible(m_ui->closeCodeCombo->currentData().toInt() == kCustom);
    updateState();
}

void CloseDialog::onReasonEdited()
{
    const QString text = m_ui->closeReasonEdit->text();
    const QString cut = truncateUtf8(text, kMaxReasonBytes);
    if (cut != text) {
        const int cursor = int(qMin<qsizetype>(m_ui->closeReasonEdit->cursorPosition(), cut.size()));
        m_ui->closeReasonEdit->setText(cut);
        m_ui->closeReasonEdit->setCursorPosition(cursor);
    }
}

void CloseDialog::updateState()
{
    const int c = code();
    m_ui->closeCodeMeaning->setText(QStringLiteral("%1: %2").arg(closeCodeName(c), closeCodeMeaning(c)));
    const int bytes = int(m_ui->closeReasonEdit->text().toUtf8().size());
    m_ui->closeReasonBytes->setText(tr("%1 of %2 bytes").arg(bytes).arg(kMaxReasonBytes));
    m_ui->closeButtons->button(QDialogButtonBox::Ok)->setEnabled(isValidWireCloseCode(c) && bytes <= kMaxReasonBytes);
}

} // namespace wsi
