// ForwardProxyPage: the Proxy panel's page for the forward HTTP proxy: where it listens, its counts, Chromium.
#include "proxy/forwardproxypage.h"

#include "common/theme.h"
#include "proxy/forwardproxy.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTime>
#include <QVBoxLayout>

namespace wsi {

namespace {

constexpr char kGroup[] = "proxy";
constexpr int kRefusalsKept = 50; // the text box is a glance at what went wrong, not a log

} // namespace

ForwardProxyPage::ForwardProxyPage(ForwardProxy *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_chromium(new ChromiumLaunch(this))
    , m_addressLabel(new QLabel(this))
    , m_addressCombo(new QComboBox(this))
    , m_portLabel(new QLabel(this))
    , m_portSpin(new QSpinBox(this))
    , m_refusalsLabel(new QLabel(this))
    , m_refusals(new QPlainTextEdit(this))
    , m_launchLabel(new QLabel(this))
    , m_launchText(new QPlainTextEdit(this))
    , m_copyLaunchButton(new QPushButton(this))
    , m_startUrlLabel(new QLabel(this))
    , m_startUrlEdit(new QLineEdit(this))
    , m_chromiumButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("proxyForwardPage"));
    m_addressCombo->setObjectName(QStringLiteral("proxyForwardAddressCombo"));
    m_addressCombo->setEditable(true);
    m_addressCombo->addItems({ QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("0.0.0.0") });
    m_portSpin->setObjectName(QStringLiteral("proxyForwardPortSpin"));
    m_portSpin->setRange(0, 65535);
    m_refusals->setObjectName(QStringLiteral("proxyForwardRefusals"));
    m_refusals->setReadOnly(true);
    m_refusals->setMaximumBlockCount(kRefusalsKept);
    m_refusals->setFixedHeight(fontMetrics().lineSpacing() * 4);
    m_launchText->setObjectName(QStringLiteral("proxyForwardLaunchText"));
    m_launchText->setReadOnly(true);
    m_launchText->setFont(theme::monospaceFont());
    m_launchText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_copyLaunchButton->setObjectName(QStringLiteral("proxyForwardCopyLaunchButton"));
    m_startUrlEdit->setObjectName(QStringLiteral("proxyForwardStartUrlEdit"));
    m_chromiumButton->setObjectName(QStringLiteral("proxyOpenChromiumButton"));
    m_chromiumButton->setIcon(theme::icon("connect"));

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_addressLabel, m_addressCombo);
    form->addRow(m_portLabel, m_portSpin);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_refusalsLabel);
    layout->addWidget(m_refusals);
    auto *launchRow = new QHBoxLayout;
    launchRow->addWidget(m_launchLabel, 1);
    launchRow->addWidget(m_copyLaunchButton);
    layout->addLayout(launchRow);
    layout->addWidget(m_launchText, 1);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_startUrlLabel);
    startRow->addWidget(m_startUrlEdit, 1);
    layout->addLayout(startRow);
    layout->addWidget(m_chromiumButton);

    connect(m_addressCombo, &QComboBox::currentTextChanged, this, &ForwardProxyPage::addressChanged);
    connect(m_copyLaunchButton, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_launchText->toPlainText()); });
    connect(m_chromiumButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (!openChromium(&error))
            Q_EMIT problem(error);
    });
    connect(m_proxy, &ForwardProxy::countsChanged, this, &ForwardProxyPage::updateState);
    connect(m_proxy, &ForwardProxy::refused, this, &ForwardProxyPage::onRefused);
    connect(m_chromium, &ChromiumLaunch::finished, this, &ForwardProxyPage::updateState);
    retranslate();
}

// Chromium's profile is temporary: it goes with the window.
ForwardProxyPage::~ForwardProxyPage() = default;

void ForwardProxyPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ForwardProxyPage::retranslate()
{
    m_addressLabel->setText(tr("Listen on:"));
    m_addressCombo->setToolTip(tr("The address the proxy listens on; 127.0.0.1 keeps it to this machine"));
    m_portLabel->setText(tr("Port:"));
    m_portSpin->setSpecialValueText(tr("any free port"));
    m_refusalsLabel->setText(tr("Refused requests:"));
    m_refusals->setPlaceholderText(tr("Requests the proxy refused appear here (itself, unreadable, unreachable)"));
    m_launchLabel->setText(tr("Chromium flags and settings for other apps:"));
    m_copyLaunchButton->setText(tr("Copy"));
    m_copyLaunchButton->setToolTip(tr("Copy the Chromium command line and the proxy settings"));
    m_startUrlLabel->setText(tr("Start URL:"));
    m_startUrlEdit->setPlaceholderText(tr("https://example.com/ (optional)"));
    m_chromiumButton->setText(tr("Open Chromium through the proxy"));
    updateState();
}

ForwardProxyOptions ForwardProxyPage::options() const
{
    ForwardProxyOptions options;
    const QHostAddress address(addressText());
    if (!address.isNull())
        options.address = address;
    options.port = quint16(m_portSpin->value());
    return options;
}

QString ForwardProxyPage::addressText() const
{
    return m_addressCombo->currentText().trimmed();
}

void ForwardProxyPage::setListenAddress(const QHostAddress &address, quint16 port)
{
    m_addressCombo->setCurrentText(address.toString());
    m_portSpin->setValue(port);
}

ChromiumLaunch::Settings ForwardProxyPage::chromiumSettings() const
{
    ChromiumLaunch::Settings settings;
    settings.program = m_program;
    settings.proxy = m_proxy->proxyUrl();
    settings.caSpkiSha256 = m_proxy->caSpkiSha256();
    settings.startUrl = QUrl::fromUserInput(m_startUrlEdit->text().trimmed());
    return settings;
}

void ForwardProxyPage::setChromiumProgram(const QString &program)
{
    m_program = program;
    updateState();
}

bool ForwardProxyPage::openChromium(QString *error)
{
    if (!m_proxy->isListening()) {
        if (error)
            *error = tr("Start the proxy first: Chromium is opened through it.");
        return false;
    }
    if (m_chromium->isRunning())
        m_chromium->stop(); // one browser per proxy run: a second click opens a fresh profile
    const bool started = m_chromium->start(chromiumSettings(), error);
    updateState();
    return started;
}

QString ForwardProxyPage::countsText() const
{
    if (!m_proxy->isListening())
        return tr("Not listening");
    return tr("WebSockets: %1 \u00b7 passed through: %2 request(s), %3 \u00b7 refused: %4")
        .arg(m_proxy->webSocketCount())
        .arg(m_proxy->passThroughCount())
        .arg(QLocale().formattedDataSize(m_proxy->passThroughBytes()))
        .arg(m_proxy->refusedCount());
}

QString ForwardProxyPage::refusalsText() const
{
    return m_refusals->toPlainText();
}

QString ForwardProxyPage::launchText() const
{
    return m_launchText->toPlainText();
}

void ForwardProxyPage::onRefused(const QString &peer, const QString &why)
{
    m_refusals->appendPlainText(
        tr("%1  %2: %3").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), peer, why));
    updateState();
}

void ForwardProxyPage::updateState()
{
    const bool running = m_proxy->isListening();
    const ChromiumLaunch::Settings settings = chromiumSettings();
    const QString launch = running
        ? ChromiumLaunch::commandLine(settings) + QLatin1String("\n\n") + ChromiumLaunch::proxySettingsText(settings)
        : QString();
    // Counts change often; the user may be selecting in the box: only a new text replaces it.
    if (m_launchText->toPlainText() != launch)
        m_launchText->setPlainText(launch);
    m_launchText->setPlaceholderText(tr("The flags and the proxy settings appear here once started"));
    m_copyLaunchButton->setEnabled(running);
    m_addressCombo->setEnabled(!running);
    m_portSpin->setEnabled(!running);
    const bool installed = QFileInfo(m_program).isExecutable();
    m_chromiumButton->setEnabled(installed && running);
    m_chromiumButton->setToolTip(!installed ? tr("%1 is not installed (Debian: apt install chromium)").arg(m_program)
            : !running                      ? tr("Start the proxy first: Chromium is opened through it")
                                            : tr("A fresh temporary profile using this proxy, trusting the app's CA "
                                                                      "by its key hash: nothing is installed in any trust store"));
}

void ForwardProxyPage::loadSettings()
{
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    m_addressCombo->setCurrentText(s.value(QStringLiteral("forwardAddress"), QStringLiteral("127.0.0.1")).toString());
    m_portSpin->setValue(s.value(QStringLiteral("forwardPort"), 0).toInt());
    m_startUrlEdit->setText(s.value(QStringLiteral("chromiumStartUrl")).toString());
}

void ForwardProxyPage::saveSettings() const
{
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    s.setValue(QStringLiteral("forwardAddress"), addressText());
    s.setValue(QStringLiteral("forwardPort"), m_portSpin->value());
    s.setValue(QStringLiteral("chromiumStartUrl"), m_startUrlEdit->text().trimmed());
}

} // namespace wsi
