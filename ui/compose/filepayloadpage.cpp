// The composer's File format page: the chosen file, read off the GUI thread, and whether it goes out as text.
#include "compose/filepayloadpage.h"

#include "common/filedialogs.h"
#include "compose/payloadfileloader.h"
#include "compose/payloadformatbar.h"

#include <QCheckBox>
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
    m_label = new QLabel(tr("No file. Choose one or drop it here."), this);
    m_label->setObjectName(QStringLiteral("composerFileLabel"));
    m_label->setWordWrap(true);
    fileLayout->addWidget(m_label);
    auto *fileButtons = new QHBoxLayout;
    auto *choose = new QPushButton(tr("Choose File\u2026"), this);
    choose->setObjectName(QStringLiteral("chooseFileButton"));
    choose->setToolTip(tr("Pick the file whose bytes are sent (you can also drop a file on the composer)"));
    fileButtons->addWidget(choose);
    m_asText = new QCheckBox(tr("Send as text"), this);
    m_asText->setObjectName(QStringLiteral("fileAsTextCheckBox"));
    m_asText->setToolTip(tr("Send the file as a text message; possible only when it is valid UTF-8"));
    fileButtons->addWidget(m_asText);
    fileButtons->addStretch(1);
    fileLayout->addLayout(fileButtons);
    fileLayout->addStretch(1);

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
    m_label->setText(
        tr("<b>%1</b><br>%2 \u00b7 %3")
            .arg(QFileInfo(file.path).fileName().toHtmlEscaped(), PayloadFormatBar::byteCount(file.bytes.size()),
                m_utf8 ? tr("valid UTF-8: can go out as text") : tr("binary (not valid UTF-8)")));
    m_label->setToolTip(file.path);
    Q_EMIT loaded(true);
}

} // namespace wsi
