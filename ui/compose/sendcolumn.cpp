// The composer's Send button and, under it, the progress of a large send or of reading a file.
#include "compose/sendcolumn.h"

#include "common/theme.h"
#include "compose/payloadformatbar.h"

#include <QEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <limits>

namespace wsi {

SendColumn::SendColumn(QWidget *parent)
    : QWidget(parent)
{
    auto *side = new QVBoxLayout(this);
    side->setContentsMargins(0, 0, 0, 0);
    m_send = new QPushButton(theme::icon("send"), QString(), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    side->addWidget(m_send);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("sendProgress"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(m_send->sizeHint().width() * 2);
    m_busy->setMaximumHeight(10);
    m_busy->setTextVisible(false);
    m_busy->setToolTip(tr("Sending; done when the outgoing message appears in the log"));
    m_busy->hide();
    side->addWidget(m_busy);
    side->addStretch(1);
    retranslateUi();
}

void SendColumn::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi(); // the button's tooltip follows the state: the composer sets it again
    QWidget::changeEvent(event);
}

void SendColumn::retranslateUi()
{
    m_send->setText(tr("Send"));
}

void SendColumn::showReading()
{
    m_busy->setRange(0, 0);
    m_busy->show();
}

void SendColumn::showSending(qint64 payloadSize, qint64 totalWireBytes)
{
    m_progressShift = 0;
    while ((totalWireBytes >> m_progressShift) > std::numeric_limits<int>::max())
        ++m_progressShift;
    m_busy->setRange(0, int(totalWireBytes >> m_progressShift));
    m_busy->setValue(0);
    m_busy->setTextVisible(false);
    m_busy->setToolTip(tr("Sending %1; done when the outgoing message appears in the log")
                           .arg(PayloadFormatBar::byteCount(payloadSize)));
    m_busy->show();
}

void SendColumn::setWritten(qint64 written)
{
    m_busy->setValue(int(written >> m_progressShift));
}

void SendColumn::updateState(bool open, bool valid, bool repeating, const QString &invalidReason)
{
    m_send->setEnabled(open && valid && !repeating);
    if (!open)
        m_send->setToolTip(tr("Connect first: there is no open connection selected"));
    else if (!valid)
        m_send->setToolTip(tr("Not sent: %1").arg(invalidReason));
    else if (repeating)
        m_send->setToolTip(tr("Repeating; stop it first"));
    else
        m_send->setToolTip(tr("Send the message (Ctrl+Enter)"));
}

void SendColumn::hideProgress()
{
    m_busy->hide();
}

} // namespace wsi
