#include "preferences/preferencesdialog.h"

#include "common/theme.h"
#include "files/sessionjournal.h"
#include "tls/certificateauthority.h"
#include "tls/tlsreport.h"
#include "tls/trustedcertificates.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

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
    , m_authority(authority)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    resize(720, 520);
    auto *layout = new QVBoxLayout(this);

    auto *trustedBox = new QGroupBox(tr("Always trusted certificates"), this);
    auto *trustedLayout = new QVBoxLayout(trustedBox);
    auto *trustedHelp = new QLabel(tr("Certificates that failed verification but that you chose to always trust "
                                      "for a host. A changed certificate asks again."),
        trustedBox);
    trustedHelp->setWordWrap(true);
    trustedLayout->addWidget(trustedHelp);
    m_trusted = new QTreeWidget(trustedBox);
    m_trusted->setObjectName(QStringLiteral("trustedCertificatesList"));
    m_trusted->setHeaderLabels({ tr("Host"), tr("SHA-256 fingerprint") });
    m_trusted->setRootIsDecorated(false);
    m_trusted->setAlternatingRowColors(true);
    m_trusted->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_trusted->header()->resizeSection(0, 160);
    trustedLayout->addWidget(m_trusted, 1);
    m_remove = new QPushButton(tr("&Remove"), trustedBox);
    m_remove->setObjectName(QStringLiteral("removeTrustedButton"));
    m_remove->setToolTip(tr("Forget the selected certificate: the next connection asks again"));
    auto *removeRow = new QHBoxLayout;
    removeRow->addStretch(1);
    removeRow->addWidget(m_remove);
    trustedLayout->addLayout(removeRow);
    layout->addWidget(trustedBox, 1);

    auto *caBox = new QGroupBox(tr("The inspector's certificate authority"), this);
    auto *caLayout = new QVBoxLayout(caBox);
    auto *caHelp = new QLabel(tr("Signs the certificates with which wss:// connections are intercepted and the "
                                 "test server's wss certificate. It is never installed into any system or browser "
                                 "store; export it to trust the test server elsewhere."),
        caBox);
    caHelp->setWordWrap(true);
    caLayout->addWidget(caHelp);
    m_ca = new QLabel(caBox);
    m_ca->setObjectName(QStringLiteral("caDetails"));
    m_ca->setTextFormat(Qt::RichText);
    m_ca->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ca->setWordWrap(true);
    caLayout->addWidget(m_ca);
    auto *caButtons = new QHBoxLayout;
    auto *regenerateButton = new QPushButton(tr("Re&generate CA\u2026"), caBox);
    regenerateButton->setObjectName(QStringLiteral("regenerateCaButton"));
    auto *exportButton = new QPushButton(tr("&Export CA Certificate\u2026"), caBox);
    exportButton->setObjectName(QStringLiteral("exportCaButton"));
    caButtons->addStretch(1);
    caButtons->addWidget(regenerateButton);
    caButtons->addWidget(exportButton);
    caLayout->addLayout(caButtons);
    layout->addWidget(caBox);

    auto *sessionsBox = new QGroupBox(tr("Session journals"), this);
    auto *sessionsLayout = new QHBoxLayout(sessionsBox);
    auto *capLabel = new QLabel(tr("Keep at most"), sessionsBox);
    sessionsLayout->addWidget(capLabel);
    m_journalCap = new QSpinBox(sessionsBox);
    m_journalCap->setObjectName(QStringLiteral("journalCapSpinBox"));
    m_journalCap->setRange(0, 1024 * 1024);
    m_journalCap->setSingleStep(100);
    m_journalCap->setSuffix(tr(" MiB"));
    m_journalCap->setSpecialValueText(tr("no limit"));
    m_journalCap->setValue(int(journalCapBytes() / (1024 * 1024)));
    m_journalCap->setToolTip(tr("Every connection is journaled to %1 as it happens; beyond this total the oldest "
                                "journals are deleted first.")
                                 .arg(QDir::toNativeSeparators(SessionJournal::defaultFolder())));
    capLabel->setBuddy(m_journalCap);
    sessionsLayout->addWidget(m_journalCap);
    sessionsLayout->addWidget(new QLabel(tr("of journals (oldest deleted first)"), sessionsBox), 1);
    layout->addWidget(sessionsBox);
    connect(m_journalCap, &QSpinBox::valueChanged, this,
        [](int mib) { QSettings().setValue(QStringLiteral("sessions/capMiB"), mib); });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("preferencesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("preferencesButtons"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remove, &QPushButton::clicked, this, &PreferencesDialog::removeSelected);
    connect(m_trusted, &QTreeWidget::itemSelectionChanged, this,
        [this] { m_remove->setEnabled(!m_trusted->selectedItems().isEmpty()); });
    connect(regenerateButton, &QPushButton::clicked, this, &PreferencesDialog::regenerate);
    connect(exportButton, &QPushButton::clicked, this, &PreferencesDialog::exportCertificate);
    regenerateButton->setEnabled(m_authority != nullptr);
    exportButton->setEnabled(m_authority != nullptr);
    reloadTrusted();
    reloadAuthority();
}

PreferencesDialog::~PreferencesDialog() = default;

qint64 PreferencesDialog::journalCapBytes()
{
    return QSettings().value(QStringLiteral("sessions/capMiB"), 500).toLongLong() * 1024 * 1024;
}

QString PreferencesDialog::caText() const
{
    return m_ca->text();
}

QString PreferencesDialog::lastMessage() const
{
    return m_message->text();
}

void PreferencesDialog::reloadTrusted()
{
    m_trusted->clear();
    for (const TrustedCertificates::Entry &entry : TrustedCertificates::all()) {
        auto *item = new QTreeWidgetItem(m_trusted, { entry.host, entry.fingerprint });
        item->setToolTip(1, entry.fingerprint);
    }
    if (m_trusted->topLevelItemCount() == 0) {
        auto *item = new QTreeWidgetItem(m_trusted, { tr("(none)"), QString() });
        item->setFlags(Qt::NoItemFlags);
    }
    m_remove->setEnabled(false);
}

void PreferencesDialog::reloadAuthority()
{
    if (!m_authority) {
        m_ca->setText(tr("No certificate authority is available."));
        return;
    }
    const QSslCertificate cert = m_authority->certificate();
    if (cert.isNull()) {
        m_ca->setText(tr("Not created yet: %1").arg(m_authority->lastError().toHtmlEscaped()));
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
    m_ca->setText(html);
}

void PreferencesDialog::removeSelected()
{
    const QList<QTreeWidgetItem *> items = m_trusted->selectedItems();
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
        showMessage(false, tr("The CA could not be regenerated: %1").arg(m_authority->lastError()));
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
    QString error;
    if (m_authority->exportCertificate(path, &error))
        showMessage(true, tr("The CA certificate was written to %1.").arg(QDir::toNativeSeparators(path)));
    else
        showMessage(false, tr("The CA certificate could not be written: %1").arg(error));
}

void PreferencesDialog::showMessage(bool ok, const QString &text)
{
    m_message->setStyleSheet(theme::bannerStyleSheet(ok ? theme::Tone::Success : theme::Tone::Error, palette()));
    m_message->setText(text);
    m_message->show();
}

} // namespace wsi
