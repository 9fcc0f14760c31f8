// The composer's format bar: how the payload is read, its size, the JSON tools, frame size and variables.
#include "compose/payloadformatbar.h"

#include "common/flowlayout.h"
#include "compose/composer.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace wsi {

QString PayloadFormatBar::byteCount(qint64 n)
{
    if (n < 10 * 1024)
        return n == 1 ? tr("1 byte") : tr("%1 bytes").arg(n);
    if (n < 10 * 1024 * 1024)
        return tr("%1 KiB (%2 bytes)").arg(n / 1024).arg(n);
    return tr("%1 MiB (%2 bytes)").arg(double(n) / (1024 * 1024), 0, 'f', 1).arg(n);
}

PayloadFormatBar::PayloadFormatBar(QWidget *parent)
    : QWidget(parent)
{
    // Groups wrap onto a second line when the composer is narrow (a dock beside it), instead of setting the
    // window's minimum width.
    auto *bar = new FlowLayout(this);
    QBoxLayout *payload = bar->addGroup();
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("composerFormatCombo"));
    for (int format : { Composer::TextFormat, Composer::JsonFormat, Composer::HexFormat, Composer::Base64Format,
             Composer::FileFormat })
        m_format->addItem(QString(), format);
    payload->addWidget(m_format);
    m_sizeLabel = new QLabel(this);
    m_sizeLabel->setObjectName(QStringLiteral("composerSizeLabel"));
    m_sizeLabel->setMinimumWidth(150);
    payload->addWidget(m_sizeLabel);
    QBoxLayout *json = bar->addGroup();
    m_prettify = new QPushButton(this);
    m_prettify->setObjectName(QStringLiteral("prettifyButton"));
    m_minify = new QPushButton(this);
    m_minify->setObjectName(QStringLiteral("minifyButton"));
    json->addWidget(m_prettify);
    json->addWidget(m_minify);
    bar->addStretch();
    QBoxLayout *frames = bar->addGroup();
    m_frameSizeLabel = new QLabel(this);
    frames->addWidget(m_frameSizeLabel);
    m_frameSize = new QSpinBox(this);
    m_frameSize->setObjectName(QStringLiteral("frameSizeSpin"));
    m_frameSize->setRange(0, 64 * 1024 * 1024);
    frames->addWidget(m_frameSize);
    m_variables = new QPushButton(this);
    m_variables->setObjectName(QStringLiteral("variablesButton"));
    bar->addWidget(m_variables);
    retranslateUi();

    connect(m_format, &QComboBox::currentIndexChanged, this, &PayloadFormatBar::formatChanged);
    connect(m_prettify, &QPushButton::clicked, this, &PayloadFormatBar::prettifyRequested);
    connect(m_minify, &QPushButton::clicked, this, &PayloadFormatBar::minifyRequested);
    connect(m_frameSize, &QSpinBox::valueChanged, this, &PayloadFormatBar::frameSizeChanged);
    connect(m_variables, &QPushButton::clicked, this, &PayloadFormatBar::variablesRequested);
}

void PayloadFormatBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi(); // the size label follows the payload: the editor sets it again when it validates
    QWidget::changeEvent(event);
}

void PayloadFormatBar::retranslateUi()
{
    m_format->setItemText(0, tr("Text"));
    m_format->setItemText(1, tr("JSON"));
    m_format->setItemText(2, tr("Binary (hex)"));
    m_format->setItemText(3, tr("Binary (base64)"));
    m_format->setItemText(4, tr("File"));
    m_format->setToolTip(tr("How the composer reads the payload: text and JSON go out as text messages, hex, "
                            "base64 and files as binary"));
    m_sizeLabel->setToolTip(tr("The frame type and payload size of the message Send would send"));
    m_prettify->setText(tr("Prettify"));
    m_prettify->setToolTip(tr("Indent the JSON"));
    m_minify->setText(tr("Minify"));
    m_minify->setToolTip(tr("Remove the JSON's whitespace"));
    m_frameSizeLabel->setText(tr("Frame size:"));
    m_frameSize->setSpecialValueText(tr("whole message"));
    m_frameSize->setSuffix(tr(" bytes"));
    m_frameSize->setToolTip(tr("0 sends the message in one frame. Otherwise it is split into frames of at most this "
                               "many payload bytes (a start frame, continuation frames, FIN on the last), injected by "
                               "the wire tap, to test the server's reassembly."));
    m_variables->setText(tr("Variables\u2026"));
    m_variables->setToolTip(tr("Edit your own {{variables}}; {{timestamp}}, {{iso8601}}, {{uuid}}, {{counter}} and "
                               "{{random:N}} are built in and resolved when the message is sent"));
}

int PayloadFormatBar::format() const
{
    return m_format->currentData().toInt();
}

void PayloadFormatBar::setFormat(int format)
{
    m_format->setCurrentIndex(m_format->findData(format));
}

int PayloadFormatBar::frameSize() const
{
    return m_frameSize->value();
}

void PayloadFormatBar::setFrameSize(int bytes)
{
    m_frameSize->setValue(bytes);
}

void PayloadFormatBar::showSize(bool valid, qint64 size, bool text)
{
    if (!valid) {
        m_sizeLabel->setText(tr("<span style='color:#c62828'>invalid</span>"));
        return;
    }
    QString label = QStringLiteral("<b>%1</b> \u00b7 %2").arg(text ? tr("TEXT") : tr("BINARY"), byteCount(size));
    const int frame = m_frameSize->value();
    if (frame > 0 && size > frame)
        label += tr(" \u00b7 %1 frames").arg((size + frame - 1) / frame);
    m_sizeLabel->setText(label);
}

void PayloadFormatBar::showToolsFor(bool json, bool variablesEditable)
{
    m_prettify->setVisible(json);
    m_minify->setVisible(json);
    m_variables->setEnabled(variablesEditable);
}

void PayloadFormatBar::enableJsonTools(bool enabled)
{
    m_prettify->setEnabled(enabled);
    m_minify->setEnabled(enabled);
}

} // namespace wsi
