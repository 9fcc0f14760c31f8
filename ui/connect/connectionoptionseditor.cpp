// ConnectionOptionsEditor: the one editor of ConnectionOptions (connectionoptionseditor.ui).
#include "connect/connectionoptionseditor.h"

#include "common/theme.h"
#include "connect/secretheadersedit.h"
#include "ui_connectionoptionseditor.h"

#include <QEvent>
#include <QFileDialog>
#include <QPlainTextEdit>

#include <cmath>

namespace wsi {

namespace {

ConnectionOptionsEditor::FileChooser &fileChooser()
{
    static ConnectionOptionsEditor::FileChooser chooser;
    return chooser;
}

// Whether the spin shows `exact` rounded to its decimals: then the user left it alone and the exact value stays.
bool showsValue(const QDoubleSpinBox *spin, double exact)
{
    const double scale = std::pow(10.0, spin->decimals());
    return qRound64(spin->value() * scale) == qRound64(exact * scale);
}

bool isPkcs12(const QString &path)
{
    return path.endsWith(QLatin1String(".p12"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".pfx"), Qt::CaseInsensitive);
}

} // namespace

void ConnectionOptionsEditor::setFileChooser(FileChooser chooser)
{
    fileChooser() = std::move(chooser);
}

ConnectionOptionsEditor::ConnectionOptionsEditor(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectionOptionsEditor>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("connectionOptionsEditor"));
    // Item data cannot be set in Designer: the minimum version is the data, the text only says it.
    m_ui->minTlsVersionCombo->setItemData(0, 12);
    m_ui->minTlsVersionCombo->setItemData(1, 13);
    // The protocol ids of ConnectionOptions::protocol, in the form's order.
    const QStringList protocols { QStringLiteral("auto"), QStringLiteral("none"), QStringLiteral("socketio"),
        QStringLiteral("stomp"), QStringLiteral("graphql-ws"), QStringLiteral("jsonrpc"), QStringLiteral("mqtt"),
        QStringLiteral("signalr") };
    for (int i = 0; i < protocols.size() && i < m_ui->protocolCombo->count(); ++i)
        m_ui->protocolCombo->setItemData(i, protocols.at(i));
    SecretHeadersEdit *headers = m_ui->headersEdit;
    retranslate();
    // Three lines: a font metric, which a form cannot express.
    headers->setFixedHeight(headers->editor()->fontMetrics().lineSpacing() * 3 + 12);

    const QString pem = tr("PEM certificates (*.pem *.crt *.cer);;All files (*)");
    connect(m_ui->caFileBrowse, &QToolButton::clicked, this,
        [this, pem] { browse(m_ui->caFileEdit, tr("CA certificate to trust"), pem); });
    connect(m_ui->clientCertBrowse, &QToolButton::clicked, this, [this] {
        browse(m_ui->clientCertEdit, tr("Client certificate"),
            tr("Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All files (*)"));
    });
    connect(m_ui->clientKeyBrowse, &QToolButton::clicked, this,
        [this] { browse(m_ui->clientKeyEdit, tr("Client private key"), tr("PEM keys (*.key *.pem);;All files (*)")); });

    connect(headers, &SecretHeadersEdit::textChanged, this, &ConnectionOptionsEditor::changed);
    // A bad path is said in plain words under the fields while the user types, not only when connecting.
    QPalette errorPalette = m_ui->pairRuleError->palette();
    errorPalette.setColor(QPalette::WindowText, theme::toneForeground(theme::Tone::Error, errorPalette));
    m_ui->pairRuleError->setPalette(errorPalette);
    for (QLineEdit *edit :
        { m_ui->subprotocolsEdit, m_ui->originEdit, m_ui->caFileEdit, m_ui->clientCertEdit, m_ui->clientKeyEdit,
            m_ui->clientPasswordEdit, m_ui->pairRequestEdit, m_ui->pairReplyEdit, m_ui->pairNameEdit })
        connect(edit, &QLineEdit::textChanged, this, &ConnectionOptionsEditor::changed);
    for (QCheckBox *check :
        { m_ui->interceptTlsCheck, m_ui->insecureCheck, m_ui->keepaliveCheck, m_ui->keepaliveCloseCheck,
            m_ui->protocolDutiesCheck, m_ui->reconnectCheck, m_ui->reconnectAfterCleanCheck })
        connect(check, &QCheckBox::toggled, this, &ConnectionOptionsEditor::changed);
    for (QDoubleSpinBox *spin : { m_ui->timeoutSpin, m_ui->keepaliveIntervalSpin, m_ui->keepaliveTimeoutSpin,
             m_ui->reconnectInitialSpin, m_ui->reconnectMaxSpin, m_ui->reconnectMultiplierSpin })
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ConnectionOptionsEditor::changed);
    for (QSpinBox *spin : { m_ui->reconnectAttemptsSpin, m_ui->reconnectJitterSpin })
        connect(spin, &QSpinBox::valueChanged, this, &ConnectionOptionsEditor::changed);
    connect(m_ui->minTlsVersionCombo, &QComboBox::currentIndexChanged, this, &ConnectionOptionsEditor::changed);
    connect(m_ui->protocolCombo, &QComboBox::currentIndexChanged, this, &ConnectionOptionsEditor::changed);
    connect(this, &ConnectionOptionsEditor::changed, this, &ConnectionOptionsEditor::updateEnabled);
    clear();
}

ConnectionOptionsEditor::~ConnectionOptionsEditor() = default;

SecretHeadersEdit *ConnectionOptionsEditor::headersEdit() const
{
    return m_ui->headersEdit;
}

void ConnectionOptionsEditor::setRevealSecrets(bool reveal)
{
    m_ui->headersEdit->setRevealSecrets(reveal);
}

void ConnectionOptionsEditor::browse(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString path = fileChooser() ? fileChooser()(this, title, filter)
                                       : QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!path.isEmpty())
        edit->setText(path);
}

void ConnectionOptionsEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        updateEnabled();
    }
    QWidget::changeEvent(event);
}

void ConnectionOptionsEditor::retranslate()
{
    m_ui->headersEdit->editor()->setPlaceholderText(tr("One per line, e.g.\nAuthorization: Bearer abc123"));
    m_ui->headersEdit->editor()->setToolTip(
        tr("Extra request headers, \"Name: value\" per line. Headers Qt generates itself "
           "(Host, Upgrade, Connection, Sec-WebSocket-*) cannot be set."));
}

void ConnectionOptionsEditor::updateEnabled()
{
    // A PKCS#12 file carries its own key.
    const bool p12 = isPkcs12(m_ui->clientCertEdit->text().trimmed());
    m_ui->clientKeyEdit->setEnabled(!p12);
    m_ui->clientKeyBrowse->setEnabled(!p12);
    m_ui->clientKeyEdit->setPlaceholderText(
        p12 ? tr("(inside the PKCS#12 file)") : tr("PEM private key of the certificate"));
    const bool keepalive = m_ui->keepaliveCheck->isChecked();
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_ui->keepaliveIntervalSpin, m_ui->keepaliveTimeoutSpin, m_ui->keepaliveCloseCheck })
        w->setEnabled(keepalive);
    const bool reconnect = m_ui->reconnectCheck->isChecked();
    for (QWidget *w : std::initializer_list<QWidget *> { m_ui->reconnectInitialSpin, m_ui->reconnectMaxSpin,
             m_ui->reconnectAttemptsSpin, m_ui->reconnectMultiplierSpin, m_ui->reconnectJitterSpin,
             m_ui->reconnectAfterCleanCheck })
        w->setEnabled(reconnect);
    const QString ruleProblem = shownOptions().pairingRule.validate();
    m_ui->pairRuleError->setText(ruleProblem);
    m_ui->pairRuleError->setVisible(!ruleProblem.isEmpty());
}

int ConnectionOptionsEditor::msOf(const QDoubleSpinBox *spin, int shownMs)
{
    // The spin shows tenths of a second: 4321 ms shows as 4.3 s and, left alone, stays 4321 ms.
    if (showsValue(spin, shownMs / 1000.0))
        return shownMs;
    return int(std::lround(spin->value() * 1000.0));
}

void ConnectionOptionsEditor::showMs(QDoubleSpinBox *spin, int ms)
{
    spin->setValue(ms / 1000.0);
}

void ConnectionOptionsEditor::setOptions(const ConnectionOptions &options)
{
    m_ui->headersEdit->setHeaders(options.headers);
    showOptions(options);
}

void ConnectionOptionsEditor::showOptions(const ConnectionOptions &o)
{
    m_base = o;
    m_ui->subprotocolsEdit->setText(ConnectionOptions::joinSubprotocols(o.subprotocols));
    m_ui->originEdit->setText(o.origin);
    showMs(m_ui->timeoutSpin, o.timeoutMs);
    m_ui->protocolCombo->setCurrentIndex(qMax(0, m_ui->protocolCombo->findData(o.protocol)));
    m_ui->pairRequestEdit->setText(o.pairingRule.requestPath);
    m_ui->pairReplyEdit->setText(o.pairingRule.replyPath);
    m_ui->pairNameEdit->setText(o.pairingRule.namePath);
    m_ui->interceptTlsCheck->setChecked(o.interceptTls);
    m_ui->caFileEdit->setText(o.caFile);
    m_ui->clientCertEdit->setText(o.clientCertificateFile);
    m_ui->clientKeyEdit->setText(o.clientKeyFile);
    m_ui->clientPasswordEdit->setText(o.clientCertificatePassword);
    m_ui->minTlsVersionCombo->setCurrentIndex(qMax(0, m_ui->minTlsVersionCombo->findData(o.minimumTlsVersion)));
    m_ui->insecureCheck->setChecked(o.insecure);
    m_ui->keepaliveCheck->setChecked(o.keepalive.enabled());
    showMs(m_ui->keepaliveIntervalSpin,
        o.keepalive.enabled() ? o.keepalive.intervalMs : KeepaliveSettings::kSuggestedIntervalMs);
    showMs(m_ui->keepaliveTimeoutSpin, o.keepalive.timeoutMs);
    m_ui->keepaliveCloseCheck->setChecked(o.keepalive.closeOnMissedPong);
    m_ui->protocolDutiesCheck->setChecked(o.protocolDuties);
    m_ui->reconnectCheck->setChecked(o.reconnect.enabled);
    showMs(m_ui->reconnectInitialSpin, o.reconnect.initialDelayMs);
    showMs(m_ui->reconnectMaxSpin, o.reconnect.maxDelayMs);
    m_ui->reconnectMultiplierSpin->setValue(o.reconnect.multiplier);
    m_ui->reconnectJitterSpin->setValue(qRound(o.reconnect.jitter * 100));
    m_ui->reconnectAttemptsSpin->setValue(o.reconnect.maxAttempts);
    m_ui->reconnectAfterCleanCheck->setChecked(o.reconnect.reconnectAfterCleanClose);
    updateEnabled();
}

void ConnectionOptionsEditor::clear()
{
    ConnectionOptions defaults;
    defaults.url = m_base.url;
    setOptions(defaults);
}

ConnectionOptions ConnectionOptionsEditor::shownOptions() const
{
    ConnectionOptions o = m_base;
    o.subprotocols = ConnectionOptions::parseSubprotocols(m_ui->subprotocolsEdit->text());
    o.origin = m_ui->originEdit->text().trimmed();
    o.timeoutMs = msOf(m_ui->timeoutSpin, m_base.timeoutMs);
    o.protocol = m_ui->protocolCombo->currentData().toString();
    o.pairingRule.requestPath = m_ui->pairRequestEdit->text().trimmed();
    o.pairingRule.replyPath = m_ui->pairReplyEdit->text().trimmed();
    o.pairingRule.namePath = m_ui->pairNameEdit->text().trimmed();
    o.interceptTls = m_ui->interceptTlsCheck->isChecked();
    o.caFile = m_ui->caFileEdit->text().trimmed();
    o.clientCertificateFile = m_ui->clientCertEdit->text().trimmed();
    o.clientKeyFile = isPkcs12(o.clientCertificateFile) ? QString() : m_ui->clientKeyEdit->text().trimmed();
    o.clientCertificatePassword = m_ui->clientPasswordEdit->text();
    o.minimumTlsVersion = m_ui->minTlsVersionCombo->currentData().toInt();
    o.insecure = m_ui->insecureCheck->isChecked();
    const int shownInterval
        = m_base.keepalive.enabled() ? m_base.keepalive.intervalMs : KeepaliveSettings::kSuggestedIntervalMs;
    o.keepalive.intervalMs = m_ui->keepaliveCheck->isChecked() ? msOf(m_ui->keepaliveIntervalSpin, shownInterval) : 0;
    o.keepalive.timeoutMs = msOf(m_ui->keepaliveTimeoutSpin, m_base.keepalive.timeoutMs);
    o.keepalive.closeOnMissedPong = m_ui->keepaliveCloseCheck->isChecked();
    o.protocolDuties = m_ui->protocolDutiesCheck->isChecked();
    o.reconnect.enabled = m_ui->reconnectCheck->isChecked();
    o.reconnect.initialDelayMs = msOf(m_ui->reconnectInitialSpin, m_base.reconnect.initialDelayMs);
    o.reconnect.maxDelayMs = msOf(m_ui->reconnectMaxSpin, m_base.reconnect.maxDelayMs);
    if (!showsValue(m_ui->reconnectMultiplierSpin, m_base.reconnect.multiplier))
        o.reconnect.multiplier = m_ui->reconnectMultiplierSpin->value();
    if (m_ui->reconnectJitterSpin->value() != qRound(m_base.reconnect.jitter * 100))
        o.reconnect.jitter = m_ui->reconnectJitterSpin->value() / 100.0;
    o.reconnect.maxAttempts = m_ui->reconnectAttemptsSpin->value();
    o.reconnect.reconnectAfterCleanClose = m_ui->reconnectAfterCleanCheck->isChecked();
    return o;
}

bool ConnectionOptionsEditor::options(ConnectionOptions *out, QString *error) const
{
    ConnectionOptions o = shownOptions();
    int badLine = 0;
    QString why;
    if (!parseHeaderLines(m_ui->headersEdit->text(), &o.headers, &badLine, &why)) {
        *error = tr("Header line %1: %2").arg(badLine).arg(why);
        return false;
    }
    if (const QString rule = o.pairingRule.validate(); !rule.isEmpty()) {
        *error = rule;
        return false;
    }
    if (o.reconnect.enabled && o.reconnect.maxDelayMs < o.reconnect.initialDelayMs) {
        *error = tr("The longest reconnect delay is shorter than the first one.");
        return false;
    }
    *out = o;
    return true;
}

int ConnectionOptionsEditor::changedCount() const
{
    const ConnectionOptions defaults;
    int count = 0;
    for (const QString &line : m_ui->headersEdit->text().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            ++count;
    }
    count += m_ui->subprotocolsEdit->text().trimmed().isEmpty() ? 0 : 1;
    count += m_ui->originEdit->text().trimmed().isEmpty() ? 0 : 1;
    count += msOf(m_ui->timeoutSpin, m_base.timeoutMs) == defaults.timeoutMs ? 0 : 1;
    count += m_ui->protocolCombo->currentData().toString() == defaults.protocol ? 0 : 1;
    count += shownOptions().pairingRule.isSet() ? 1 : 0;
    count += m_ui->interceptTlsCheck->isChecked() == defaults.interceptTls ? 0 : 1;
    count += m_ui->caFileEdit->text().trimmed().isEmpty() ? 0 : 1;
    count += m_ui->clientCertEdit->text().trimmed().isEmpty() ? 0 : 1;
    count += m_ui->minTlsVersionCombo->currentData().toInt() == defaults.minimumTlsVersion ? 0 : 1;
    count += m_ui->insecureCheck->isChecked() == defaults.insecure ? 0 : 1;
    count += m_ui->protocolDutiesCheck->isChecked() == defaults.protocolDuties ? 0 : 1;
    count += m_ui->keepaliveCheck->isChecked() ? 1 : 0;
    count += m_ui->reconnectCheck->isChecked() == defaults.reconnect.enabled ? 0 : 1;
    return count;
}

} // namespace wsi
