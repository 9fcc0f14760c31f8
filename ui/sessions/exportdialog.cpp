#include "sessions/exportdialog.h"

#include "common/filedialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace wsi {

namespace {

const QString kFolderKey = QStringLiteral("export/lastFolder");

QString suffixFor(SessionExporter::Format format)
{
    return format == SessionExporter::Format::Har ? QStringLiteral("har") : QStringLiteral("jsonl");
}

} // namespace

ExportDialog::ExportDialog(const QString &what, const QString &suggestedName, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    auto *layout = new QVBoxLayout(this);
    m_what = new QLabel(what, this);
    m_what->setObjectName(QStringLiteral("exportWhatLabel"));
    m_what->setWordWrap(true);
    m_what->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_what);

    auto *form = new QFormLayout;
    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("exportPathEdit"));
    m_path->setMinimumWidth(380);
    pathRow->addWidget(m_path, 1);
    auto *browse = new QPushButton(tr("&Browse\u2026"), this);
    browse->setObjectName(QStringLiteral("exportBrowseButton"));
    pathRow->addWidget(browse);
    auto *pathLabel = new QLabel(tr("&File:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormatCombo"));
    m_format->addItem(
        tr("Session log (.jsonl): every event, frame and byte"), int(SessionExporter::Format::SessionLog));
    m_format->addItem(
        tr("HAR 1.2 (.har): handshake and messages, opens in browser tools"), int(SessionExporter::Format::Har));
    form->addRow(tr("F&ormat:"), m_format);
    layout->addLayout(form);

    m_reveal = new QCheckBox(tr("Include secrets &unmasked"), this);
    m_reveal->setObjectName(QStringLiteral("revealSecretsCheckBox"));
    layout->addWidget(m_reveal);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("exportNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);
    layout->addWidget(buttons);

    QString folder = QSettings().value(kFolderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(folder).filePath(suggestedName + QStringLiteral(".jsonl")));

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_path, &QLineEdit::textEdited, this, &ExportDialog::onPathEdited);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_format, &QComboBox::activated, this, &ExportDialog::onFormatChosen);
    connect(m_reveal, &QCheckBox::toggled, this, &ExportDialog::updateState);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (SessionExporter::formatForPath(path()) != format())
            m_path->setText(path() + QLatin1Char('.') + suffixFor(format()));
        QSettings().setValue(kFolderKey, QFileInfo(path()).absolutePath());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
    onPathEdited();
}

SessionExporter::Format ExportDialog::format() const
{
    return SessionExporter::Format(m_format->currentData().toInt());
}

bool ExportDialog::revealSecrets() const
{
    return m_reveal->isChecked();
}

void ExportDialog::browse()
{
    const QString chosen = FileDialogs::saveFile(this, tr("Export to"),
        format() == SessionExporter::Format::Har ? tr("HAR 1.2 (*.har);;Session log (*.jsonl)")
                                                 : tr("Session log (*.jsonl);;HAR 1.2 (*.har)"));
    if (!chosen.isEmpty())
        setPath(chosen);
}

void ExportDialog::onPathEdited()
{
    // The extension picks the format; an unknown one keeps the format and gets its extension on export.
    const SessionExporter::Format byName = SessionExporter::formatForPath(path());
    if (byName != SessionExporter::Format::Unknown)
        m_format->setCurrentIndex(m_format->findData(int(byName)));
    updateState();
}

void ExportDialog::onFormatChosen()
{
    const QFileInfo fi(path());
    if (!path().isEmpty())
        m_path->setText(QDir(fi.path()).filePath(fi.completeBaseName() + QLatin1Char('.') + suffixFor(format())));
    updateState();
}

void ExportDialog::updateState()
{
    QString note = m_reveal->isChecked()
        ? tr("<b>Secrets are written as they are</b>: Authorization and cookie headers and token query "
             "parameters. Share the file only with people who may see them.")
        : tr("Authorization, Cookie and Set-Cookie headers, API-key and token headers and token query "
             "parameters are masked (\u2022\u2022\u2022\u2022\u2022\u2022) in the export; the connection "
             "here keeps them.");
    if (format() == SessionExporter::Format::Har)
        note += tr("<br/>HAR holds the handshake and data messages only: frames, pings and Close frames are "
                   "in the session log format.");
    m_note->setText(note);
    m_export->setEnabled(!path().isEmpty());
}

} // namespace wsi
