#include "endpoints/endpointdialog.h"

#include "common/theme.h"
#include "connect/secretheadersedit.h"
#include "explain/secretmasker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace wsi {

namespace {

QSpinBox *spin(QWidget *parent, const char *name, int min, int max, const QString &suffix, const QString &tip)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(min, max);
    box->setSuffix(suffix);
    box->setToolTip(tip);
    box->setAccelerated(true);
    return box;
}

QLineEdit *line(QWidget *parent, const char *name, const QString &placeholder, const QString &tip = {})
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(tip);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

EndpointDialog::EndpointDialog(const QStringList &folders, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("endpointDialog"));
    setWindowTitle(tr("Endpoint"));
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);

    auto *general = new QWidget(tabs);
    auto *form = new QFormLayout(general);
    m_name = line(general, "endpointName", tr("e.g. Chat (staging)"));
    form->addRow(tr("&Name:"), m_name);
    m_folder = new QComboBox(general);
    m_folder->setObjectName(QStringLiteral("endpointFolder"));
    m_folder->setEditable(true);
    m_folder->addItem(QString());
    m_folder->addItems(folders);
    m_folder->lineEdit()->setPlaceholderText(tr("No folder"));
    m_folder->setToolTip(tr("Group endpoints in the sidebar; type a new name to create a folder"));
    form->addRow(tr("&Folder:"), m_folder);
    m_url = line(general, "endpointUrl", QStringLiteral("wss://example.com/socket"));
    form->addRow(tr("&URL:"), m_url);
    m_headers = new SecretHeadersEdit(general);
    m_headers->setObjectName(QStringLiteral("endpointHeaders"));
    m_headers->setMinimumHeight(90);
    m_headers->setMaximumHeight(140);
    // One eye for the dialog: it reveals the URL's tokens along with the header values.
    connect(m_headers->revealButton(), &QToolButton::toggled, this, [this](bool reveal) {
        m_urlText = urlText(); // keep what the user typed
        presentUrl(reveal);
    });
    form->addRow(tr("&Headers:"), m_headers);
    m_subprotocols = line(general, "endpointSubprotocols", tr("chat, superchat"),
        tr("Offered in Sec-WebSocket-Protocol, in this order; comma-separated"));
    form->addRow(tr("&Subprotocols:"), m_subprotocols);
    m_origin = line(general, "endpointOrigin", QStringLiteral("https://example.com"), tr("Sent as the Origin header"));
    form->addRow(tr("&Origin:"), m_origin);
    m_timeout = spin(general, "endpointTimeout", 100, 600000, tr(" ms"), tr("Connect and handshake deadline"));
    m_timeout->setSingleStep(1000);
    form->addRow(tr("&Timeout:"), m_timeout);
    tabs->addTab(general, tr("General"));

    auto *tls = new QWidget(tabs);
    auto *tlsForm = new QFormLayout(tls);
    m_intercept = new QCheckBox(tr("Decrypt through the inspector (show the wire as plaintext)"), tls);
    m_intercept->setObjectName(QStringLiteral("endpointIntercept"));
    tlsForm->addRow(m_intercept);
    m_caFile = line(tls, "endpointCaFile", tr("System CAs only"), tr("Extra PEM CA certificates to trust"));
    tlsForm->addRow(tr("Extra &CA file:"), m_caFile);
    m_certFile = line(tls, "endpointCertFile", tr("None"), tr("Client certificate for mutual TLS: PEM or PKCS#12"));
    tlsForm->addRow(tr("Client &certificate:"), m_certFile);
    m_keyFile = line(tls, "endpointKeyFile", tr("In the certificate file"), tr("PEM private key"));
    tlsForm->addRow(tr("Client &key:"), m_keyFile);
    m_certPassword = line(tls, "endpointCertPassword", tr("None"), tr("Password of the PKCS#12 file or key"));
    m_certPassword->setEchoMode(QLineEdit::Password);
    tlsForm->addRow(tr("&Password:"), m_certPassword);
    m_minTls = new QComboBox(tls);
    m_minTls->setObjectName(QStringLiteral("endpointMinTls"));
    m_minTls->addItem(tr("TLS 1.2 or later"), 12);
    m_minTls->addItem(tr("TLS 1.3 only"), 13);
    tlsForm->addRow(tr("&Minimum version:"), m_minTls);
    m_insecure = new QCheckBox(tr("Proceed past certificate errors without asking (logged)"), tls);
    m_insecure->setObjectName(QStringLiteral("endpointInsecure"));
    tlsForm->addRow(m_insecure);
    tabs->addTab(tls, tr("TLS"));

    auto *resilience = new QWidget(tabs);
    auto *resilienceLayout = new QVBoxLayout(resilience);
    m_reconnect = new QGroupBox(tr("&Reconnect automatically"), resilience);
    m_reconnect->setObjectName(QStringLiteral("endpointReconnect"));
    m_reconnect->setCheckable(true);
    m_reconnect->setToolTip(tr("After an unexpected close, try again with exponential backoff and jitter"));
    auto *rForm = new QFormLayout(m_reconnect);
    m_initialDelay
        = spin(m_reconnect, "reconnectInitialDelay", 0, 3600000, tr(" ms"), tr("Wait before the first retry"));
    rForm->addRow(tr("First delay:"), m_initialDelay);
    m_maxDelay = spin(m_reconnect, "reconnectMaxDelay", 0, 3600000, tr(" ms"), tr("Longest wait between retries"));
    rForm->addRow(tr("Longest delay:"), m_maxDelay);
    m_multiplier = new QDoubleSpinBox(m_reconnect);
    m_multiplier->setObjectName(QStringLiteral("reconnectMultiplier"));
    m_multiplier->setRange(1.0, 10.0);
    m_multiplier->setSingleStep(0.5);
    m_multiplier->setToolTip(tr("Each delay is the previous one times this"));
    rForm->addRow(tr("Multiplier:"), m_multiplier);
    m_jitter = spin(m_reconnect, "reconnectJitter", 0, 100, tr(" %"),
        tr("Random spread, so that clients that dropped together do not return together"));
    rForm->addRow(tr("Jitter:"), m_jitter);
    m_maxAttempts = spin(m_reconnect, "reconnectMaxAttempts", 0, 1000000, QString(), tr("0: no limit"));
    m_maxAttempts->setSpecialValueText(tr("No limit"));
    rForm->addRow(tr("Attempts:"), m_maxAttempts);
    m_afterCleanClose = new QCheckBox(tr("Also after a clean close by the server"), m_reconnect);
    m_afterCleanClose->setObjectName(QStringLiteral("reconnectAfterCleanClose"));
    rForm->addRow(m_afterCleanClose);
    resilienceLayout->addWidget(m_reconnect);
    m_keepalive = new QGroupBox(tr("&Keepalive pings"), resilience);
    m_keepalive->setObjectName(QStringLiteral("endpointKeepalive"));
    m_keepalive->setCheckable(true);
    m_keepalive->setToolTip(tr("Ping periodically; a missing pong is logged as an error"));
    auto *kForm = new QFormLayout(m_keepalive);
    m_interval = spin(m_keepalive, "keepaliveInterval", 100, 3600000, tr(" ms"), tr("Time between pings"));
    m_interval->setSingleStep(1000);
    kForm->addRow(tr("Every:"), m_interval);
    m_pongTimeout = spin(m_keepalive, "keepaliveTimeout", 100, 3600000, tr(" ms"), tr("How long to wait for the pong"));
    m_pongTimeout->setSingleStep(1000);
    kForm->addRow(tr("Pong within:"), m_pongTimeout);
    m_closeOnMissed = new QCheckBox(tr("Close the connection when a pong is missed"), m_keepalive);
    m_closeOnMissed->setObjectName(QStringLiteral("keepaliveCloseOnMissed"));
    kForm->addRow(m_closeOnMissed);
    resilienceLayout->addWidget(m_keepalive);
    resilienceLayout->addStretch(1);
    tabs->addTab(resilience, tr("Reconnect && Keepalive"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("endpointError"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("endpointButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &EndpointDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EndpointDialog::reject);
    layout->addWidget(buttons);

    Endpoint blank;
    setEndpoint(blank);
    resize(560, 520);
}

EndpointDialog::~EndpointDialog() = default;

void EndpointDialog::setEndpoint(const Endpoint &e)
{
    m_id = e.id;
    m_base = e.options;
    const ConnectionOptions &o = e.options;
    m_name->setText(e.name);
    m_folder->setCurrentText(e.folder);
    m_urlText = o.url.toString();
    presentUrl(m_headers->isRevealed());
    m_headers->setHeaders(o.headers);
    m_subprotocols->setText(o.subprotocols.join(QStringLiteral(", ")));
    m_origin->setText(o.origin);
    m_timeout->setValue(o.timeoutMs);
    m_intercept->setChecked(o.interceptTls);
    m_caFile->setText(o.caFile);
    m_certFile->setText(o.clientCertificateFile);
    m_keyFile->setText(o.clientKeyFile);
    m_certPassword->setText(o.clientCertificatePassword);
    m_minTls->setCurrentIndex(o.minimumTlsVersion == 13 ? 1 : 0);
    m_insecure->setChecked(o.insecure);
    m_reconnect->setChecked(o.reconnect.enabled);
    m_initialDelay->setValue(o.reconnect.initialDelayMs);
    m_maxDelay->setValue(o.reconnect.maxDelayMs);
    m_multiplier->setValue(o.reconnect.multiplier);
    m_jitter->setValue(qRound(o.reconnect.jitter * 100));
    m_maxAttempts->setValue(o.reconnect.maxAttempts);
    m_afterCleanClose->setChecked(o.reconnect.reconnectAfterCleanClose);
    m_keepalive->setChecked(o.keepalive.enabled());
    m_interval->setValue(o.keepalive.enabled() ? o.keepalive.intervalMs : 30000);
    m_pongTimeout->setValue(o.keepalive.timeoutMs);
    m_closeOnMissed->setChecked(o.keepalive.closeOnMissedPong);
    setWindowTitle(e.id.isEmpty() ? tr("Save Endpoint") : tr("Edit Endpoint \u201c%1\u201d").arg(e.name));
    m_error->hide();
}

void EndpointDialog::setRevealSecrets(bool reveal)
{
    m_headers->setRevealSecrets(reveal);
}

bool EndpointDialog::build(Endpoint *e, QString *error) const
{
    e->id = m_id;
    e->name = m_name->text().trimmed();
    e->folder = m_folder->currentText().trimmed();
    ConnectionOptions o = m_base;
    o.url = QUrl(urlText().trimmed(), QUrl::StrictMode);
    o.headers.clear();
    for (const QString &text : m_headers->text().split(QLatin1Char('\n'))) {
        if (text.trimmed().isEmpty())
            continue;
        QPair<QByteArray, QByteArray> header;
        if (!parseHeaderLine(text, &header, error))
            return false;
        o.headers.append(header);
    }
    o.subprotocols.clear();
    for (const QString &p : m_subprotocols->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!p.trimmed().isEmpty())
            o.subprotocols << p.trimmed();
    }
    o.origin = m_origin->text().trimmed();
    o.timeoutMs = m_timeout->value();
    o.interceptTls = m_intercept->isChecked();
    o.caFile = m_caFile->text().trimmed();
    o.clientCertificateFile = m_certFile->text().trimmed();
    o.clientKeyFile = m_keyFile->text().trimmed();
    o.clientCertificatePassword = m_certPassword->text();
    o.minimumTlsVersion = m_minTls->currentData().toInt();
    o.insecure = m_insecure->isChecked();
    o.reconnect.enabled = m_reconnect->isChecked();
    o.reconnect.initialDelayMs = m_initialDelay->value();
    o.reconnect.maxDelayMs = m_maxDelay->value();
    o.reconnect.multiplier = m_multiplier->value();
    o.reconnect.jitter = m_jitter->value() / 100.0;
    o.reconnect.maxAttempts = m_maxAttempts->value();
    o.reconnect.reconnectAfterCleanClose = m_afterCleanClose->isChecked();
    o.keepalive.intervalMs = m_keepalive->isChecked() ? m_interval->value() : 0;
    o.keepalive.timeoutMs = m_pongTimeout->value();
    o.keepalive.closeOnMissedPong = m_closeOnMissed->isChecked();
    e->options = o;
    if (e->name.isEmpty()) {
        *error = tr("Give the endpoint a name.");
        return false;
    }
    if (o.reconnect.enabled && o.reconnect.maxDelayMs < o.reconnect.initialDelayMs) {
        *error = tr("The longest reconnect delay is shorter than the first one.");
        return false;
    }
    *error = o.validate();
    return error->isEmpty();
}

QString EndpointDialog::urlText() const
{
    return m_url->isReadOnly() ? m_urlText : m_url->text();
}

QString EndpointDialog::displayedUrl() const
{
    return m_url->text();
}

void EndpointDialog::presentUrl(bool reveal)
{
    const QString masked = SecretMasker::maskUrl(m_urlText);
    // Like the headers: a masked URL is read-only, so that the mask is never saved in place of the token.
    const bool hide = !reveal && masked != m_urlText;
    m_url->setText(hide ? masked : m_urlText);
    m_url->setReadOnly(hide);
    m_url->setToolTip(
        hide ? tr("The URL's secret values are hidden. Press the eye button to see or edit them.") : QString());
}

Endpoint EndpointDialog::endpoint() const
{
    Endpoint e;
    QString ignored;
    build(&e, &ignored);
    return e;
}

QString EndpointDialog::errorText() const
{
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

void EndpointDialog::accept()
{
    Endpoint e;
    QString error;
    if (!build(&e, &error)) {
        m_error->setStyleSheet(theme::bannerStyleSheet(theme::Tone::Error, palette()));
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace wsi
