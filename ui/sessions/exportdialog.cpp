#include "sessions/exportdialog.h"

#include "common/filedialogs.h"
#include "ui_exportdialog.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

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
    , m_ui(new Ui::ExportDialog)
{
    m_ui->setupUi(this);
    m_ui->exportWhatLabel->setText(what);
    // The formats carry their enum as data, so the combo is filled here, not in the form.
    m_ui->exportFormatCombo->addItem(
        tr("Session log (.jsonl): every event, frame and byte"), int(SessionExporter::Format::SessionLog));
    m_ui->exportFormatCombo->addItem(
        tr("HAR 1.2 (.har): handshake and messages, opens in browser tools"), int(SessionExporter::Format::Har));
    // Designer cannot set a foreground role: the note is drawn like placeholder text.
    m_ui->exportNote->setForegroundRole(QPalette::PlaceholderText);
    m_export = m_ui->exportButtons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);

    QString folder = QSettings().value(kFolderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_ui->exportPathEdit->setText(QDir(folder).filePath(suggestedName + QStringLiteral(".jsonl")));

    connect(m_ui->exportBrowseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_ui->exportPathEdit, &QLineEdit::textEdited, this, &ExportDialog::onPathEdited);
    connect(m_ui->exportPathEdit, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_ui->exportFormatCombo, &QComboBox::activated, this, &ExportDialog::onFormatChosen);
    connect(m_ui->revealSecretsCheckBox, &QCheckBox::toggled, this, &ExportDialog::updateState);
    connect(m_ui->exportButtons, &QDialogButtonBox::accepted, this, [this] {
        if (SessionExporter::formatForPath(path()) != format())
            m_ui->exportPathEdit->setText(path() + QLatin1Char('.') + suffixFor(format()));
        QSettings().setValue(kFolderKey, QFileInfo(path()).absolutePath());
        accept();
    });
    connect(m_ui->exportButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

ExportDialog::~ExportDialog() = default;

QLineEdit *ExportDialog::pathEdit() const
{
    return m_ui->exportPathEdit;
}

QComboBox *ExportDialog::formatCombo() const
{
    return m_ui->exportFormatCombo;
}

QCheckBox *ExportDialog::revealSecretsCheckBox() const
{
    return m_ui->revealSecretsCheckBox;
}

QString ExportDialog::path() const
{
    return m_ui->exportPathEdit->text().trimmed();
}

void ExportDialog::setPath(const QString &path)
{
    m_ui->exportPathEdit->setText(path);
    onPathEdited();
}

SessionExporter::Format ExportDialog::format() const
{
    return SessionExporter::Format(m_ui->exportFormatCombo->currentData().toInt());
}

bool ExportDialog::revealSecrets() const
{
    return m_ui->revealSecretsCheckBox->isChecked();
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
        m_ui->exportFormatCombo->setCurrentIndex(m_ui->exportFormatCombo->findData(int(byName)));
    updateState();
}

void ExportDialog::onFormatChosen()
{
    const QFileInfo fi(path());
    if (!path().isEmpty())
        m_ui->exportPathEdit->setText(
            QDir(fi.path()).filePath(fi.completeBaseName() + QLatin1Char('.') + suffixFor(format())));
    updateState();
}

void ExportDialog::updateState()
{
    QString note = m_ui->revealSecretsCheckBox->isChecked()
        ? tr("<b>Secrets are written as they are</b>: Authorization and cookie headers and token query "
             "parameters. Share the file only with people who may see them.")
        : tr("Authorization, Cookie and Set-Cookie headers, API-key and token headers and token query "
             "parameters are masked (\u2022\u2022\u2022\u2022\u2022\u2022) in the export; the connection "
             "here keeps them.");
    if (format() == SessionExporter::Format::Har)
        note += tr("<br/>HAR holds the handshake and data messages only: frames, pings and Close frames are "
                   "in the session log format.");
    m_ui->exportNote->setText(note);
    m_export->setEnabled(!path().isEmpty());
}

} // namespace wsi
