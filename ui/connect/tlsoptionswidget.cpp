#include "connect/tlsoptionswidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>
#include <QToolButton>

namespace wsi {

namespace {

TlsOptionsWidget::FileChooser &fileChooser()
{
    static TlsOptionsWidget::FileChooser chooser;
    return chooser;
}

TlsOptionsWidget::PasswordPrompt &passwordPrompt()
{
    static TlsOptionsWidget::PasswordPrompt prompt;
    return prompt;
}

bool isPkcs12(const QString &path)
{
    return path.endsWith(QLatin1String(".p12"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".pfx"), Qt::CaseInsensitive);
}

} // namespace

void TlsOptionsWidget::setFileChooser(FileChooser chooser)
{
    fileChooser() = std::move(chooser);
}

void TlsOptionsWidget::setPasswordPrompt(PasswordPrompt prompt)
{
    passwordPrompt() = std::move(prompt);
}

TlsOptionsWidget::TlsOptionsWidget(QWidget *parent)
    : QGroupBox(tr("TLS (wss:// only)"), parent)
{
    setObjectName(QStringLiteral("tlsOptionsGroup"));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(8, 4, 8, 4);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_intercept = new QCheckBox(tr("Intercept TLS to show the plaintext handshake and frames"), this);
    m_intercept->setObjectName(QStringLiteral("interceptTlsCheck"));
    m_intercept->setChecked(true);
    m_intercept->setToolTip(tr("Off: the bytes stay encrypted and only the TLS facts are shown"));
    form->addRow(QString(), m_intercept);

    auto fileRow = [this](QLineEdit **edit, QToolButton **button, const QString &name, const QString &placeholder,
                       const QString &title, const QString &filter) {
        auto *row = new QHBoxLayout;
        row->setSpacing(4);
        *edit = new QLineEdit(this);
        (*edit)->setObjectName(name + QStringLiteral("Edit"));
        (*edit)->setPlaceholderText(placeholder);
        (*edit)->setClearButtonEnabled(true);
        auto *browseButton = new QToolButton(this);
        browseButton->setObjectName(name + QStringLiteral("Browse"));
        browseButton->setText(tr("Browse\u2026"));
        QLineEdit *target = *edit;
        connect(browseButton, &QToolButton::clicked, this,
            [this, target, title, filter] { browse(target, title, filter); });
        connect(*edit, &QLineEdit::textChanged, this, &TlsOptionsWidget::changed);
        row->addWidget(*edit, 1);
        row->addWidget(browseButton);
        if (button)
            *button = browseButton;
        return row;
    };
    const QString pem = tr("PEM certificates (*.pem *.crt *.cer);;All files (*)");
    form->addRow(tr("Trust &CA:"),
        fileRow(&m_caFile, nullptr, QStringLiteral("caFile"), tr("extra PEM CA file besides the system's (optional)"),
            tr("CA certificate to trust"), pem));
    form->addRow(tr("Client &certificate:"),
        fileRow(&m_certFile, nullptr, QStringLiteral("clientCert"), tr("PEM certificate, or .p12/.pfx (mutual TLS)"),
            tr("Client certificate"), tr("Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All files (*)")));
    form->addRow(tr("Client &key:"),
        fileRow(&m_keyFile, &m_keyBrowse, QStringLiteral("clientKey"), tr("PEM private key of the certificate"),
            tr("Client private key"), tr("PEM keys (*.key *.pem);;All files (*)")));
    m_minVersion = new QComboBox(this);
    m_minVersion->setObjectName(QStringLiteral("minTlsVersionCombo"));
    m_minVersion->addItem(tr("TLS 1.2"), 12);
    m_minVersion->addItem(tr("TLS 1.3"), 13);
    form->addRow(tr("&Minimum version:"), m_minVersion);

    connect(m_intercept, &QCheckBox::toggled, this, &TlsOptionsWidget::changed);
    connect(m_minVersion, &QComboBox::currentIndexChanged, this, &TlsOptionsWidget::changed);
    connect(m_certFile, &QLineEdit::textChanged, this, &TlsOptionsWidget::updateKeyField);
    updateKeyField();
}

TlsOptionsWidget::~TlsOptionsWidget() = default;

void TlsOptionsWidget::browse(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString path = fileChooser() ? fileChooser()(this, title, filter)
                                       : QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!path.isEmpty())
        edit->setText(path);
}

void TlsOptionsWidget::updateKeyField()
{
    // A PKCS#12 file carries its own key.
    const bool p12 = isPkcs12(m_certFile->text().trimmed());
    m_keyFile->setEnabled(!p12);
    m_keyBrowse->setEnabled(!p12);
    m_keyFile->setPlaceholderText(p12 ? tr("(inside the PKCS#12 file; the password is asked on Connect)")
                                      : tr("PEM private key of the certificate"));
}

bool TlsOptionsWidget::apply(ConnectionOptions *options)
{
    options->interceptTls = m_intercept->isChecked();
    options->caFile = m_caFile->text().trimmed();
    options->clientCertificateFile = m_certFile->text().trimmed();
    options->clientKeyFile = isPkcs12(options->clientCertificateFile) ? QString() : m_keyFile->text().trimmed();
    options->minimumTlsVersion = m_minVersion->currentData().toInt();
    if (isPkcs12(options->clientCertificateFile)) {
        bool ok = false;
        const QString file = options->clientCertificateFile;
        const QString password = passwordPrompt()
            ? passwordPrompt()(this, file, &ok)
            : QInputDialog::getText(this, tr("Client certificate password"), tr("Password for %1:").arg(file),
                QLineEdit::Password, QString(), &ok);
        if (!ok)
            return false;
        options->clientCertificatePassword = password;
    }
    return true;
}

int TlsOptionsWidget::changedCount() const
{
    int count = 0;
    count += m_intercept->isChecked() ? 0 : 1;
    count += m_caFile->text().trimmed().isEmpty() ? 0 : 1;
    count += m_certFile->text().trimmed().isEmpty() ? 0 : 1;
    count += m_minVersion->currentIndex() == 0 ? 0 : 1;
    return count;
}

void TlsOptionsWidget::clear()
{
    m_intercept->setChecked(true);
    m_caFile->clear();
    m_certFile->clear();
    m_keyFile->clear();
    m_minVersion->setCurrentIndex(0);
}

QString TlsOptionsWidget::settingsGroup(const QUrl &url)
{
    // One group per endpoint; the URL is percent-encoded so that '/' does not nest groups.
    return QStringLiteral("endpoints/")
        + QString::fromLatin1(QUrl::toPercentEncoding(url.toString(QUrl::RemoveFragment)));
}

void TlsOptionsWidget::load(const QUrl &url)
{
    QSettings settings;
    settings.beginGroup(settingsGroup(url));
    if (!settings.contains(QStringLiteral("interceptTls")))
        return; // never used: keep what the user has typed
    m_intercept->setChecked(settings.value(QStringLiteral("interceptTls"), true).toBool());
    m_caFile->setText(settings.value(QStringLiteral("caFile")).toString());
    m_certFile->setText(settings.value(QStringLiteral("clientCertificateFile")).toString());
    m_keyFile->setText(settings.value(QStringLiteral("clientKeyFile")).toString());
    const int index = m_minVersion->findData(settings.value(QStringLiteral("minimumTlsVersion"), 12).toInt());
    m_minVersion->setCurrentIndex(qMax(0, index));
}

void TlsOptionsWidget::save(const QUrl &url) const
{
    if (url.scheme() != QLatin1String("wss"))
        return;
    QSettings settings;
    settings.beginGroup(settingsGroup(url));
    settings.setValue(QStringLiteral("interceptTls"), m_intercept->isChecked());
    settings.setValue(QStringLiteral("caFile"), m_caFile->text().trimmed());
    settings.setValue(QStringLiteral("clientCertificateFile"), m_certFile->text().trimmed());
    settings.setValue(QStringLiteral("clientKeyFile"), m_keyFile->text().trimmed());
    settings.setValue(QStringLiteral("minimumTlsVersion"), m_minVersion->currentData().toInt());
}

} // namespace wsi
