// ProxyPanel: starts and stops the intercepting proxy and tells the user what to give their app.
#include "proxy/proxypanel.h"

#include "common/theme.h"
#include "proxy/reverseproxy.h"
#include "ui_proxypanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QSettings>

namespace wsi {

namespace {

constexpr char kGroup[] = "proxy";

} // namespace

ProxyPanel::ProxyPanel(ReverseProxy *proxy, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProxyPanel>())
    , m_proxy(proxy)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("proxyPanel"));
    m_ui->proxyModeCombo->addItem(QString(), int(ReverseMode));
    m_ui->proxyUrlEdit->setFont(theme::monospaceFont());
    m_ui->proxyExposureWarning->hide();
    m_ui->proxyErrorLabel->hide();

    m_startStopAction = new QAction(theme::icon("connect"), QString(), this);
    m_startStopAction->setObjectName(QStringLiteral("proxyStartStopAction"));
    connect(m_ui->proxyStartStopButton, &QPushButton::clicked, m_startStopAction, &QAction::trigger);
    connect(m_startStopAction, &QAction::triggered, this, [this] { m_proxy->isListening() ? stop() : (void)start(); });
    connect(m_ui->proxyCopyUrlButton, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_ui->proxyUrlEdit->text()); });
    // One page per mode: the combo picks the page.
    connect(
        m_ui->proxyModeCombo, &QComboBox::currentIndexChanged, m_ui->proxyModePages, &QStackedWidget::setCurrentIndex);
    connect(m_ui->proxyAddressCombo, &QComboBox::currentTextChanged, this, &ProxyPanel::updateExposure);
    connect(m_ui->proxyUpstreamEdit, &QLineEdit::textChanged, this, &ProxyPanel::updateUpstreamProblem);
    connect(m_proxy, &ReverseProxy::clientCountChanged, this, &ProxyPanel::updateState);

    loadSettings();
    retranslate();
    updateExposure();
    updateUpstreamProblem();
    updateState();
}

ProxyPanel::~ProxyPanel()
{
    saveSettings();
}

void ProxyPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_ui) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

void ProxyPanel::retranslate()
{
    m_ui->proxyModeCombo->setItemText(ReverseMode, tr("Reverse proxy"));
    m_ui->proxyModeCombo->setItemData(ReverseMode,
        tr("Listens here and relays every WebSocket client to the one upstream URL: point your app at the proxy's "
           "URL instead of the real server"),
        Qt::ToolTipRole);
    updateState();
    updateExposure();
    updateUpstreamProblem();
}

ReverseProxyOptions ProxyPanel::reverseOptions() const
{
    ReverseProxyOptions options;
    const QHostAddress address(m_ui->proxyAddressCombo->currentText().trimmed());
    if (!address.isNull())
        options.address = address;
    options.port = quint16(m_ui->proxyPortSpin->value());
    options.upstream.url = QUrl(m_ui->proxyUpstreamEdit->text().trimmed());
    options.keepHost = m_ui->proxyKeepHostCheck->isChecked();
    return options;
}

bool ProxyPanel::start()
{
    if (m_proxy->isListening())
        return true;
    const QHostAddress address(m_ui->proxyAddressCombo->currentText().trimmed());
    if (address.isNull()) {
        showError(tr("\"%1\" is not an IP address to listen on.").arg(m_ui->proxyAddressCombo->currentText()));
        return false;
    }
    QString error;
    if (!m_proxy->start(reverseOptions(), &error)) {
        showError(error);
        updateState();
        return false;
    }
    showError({});
    saveSettings();
    updateState();
    return true;
}

void ProxyPanel::stop()
{
    m_proxy->stop();
    updateState();
}

void ProxyPanel::showError(const QString &message)
{
    m_ui->proxyErrorLabel->setText(message);
    m_ui->proxyErrorLabel->setStyleSheet(theme::bannerStyleSheet(theme::Tone::Error, palette()));
    m_ui->proxyErrorLabel->setVisible(!message.isEmpty());
}

void ProxyPanel::updateState()
{
    const bool running = m_proxy->isListening();
    m_ui->proxyStartStopButton->setText(running ? tr("Stop") : tr("Start"));
    m_ui->proxyStartStopButton->setIcon(theme::icon(running ? "disconnect" : "connect"));
    m_ui->proxyStartStopButton->setToolTip(running ? tr("Stop listening and close every proxied connection")
                                                   : tr("Listen for clients and relay them to the upstream"));
    m_startStopAction->setText(running ? tr("Stop &Proxy") : tr("Start &Proxy"));
    m_ui->proxyStateLabel->setText(
        running ? tr("Relaying to %1").arg(m_proxy->options().upstream.url.toString()) : tr("Stopped"));
    m_ui->proxyUrlEdit->setText(running ? m_proxy->url().toString() : QString());
    m_ui->proxyUrlEdit->setPlaceholderText(tr("The URL to give your app appears here once started"));
    m_ui->proxyCopyUrlButton->setEnabled(running);
    m_ui->proxyClientsLabel->setText(clientsText());
    // Options apply at the next start: they stay visible but cannot change under a running proxy.
    m_ui->proxyModePages->setEnabled(!running);
    m_ui->proxyModeCombo->setEnabled(!running);
}

void ProxyPanel::updateExposure()
{
    const QHostAddress address(m_ui->proxyAddressCombo->currentText().trimmed());
    const bool exposed = !address.isNull() && !address.isLoopback();
    if (exposed) {
        m_ui->proxyExposureWarning->setStyleSheet(theme::bannerStyleSheet(theme::Tone::Warning, palette()));
        m_ui->proxyExposureWarning->setText(
            tr("\u26a0 Listening on %1 lets other machines on the network use this proxy and reach the upstream "
               "through it. Use 127.0.0.1 to keep it local.")
                .arg(address.toString()));
    }
    m_ui->proxyExposureWarning->setVisible(exposed);
}

void ProxyPanel::updateUpstreamProblem()
{
    // ReverseProxyOptions::validate() is the one place that knows a usable upstream; an empty field is not
    // an error yet.
    const QString problem
        = m_ui->proxyUpstreamEdit->text().trimmed().isEmpty() ? QString() : reverseOptions().validate();
    m_ui->proxyUpstreamProblem->setText(problem);
    m_ui->proxyUpstreamProblem->setStyleSheet(
        QStringLiteral("color: %1").arg(theme::toneForeground(theme::Tone::Error, palette()).name()));
    m_ui->proxyUpstreamProblem->setVisible(!problem.isEmpty());
}

QString ProxyPanel::urlText() const
{
    return m_ui->proxyUrlEdit->text();
}

QString ProxyPanel::clientsText() const
{
    if (!m_proxy->isListening())
        return tr("Not listening");
    return tr("%n client(s) connected", nullptr, m_proxy->clientCount());
}

QString ProxyPanel::errorText() const
{
    return m_ui->proxyErrorLabel->isHidden() ? QString() : m_ui->proxyErrorLabel->text();
}

QString ProxyPanel::upstreamProblemText() const
{
    return m_ui->proxyUpstreamProblem->isHidden() ? QString() : m_ui->proxyUpstreamProblem->text();
}

bool ProxyPanel::isExposureWarningVisible() const
{
    return !m_ui->proxyExposureWarning->isHidden();
}

void ProxyPanel::loadSettings()
{
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    m_ui->proxyModeCombo->setCurrentIndex(qMax(0, m_ui->proxyModeCombo->findData(s.value(QStringLiteral("mode"), 0))));
    m_ui->proxyAddressCombo->setCurrentText(s.value(QStringLiteral("address"), QStringLiteral("127.0.0.1")).toString());
    m_ui->proxyPortSpin->setValue(s.value(QStringLiteral("port"), 0).toInt());
    m_ui->proxyUpstreamEdit->setText(s.value(QStringLiteral("upstream")).toString());
    m_ui->proxyKeepHostCheck->setChecked(s.value(QStringLiteral("keepHost"), false).toBool());
}

void ProxyPanel::saveSettings() const
{
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    s.setValue(QStringLiteral("mode"), m_ui->proxyModeCombo->currentData());
    s.setValue(QStringLiteral("address"), m_ui->proxyAddressCombo->currentText().trimmed());
    s.setValue(QStringLiteral("port"), m_ui->proxyPortSpin->value());
    s.setValue(QStringLiteral("upstream"), m_ui->proxyUpstreamEdit->text().trimmed());
    s.setValue(QStringLiteral("keepHost"), m_ui->proxyKeepHostCheck->isChecked());
}

} // namespace wsi
