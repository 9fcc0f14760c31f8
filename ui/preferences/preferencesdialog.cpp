#include "preferences/preferencesdialog.h"

#include "common/theme.h"
#include "files/sessionjournal.h"
#include "language/translations.h"
#include "store/payloadcache.h"
#include "tls/certificateauthority.h"
#include "tls/tlsreport.h"
#include "tls/trustedcertificates.h"
#include "ui_preferencesdialog.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>

namespace wsi {

namespace {

PreferencesDialog::ExportPathChooser &exportChooser()
{
    static PreferencesDialog::ExportPathChooser chooser;
    return chooser;
}

PreferencesDialog::Confirmation &confirmation()
{
    static PreferencesDialog::Confirmation confirm;
    return confirm;
}

// The window's default memory budget for the recording (payloads, records, what waits for the spill file, recycled
// blocks: PayloadCache). Its goal is 300 MB in all after a 10 M message flood (issue 12), and the budget is not all
// the window holds: about 55 MiB before any connection (Qt, fonts, the window), and the log's row subsets, the
// sockets' buffers and glibc's free lists during a flood. Measured with bench/window_flood.sh (N=10000000): peak
// 282 MiB with 256 MiB, 228 MiB with 176, which leaves room for a second connection's rows. The CLI streams, so
// PayloadCache::kDefaultBudget stays its default.
constexpr qint64 kWindowPayloadMiB = 176;

} // namespace

void PreferencesDialog::setExportPathChooser(ExportPathChooser chooser)
{
    exportChooser() = std::move(chooser);
}

void PreferencesDialog::setConfirmation(Confirmation confirm)
{
    confirmation() = std::move(confirm);
}

PreferencesDialog::PreferencesDialog(CertificateAuthority *authority, QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::PreferencesDialog)
    , m_authority(authority)
{
    m_ui->setupUi(this);
    m_ui->trustedCertificatesList->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_ui->trustedCertificatesList->header()->resizeSection(0, 160);
    fillLanguages();
    retranslate();
    m_ui->journalCapSpinBox->setValue(int(journalCapBytes() / (1024 * 1024)));
    m_ui->payloadMemorySpinBox->setValue(int(payloadMemoryBytes() / (1024 * 1024)));
    m_ui->sessionBudgetSpinBox->setValue(int(sessionBudgetBytes() / (1024 * 1024)));
    m_ui->preferencesMessage->hide();

    connect(m_ui->journalCapSpinBox, &QSpinBox::valueChanged, this,
        [](int mib) { QSettings().setValue(QStringLiteral("sessions/capMiB"), mib); });
    connect(m_ui->payloadMemorySpinBox, &QSpinBox::valueChanged, this, [](int mib) {
        QSettings().setValue(QStringLiteral("memory/payloadMiB"), mib);
        applyPayloadMemory();
    });
    connect(m_ui->sessionBudgetSpinBox, &QSpinBox::valueChanged, this, [](int mib) {
        QSettings().setValue(QStringLiteral("memory/sessionBudgetMiB"), mib);
        applyPayloadMemory();
    });
    connect(m_ui->languageComboBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        QSettings().setValue(QStringLiteral("ui/language"), m_ui->languageComboBox->itemData(index).toString());
        applyLanguage();
    });
    connect(m_ui->preferencesButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->removeTrustedButton, &QPushButton::clicked, this, &PreferencesDialog::removeSelected);
    connect(m_ui->trustedCertificatesList, &QTreeWidget::itemSelectionChanged, this,
        [this] { m_ui->removeTrustedButton->setEnabled(!m_ui->trustedCertificatesList->selectedItems().isEmpty()); });
    connect(m_ui->regenerateCaButton, &QPushButton::clicked, this, &PreferencesDialog::regenerate);
    connect(m_ui->exportCaButton, &QPushButton::clicked, this, &PreferencesDialog::exportCertificate);
    m_ui->regenerateCaButton->setEnabled(m_authority != nullptr);
    m_ui->exportCaButton->setEnabled(m_authority != nullptr);
    reloadTrusted();
    reloadAuthority();
}

PreferencesDialog::~PreferencesDialog() = default;

QString PreferencesDialog::language()
{
    const QString chosen = QSettings().value(QStringLiteral("ui/language")).toString();
    return Translations::languages().contains(chosen) ? chosen : QString();
}

void PreferencesDialog::applyLanguage()
{
    Translations::forApplication()->apply(language());
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        // The certificate lists are written from their stores, with words of ours around them.
        reloadTrusted();
        reloadAuthority();
    }
    QDialog::changeEvent(event);
}

// Texts set in code: the journal folder is known only at run time, and "System" is the one language entry
// in the user's language (the others name themselves).
void PreferencesDialog::retranslate()
{
    m_ui->journalCapSpinBox->setToolTip(
        tr("Every connection is journaled to %1 as it happens; beyond this total the oldest "
           "journals are deleted first.")
            .arg(QDir::toNativeSeparators(SessionJournal::defaultFolder())));
    m_ui->languageComboBox->setItemText(0, tr("System"));
}

void PreferencesDialog::fillLanguages()
{
    m_ui->languageComboBox->addItem(tr("System"), QString());
    for (const QString &code : Translations::languages())
        m_ui->languageComboBox->addItem(Translations::nativeName(code), code);
    m_ui->languageComboBox->setCurrentIndex(qMax(0, m_ui->languageComboBox->findData(language())));
}

QTreeWidget *PreferencesDialog::trustedList() const
{
    return m_ui->trustedCertificatesList;
}

qint64 PreferencesDialog::journalCapBytes()
{
    return QSettings().value(QStringLiteral("sessions/capMiB"), 500).toLongLong() * 1024 * 1024;
}

qint64 PreferencesDialog::payloadMemoryBytes()
{
    return qMax<qint64>(16, QSettings().value(QStringLiteral("memory/payloadMiB"), kWindowPayloadMiB).toLongLong())
        * 1024 * 1024;
}

qint64 PreferencesDialog::sessionBudgetBytes()
{
    const qint64 fallback = PayloadCache::kDefaultSessionBudget / (1024 * 1024);
    return qMax<qint64>(0, QSettings().value(QStringLiteral("memory/sessionBudgetMiB"), fallback).toLongLong()) * 1024
        * 1024;
}

void PreferencesDialog::applyPayloadMemory()
{
    PayloadCache::instance().setBudget(payloadMemoryBytes());
    PayloadCache::instance().setSessionBudget(sessionBudgetBytes());
}

QString PreferencesDialog::caText() const
{
    return m_ui->caDetails->text();
}

QString PreferencesDialog::lastMessage() const
{
    return m_ui->preferencesMessage->text();
}

void PreferencesDialog::reloadTrusted()
{
    m_ui->trustedCertificatesList->clear();
    for (const TrustedCertificates::Entry &entry : TrustedCertificates::all()) {
        auto *item = new QTreeWidgetItem(m_ui->trustedCertificatesList, { entry.host, entry.fingerprint });
        item->setToolTip(1, entry.fingerprint);
    }
    if (m_ui->trustedCertificatesList->topLevelItemCount() == 0) {
        auto *item = new QTreeWidgetItem(m_ui->trustedCertificatesList, { tr("(none)"), QString() });
        item->setFlags(Qt::NoItemFlags);
    }
    m_ui->removeTrustedButton->setEnabled(false);
}

void PreferencesDialog::reloadAuthority()
{
    if (!m_authority) {
        m_ui->caDetails->setText(tr("No certificate authority is available."));
        return;
    }
    const QSslCertificate cert = m_authority->certificate();
    if (cert.isNull()) {
        m_ui->caDetails->setText(
            tr("Not created yet: %1").arg(m_authority->lastErrorText().translated().toHtmlEscaped()));
        return;
    }
    const CertificateSummary summary = CertificateSummary::from(cert);
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:10px'>%1</td><td>%2</td></tr>")
            .arg(label, value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing='2'>");
    html += row(tr("Subject"), summary.subject);
    html += row(tr("SHA-256"), summary.sha256);
    html += row(tr("Valid"),
        QStringLiteral("%1 \u2192 %2")
            .arg(summary.notBefore.toString(Qt::ISODate), summary.notAfter.toString(Qt::ISODate)));
    html += row(tr("Key"), QStringLiteral("%1 %2 bits").arg(summary.keyType).arg(summary.keyBits));
    html += row(tr("File"), QDir::toNativeSeparators(m_authority->certificatePath()));
    html += QStringLiteral("</table>");
    m_ui->caDetails->setText(html);
}

void PreferencesDialog::removeSelected()
{
    const QList<QTreeWidgetItem *> items = m_ui->trustedCertificatesList->selectedItems();
    for (const QTreeWidgetItem *item : items)
        TrustedCertificates::remove(item->text(0), item->text(1));
    reloadTrusted();
}

void PreferencesDialog::regenerate()
{
    const QString question = tr("Replace the inspector's certificate authority with a new one?\n\nAnything that "
                                "trusts the current CA (an exported copy) will stop trusting the test server and "
                                "the intercepted connections.");
    const bool yes = confirmation() ? confirmation()(this, question)
                                    : QMessageBox::question(this, tr("Regenerate CA"), question,
                                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    if (!yes)
        return;
    if (m_authority->regenerate())
        showMessage(true, tr("A new certificate authority was generated."));
    else
        showMessage(false, tr("The CA could not be regenerated: %1").arg(m_authority->lastErrorText().translated()));
    reloadAuthority();
}

void PreferencesDialog::exportCertificate()
{
    const QString path = exportChooser()
        ? exportChooser()(this)
        : QFileDialog::getSaveFileName(this, tr("Export CA Certificate"),
            QDir::home().filePath(QStringLiteral("ws-inspector-ca.pem")), tr("PEM certificates (*.pem *.crt)"));
    if (path.isEmpty())
        return;
    RecordedText error;
    if (m_authority->exportCertificate(path, &error))
        showMessage(true, tr("The CA certificate was written to %1.").arg(QDir::toNativeSeparators(path)));
    else
        showMessage(false, tr("The CA certificate could not be written: %1").arg(error.translated()));
}

void PreferencesDialog::showMessage(bool ok, const QString &text)
{
    m_ui->preferencesMessage->setStyleSheet(
        theme::bannerStyleSheet(ok ? theme::Tone::Success : theme::Tone::Error, palette()));
    m_ui->preferencesMessage->setText(text);
    m_ui->preferencesMessage->show();
}

} // namespace wsi
