// ProxyPanel: starts and stops the intercepting proxy and tells the user what to give their app.
#include "proxy/proxypanel.h"

#include "common/theme.h"
#include "proxy/forwardproxy.h"
#include "proxy/forwardproxypage.h"
#include "proxy/heldmessagesview.h"
#include "proxy/proxyruleset.h"
#include "proxy/proxyrulesview.h"
#include "proxy/reverseproxy.h"
#include "server/listenaddress.h"
#include "ui_proxypanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QSettings>
#include <QTabWidget>

namespace wsi {

namespace {

constexpr char kGroup[] = "proxy";

} // namespace

ProxyPanel::ProxyPanel(ReverseProxy *proxy, ForwardProxy *forward, ProxyRuleSet *rules, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProxyPanel>())
    , m_proxy(proxy)
    , m_forward(forward)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("proxyPanel"));
    m_ui->proxyModeCombo->addItem(QString(), int(ReverseMode));
    m_ui->proxyModeCombo->addItem(QString(), int(ForwardMode));
    m_forwardPage = new ForwardProxyPage(m_forward, m_ui->proxyModePages);
    m_ui->proxyModePages->addWidget(m_forwardPage);
    // The breakpoints and rules act on whichever proxy runs: below the mode pages, not in one.
    m_interceptTabs = new QTabWidget(this);
    m_interceptTabs->setObjectName(QStringLiteral("proxyInterceptTabs"));
    m_heldView = new HeldMessagesView(rules->heldMessages(), m_interceptTabs);
    m_rulesView = new ProxyRulesView(rules, m_interceptTabs);
    m_interceptTabs->addTab(m_heldView, QString());
    m_interceptTabs->addTab(m_rulesView, QString());
    m_ui->layout->addWidget(m_interceptTabs, 1);
    m_ui->proxyUrlEdit->setFont(theme::monospaceFont());
    m_ui->proxyExposureWarning->hide();
    m_ui->proxyErrorLabel->hide();

    m_startStopAction = new QAction(theme::icon("connect"), QString(), this);
    m_startStopAction->setObjectName(QStringLiteral("proxyStartStopAction"));
    connect(m_ui->proxyStartStopButton, &QPushButton::clicked, m_startStopAction, &QAction::trigger);
    connect(m_startStopAction, &QAction::triggered, this, [this] { isRunning() ? stop() : (void)start(); });
    connect(m_ui->proxyCopyUrlButton, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_ui->proxyUrlEdit->text()); });
    // One page per mode: the combo picks the page. A hidden page must not size the stack (the forward page is
    // much taller than the reverse one), or a gap opens above the Held and Rules tabs.
    connect(m_ui->proxyModeCombo, &QComboBox::currentIndexChanged, this, &ProxyPanel::showModePage);
    connect(m_ui->proxyAddressCombo, &QComboBox::currentTextChanged, this, &ProxyPanel::updateExposure);
    connect(m_ui->proxyUpstreamEdit, &QLineEdit::textChanged, this, &ProxyPanel::updateUpstreamProblem);
    connect(m_proxy, &ReverseProxy::clientCountChanged, this, &ProxyPanel::updateState);
    connect(m_forward, &ForwardProxy::countsChanged, this, &ProxyPanel::updateState);
    connect(m_forwardPage, &ForwardProxyPage::addressChanged, this, &ProxyPanel::updateExposure);
    connect(m_forwardPage, &ForwardProxyPage::problem, this, &ProxyPanel::showError);
    connect(m_ui->proxyModeCombo, &QComboBox::currentIndexChanged, this, [this] {
        showError({});
        updateExposure();
        updateState();
    });
    // A held message asks for the user: its tab comes forward.
    connect(
        rules->heldMessages(), &HeldMessages::held, this, [this] { m_interceptTabs->setCurrentWidget(m_heldView); });
    connect(rules->heldMessages(), &HeldMessages::held, this, &ProxyPanel::retranslate);
    connect(rules->heldMessages(), &HeldMessages::released, this, &ProxyPanel::retranslate);

    loadSettings();
    showModePage(m_ui->proxyModeCombo->currentIndex());
    m_rulesView->loadSettings();
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
    m_ui->proxyModeCombo->setItemText(ForwardMode, tr("Forward HTTP proxy"));
    m_ui->proxyModeCombo->setItemData(ForwardMode,
        tr("An HTTP proxy for browsers and apps: every WebSocket they open through it is recorded (ws and wss, "
           "TLS intercepted with the app's CA); other requests pass through"),
        Qt::ToolTipRole);
    const int held = m_heldView->count();
    m_interceptTabs->setTabText(0, held > 0 ? tr("Held (%1)").arg(held) : tr("Held"));
    m_interceptTabs->setTabText(1, tr("Rules (%1)").arg(m_rulesView->specs().size()));
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

void ProxyPanel::showModePage(int index)
{
    for (int i = 0; i < m_ui->proxyModePages->count(); ++i) {
        m_ui->proxyModePages->widget(i)->setSizePolicy(
            QSizePolicy::Preferred, i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
    m_ui->proxyModePages->setCurrentIndex(index);
    m_ui->proxyModePages->updateGeometry();
}

ProxyPanel::Mode ProxyPanel::mode() const
{
    return Mode(m_ui->proxyModeCombo->currentData().toInt());
}

void ProxyPanel::setMode(Mode mode)
{
    m_ui->proxyModeCombo->setCurrentIndex(m_ui->proxyModeCombo->findData(int(mode)));
}

bool ProxyPanel::isRunning() const
{
    return m_proxy->isListening() || m_forward->isListening();
}

bool ProxyPanel::start()
{
    if (isRunning())
        return true;
    const bool forward = mode() == ForwardMode;
    const QString addressText
        = forward ? m_forwardPage->addressText() : m_ui->proxyAddressCombo->currentText().trimmed();
    if (QHostAddress(addressText).isNull()) {
        showError(tr("\"%1\" is not an IP address to listen on.").arg(addressText));
        return false;
    }
    QString error;
    const bool started
        = forward ? m_forward->start(m_forwardPage->options(), &error) : m_proxy->start(reverseOptions(), &error);
    if (!started) {
        showError(error);
        updateState();
        return false;
    }
    showError({});
    saveSettings();
    updateState();
    return true;
}

bool ProxyPanel::startReverseTo(const QString &upstream, const QString &at)
{
    if (isRunning())
        stop();
    setMode(ReverseMode);
    m_ui->proxyUpstreamEdit->setText(upstream.trimmed());
    return setListenAddress(ReverseMode, at) && start();
}

bool ProxyPanel::startForwardAt(const QString &at)
{
    if (isRunning())
        stop();
    setMode(ForwardMode);
    return setListenAddress(ForwardMode, at) && start();
}

bool ProxyPanel::setListenAddress(Mode mode, const QString &at)
{
    if (at.isEmpty())
        return true;
    ListenAddress where;
    QString error;
    if (!ListenAddress::parse(at, &where, &error)) {
        showError(error);
        return false;
    }
    if (mode == ForwardMode) {
        m_forwardPage->setListenAddress(where.address, where.port);
    } else {
        m_ui->proxyAddressCombo->setCurrentText(where.address.toString());
        m_ui->proxyPortSpin->setValue(where.port);
    }
    return true;
}

void ProxyPanel::stop()
{
    m_proxy->stop();
    m_forward->stop();
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
    const bool running = isRunning();
    const bool forward = mode() == ForwardMode;
    m_ui->proxyStartStopButton->setText(running ? tr("Stop") : tr("Start"));
    m_ui->proxyStartStopButton->setIcon(theme::icon(running ? "disconnect" : "connect"));
    m_ui->proxyStartStopButton->setToolTip(running ? tr("Stop listening and close every proxied connection")
            : forward                              ? tr("Listen for browsers and apps configured with this HTTP proxy")
                                                   : tr("Listen for clients and relay them to the upstream"));
    m_startStopAction->setText(running ? tr("Stop &Proxy") : tr("Start &Proxy"));
    m_ui->proxyStateLabel->setText(!running ? tr("Stopped")
            : m_forward->isListening()      ? tr("Forward proxy listening")
                                            : tr("Relaying to %1").arg(m_proxy->options().upstream.url.toString()));
    m_ui->proxyUrlEdit->setText(m_forward->isListening() ? m_forward->proxyUrl().toString()
            : m_proxy->isListening()                     ? m_proxy->url().toString()
                                                         : QString());
    m_ui->proxyUrlEdit->setPlaceholderText(forward ? tr("The proxy address to give your app appears here once started")
                                                   : tr("The URL to give your app appears here once started"));
    m_ui->proxyCopyUrlButton->setEnabled(running);
    m_ui->proxyClientsLabel->setText(clientsText());
    // Options apply at the next start: they stay visible but cannot change under a running proxy.
    m_ui->proxyReversePage->setEnabled(!running); // the forward page keeps Copy and Open Chromium live

    m_ui->proxyModeCombo->setEnabled(!running);
    m_forwardPage->updateState();
}

void ProxyPanel::updateExposure()
{
    const QHostAddress address(
        mode() == ForwardMode ? m_forwardPage->addressText() : m_ui->proxyAddressCombo->currentText().trimmed());
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
    if (m_forward->isListening())
        return m_forwardPage->countsText();
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
    s.endGroup();
    m_forwardPage->loadSettings();
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
    s.endGroup();
    m_forwardPage->saveSettings();
}

} // namespace wsi
