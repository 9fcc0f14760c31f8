// The Proxy panel's forward mode, driven as a user would: pick "Forward HTTP proxy", Start, read the proxy
// address, the exact Chromium flags (with --proxy-server and the CA's SPKI hash) and the settings for other apps;
// a WebSocket through the proxy to a python3-websockets echo server counts; a request naming the proxy itself is
// refused and shown; one proxy runs at a time; Open Chromium is off with a reason when Chromium is missing.
// Set WSI_SCREENSHOT_DIR=DIR to save the dock while the proxy runs (a developer looking at the layout).
#include "peerprocess.h"
#include "proxy/forwardproxy.h"
#include "proxy/forwardproxypage.h"
#include "proxy/proxydock.h"
#include "proxy/proxypanel.h"
#include "proxy/reverseproxy.h"
#include "proxywindowfixture.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtTest>

using namespace wsi;

class TestForwardProxyPage : public ProxyWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void startsAndShowsFlagsAndCounts();
    void chromiumMissingIsExplained();
    void settingsAreRemembered();
};

void TestForwardProxyPage::initTestCase()
{
    useTestSettings(QStringLiteral("wsinspector-tst_forwardproxypage"));
}

void TestForwardProxyPage::init()
{
    QSettings().clear();
}

void TestForwardProxyPage::startsAndShowsFlagsAndCounts()
{
    PeerProcess upstream;
    QVERIFY(upstream.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.proxyDock()->show();
    ProxyPanel *panel = window.proxyPanel();
    auto *modeCombo = child<QComboBox>(panel, "proxyModeCombo");
    QCOMPARE(modeCombo->count(), 2);
    modeCombo->setCurrentIndex(modeCombo->findData(int(ProxyPanel::ForwardMode)));
    ForwardProxyPage *page = panel->forwardPage();
    QVERIFY(page->isVisibleTo(panel));
    QCOMPARE(page->launchText(), QString());

    QTest::mouseClick(child<QPushButton>(panel, "proxyStartStopButton"), Qt::LeftButton);
    ForwardProxy *forward = window.forwardProxy();
    QVERIFY2(forward->isListening(), qPrintable(panel->errorText()));
    QVERIFY(!window.reverseProxy()->isListening());
    QCOMPARE(panel->urlText(), forward->proxyUrl().toString());
    QVERIFY(panel->urlText().startsWith(QLatin1String("http://127.0.0.1:")));
    // One proxy at a time: the mode is chosen while stopped.
    QVERIFY(!modeCombo->isEnabled());

    const QString launch = page->launchText();
    QVERIFY2(launch.contains(QStringLiteral("--proxy-server=")), qPrintable(launch));
    QVERIFY(!forward->caSpkiSha256().isEmpty());
    QVERIFY2(launch.contains(forward->caSpkiSha256()), qPrintable(launch));
    QVERIFY2(launch.contains(QStringLiteral("--ignore-certificate-errors-spki-list")), qPrintable(launch));
    ChromiumLaunch::Settings settings;
    settings.proxy = forward->proxyUrl();
    settings.caSpkiSha256 = forward->caSpkiSha256();
    QVERIFY(launch.contains(ChromiumLaunch::commandLine(settings)));
    QVERIFY(launch.contains(ChromiumLaunch::proxySettingsText(settings)));
    QVERIFY2(page->countsText().startsWith(QStringLiteral("WebSockets: 0")), qPrintable(page->countsText()));

    // A WebSocket through the proxy counts, and is relayed.
    QWebSocket client;
    client.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), forward->options().port));
    QSignalSpy received(&client, &QWebSocket::textMessageReceived);
    connect(&client, &QWebSocket::connected, &client, [&client] { client.sendTextMessage(QStringLiteral("hi")); });
    client.open(QUrl(upstream.url(QStringLiteral("/echo"))));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("hi"));
    QTRY_VERIFY2(page->countsText().startsWith(QStringLiteral("WebSockets: 1")), qPrintable(page->countsText()));
    QCOMPARE(panel->clientsText(), page->countsText());

    // The proxy refuses itself, by name, and the page shows it.
    QTcpSocket loop;
    loop.connectToHost(QHostAddress::LocalHost, forward->options().port);
    QVERIFY(loop.waitForConnected(5000));
    const QByteArray self = QByteArray("127.0.0.1:") + QByteArray::number(forward->options().port);
    loop.write("CONNECT " + self + " HTTP/1.1\r\nHost: " + self + "\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(forward->refusedCount(), qint64(1), 10000);
    QTRY_VERIFY(!page->refusalsText().isEmpty());
    QVERIFY2(page->countsText().endsWith(QStringLiteral("refused: 1")), qPrintable(page->countsText()));
    if (const QString dir = qEnvironmentVariable("WSI_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window.resize(1400, 900);
        QTest::qWait(100);
        QVERIFY(window.proxyDock()->grab().save(dir + QStringLiteral("/proxy-forward-dock.png")));
    }

    // Stop closes it all; the flags go (they name a port no longer listening).
    panel->startStopAction()->trigger();
    QVERIFY(!forward->isListening());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(page->launchText(), QString());
    QCOMPARE(panel->urlText(), QString());
    QVERIFY(modeCombo->isEnabled());
}

void TestForwardProxyPage::chromiumMissingIsExplained()
{
    MainWindow window;
    ProxyPanel *panel = window.proxyPanel();
    panel->setMode(ProxyPanel::ForwardMode);
    ForwardProxyPage *page = panel->forwardPage();
    auto *button = child<QPushButton>(page, "proxyOpenChromiumButton");
    QVERIFY(!button->isEnabled()); // not started
    QVERIFY(button->toolTip().contains(QStringLiteral("Start the proxy first")));
    QVERIFY(panel->start());
    page->setChromiumProgram(QStringLiteral("/nonexistent/chromium"));
    QVERIFY(!button->isEnabled());
    QCOMPARE(
        button->toolTip(), QStringLiteral("/nonexistent/chromium is not installed (Debian: apt install chromium)"));
    QVERIFY(page->launchText().startsWith(QStringLiteral("/nonexistent/chromium")));
}

void TestForwardProxyPage::settingsAreRemembered()
{
    {
        MainWindow window;
        ProxyPanel *panel = window.proxyPanel();
        panel->setMode(ProxyPanel::ForwardMode);
        child<QSpinBox>(panel, "proxyForwardPortSpin")->setValue(18082);
        child<QComboBox>(panel, "proxyForwardAddressCombo")->setCurrentText(QStringLiteral("0.0.0.0"));
        QVERIFY(panel->isExposureWarningVisible());
    }
    MainWindow window;
    ProxyPanel *panel = window.proxyPanel();
    QCOMPARE(panel->mode(), ProxyPanel::ForwardMode);
    QCOMPARE(panel->forwardPage()->options().port, quint16(18082));
    QCOMPARE(panel->forwardPage()->options().address, QHostAddress(QHostAddress::AnyIPv4));
    QVERIFY(panel->isExposureWarningVisible());
}

QTEST_MAIN(TestForwardProxyPage)
#include "tst_forwardproxypage.moc"
