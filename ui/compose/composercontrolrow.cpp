// The composer's bottom row: ping with a payload, close with a code, and repeat a message N times.
#include "compose/composercontrolrow.h"

#include "common/flowlayout.h"
#include "common/theme.h"

#include <QBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>

namespace wsi {

ComposerControlRow::ComposerControlRow(int maxRepeatCount, QWidget *parent)
    : QWidget(parent)
{
    // Groups wrap onto further lines when the composer is narrow (a dock beside it), instead of setting the
    // window's minimum width.
    auto *row = new FlowLayout(this);
    QBoxLayout *control = row->addGroup();
    m_pingPayload = new QLineEdit(this);
    m_pingPayload->setObjectName(QStringLiteral("pingPayloadEdit"));
    m_pingPayload->setMaximumWidth(180);
    control->addWidget(m_pingPayload);
    m_ping = new QPushButton(theme::icon("ping"), QString(), this);
    m_ping->setObjectName(QStringLiteral("pingButton"));
    control->addWidget(m_ping);
    m_close = new QPushButton(theme::icon("close"), QString(), this);
    m_close->setObjectName(QStringLiteral("composerCloseButton"));
    control->addWidget(m_close);
    QBoxLayout *repeat = row->addGroup();
    m_repeatLabel = new QLabel(this);
    repeat->addWidget(m_repeatLabel);
    m_repeatCount = new QSpinBox(this);
    m_repeatCount->setObjectName(QStringLiteral("repeatCountSpin"));
    m_repeatCount->setRange(1, maxRepeatCount);
    m_repeatCount->setValue(10);
    repeat->addWidget(m_repeatCount);
    m_everyLabel = new QLabel(this);
    repeat->addWidget(m_everyLabel);
    m_repeatInterval = new QSpinBox(this);
    m_repeatInterval->setObjectName(QStringLiteral("repeatIntervalSpin"));
    m_repeatInterval->setRange(0, 3600 * 1000);
    m_repeatInterval->setValue(1000);
    repeat->addWidget(m_repeatInterval);
    m_repeat = new QPushButton(this);
    m_repeat->setObjectName(QStringLiteral("repeatButton"));
    m_repeat->setToolTip(tr("Send the message repeatedly; stops by itself when the connection closes"));
    QBoxLayout *run = row->addGroup();
    run->addWidget(m_repeat);
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("stopRepeatButton"));
    run->addWidget(m_stop);
    m_repeatProgress = new QProgressBar(this);
    m_repeatProgress->setObjectName(QStringLiteral("repeatProgress"));
    m_repeatProgress->setFormat(QStringLiteral("%v / %m"));
    m_repeatProgress->setMaximumWidth(160);
    m_repeatProgress->hide();
    run->addWidget(m_repeatProgress);
    row->addStretch();
    retranslateUi();

    connect(m_ping, &QPushButton::clicked, this, &ComposerControlRow::pingRequested);
    connect(m_close, &QPushButton::clicked, this, &ComposerControlRow::closeRequested);
    connect(m_repeat, &QPushButton::clicked, this,
        [this] { Q_EMIT repeatRequested(m_repeatCount->value(), m_repeatInterval->value()); });
    connect(m_stop, &QPushButton::clicked, this, &ComposerControlRow::stopRequested);
}

void ComposerControlRow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi(); // the Start button's tooltip follows the state: the composer sets it again
    QWidget::changeEvent(event);
}

void ComposerControlRow::retranslateUi()
{
    m_pingPayload->setPlaceholderText(tr("ping payload (optional)"));
    m_pingPayload->setToolTip(tr("Text sent in the Ping frame; a control frame carries at most 125 bytes"));
    m_ping->setText(tr("Ping"));
    m_ping->setToolTip(tr("Send a Ping frame; the Pong and its round trip appear in the log"));
    m_close->setText(tr("Close\u2026"));
    m_close->setToolTip(tr("Send a Close frame with a code and reason of your choice"));
    m_repeatLabel->setText(tr("Repeat"));
    m_repeatCount->setSuffix(tr(" \u00d7"));
    m_repeatCount->setToolTip(tr("How many times to send the message (at most %1)").arg(m_repeatCount->maximum()));
    m_everyLabel->setText(tr("every"));
    m_repeatInterval->setSuffix(tr(" ms"));
    m_repeatInterval->setToolTip(tr("Milliseconds between sends; variables are resolved for each one"));
    m_repeat->setText(tr("Start"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop repeating"));
}

QByteArray ComposerControlRow::pingPayload() const
{
    return m_pingPayload->text().toUtf8();
}

void ComposerControlRow::updateState(bool open, bool valid, bool repeating, const QString &invalidReason)
{
    m_ping->setEnabled(open);
    m_close->setEnabled(open);
    m_pingPayload->setEnabled(open);
    m_repeat->setEnabled(open && valid && !repeating);
    m_repeat->setToolTip(valid ? tr("Send the message repeatedly; stops by itself when the connection closes")
                               : tr("Not sent: %1").arg(invalidReason));
    m_stop->setEnabled(repeating);
}

void ComposerControlRow::showRepeatProgress(int done, int total)
{
    m_repeatProgress->setRange(0, total);
    m_repeatProgress->setValue(done);
    m_repeatProgress->show();
}

} // namespace wsi
