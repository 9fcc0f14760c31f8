// The composer's File format page: the chosen file, read off the GUI thread, and whether it goes out as text.
#include "compose/filepayloadpage.h"

#include "common/filedialogs.h"
#include "compose/payloadfileloader.h"
#include "compose/payloadformatbar.h"

#include <QCheckBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wsi {

FilePayloadPage::FilePayloadPage(QWidget *parent)
    : QWidget(parent)
{
    auto *fileLayout = new QVBoxLayout(this);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("composerFileLabel"));
    m_label->setWordWrap(true);
    fileLayout->addWidget(m_label);
    auto *fileButtons = new QHBoxLayout;
    m_choose = new QPushButton(this);
    auto *choose = m_choose;
    choose->setObjectName(QStringLiteral("chooseFileButton"));
    fileButtons->addWidget(choose);
    m_asText = new QCheckBox(this);
    m_asText->setObjectName(QStringLiteral("fileAsTextCheckBox"));
    fileButtons->addWidget(m_asText);
    fileButtons->addStretch(1);
    fileLayout->addLayout(fileButtons);
    fileLayout->addStretch(1);
    retranslateUi();

    connect(choose, &QPushButton::clicked, this, [this] {
        const QString path = FileDialogs::openFile(this, tr("Send File"));
        if (!path.isEmpty())
            Q_EMIT fileChosen(path);
    });
    connect(m_asText, &QCheckBox::toggled, this, &FilePayloadPage::asTextToggled);
}

bool FilePayloadPage::sendsAsText() const
{
    return m_asText->isChecked() && m_utf8;
}

void FilePayloadPage::updateState()
{
    m_asText->setEnabled(m_utf8 && !m_loading);
}

void FilePayloadPage::load(const QString &path)
{
    m_loading = true;
    m_path = path;
    m_bytes.clear();
    m_utf8 = false;
    const int generation = ++m_generation;
    m_label->setText(tr("Reading %1\u2026").arg(QFileInfo(path).fileName()));
    PayloadFileLoader::load(path, this, [this, generation](const LoadedFile &file) {
        if (generation == m_generation)
            onLoaded(file);
    });
}

void FilePayloadPage::onLoaded(const LoadedFile &file)
{
    m_loading = false;
    if (!file.ok) {
        m_path.clear();
        m_label->setText(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(file.error.toHtmlEscaped()));
        Q_EMIT loaded(false);
        return;
    }
    m_bytes = file.bytes;
    m_utf8 = file.validUtf8;
    if (!m_utf8)
        m_asText->setChecked(false);
    m_label->setToolTip(file.path);
    showLoadedFile();
    Q_EMIT loaded(true);
}

void FilePayloadPage::showLoadedFile()
{
    m_label->setText(tr("<b>%1</b><br>%2 \u00b7 %3")
                         .arg(QFileInfo(m_path).fileName().toHtmlEscaped(), PayloadFormatBar::byteCount(m_bytes.size()),
                             m_utf8 ? tr("valid UTF-8: can go out as text") : tr("binary (not valid UTF-8)")));
}

void FilePayloadPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FilePayloadPage::retranslateUi()
{
    m_choose->setText(tr("Choose File\u2026"));
    m_choose->setToolTip(tr("Pick the file whose bytes are sent (you can also drop a file on the composer)"));
    m_asText->setText(tr("Send as text"));
    m_asText->setToolTip(tr("Send the file as a text message; possible only when it is valid UTF-8"));
    // A read error keeps the reader's words; the other states are ours.
    if (m_loading)
        m_label->setText(tr("Reading %1\u2026").arg(QFileInfo(m_path).fileName()));
    else if (m_path.isEmpty() && !m_label->text().startsWith(QLatin1String("<span")))
        m_label->setText(tr("No file. Choose one or drop it here."));
    else if (!m_path.isEmpty())
        showLoadedFile();
}

} // namespace wsi
