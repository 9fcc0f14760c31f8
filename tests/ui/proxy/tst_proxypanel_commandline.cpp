// `wsinspector --proxy URL [--proxy-at [host:]port]` and `--forward-proxy [host:]port` drive MainWindow::proxyTo
// and forwardProxyAt: the Proxy dock shows, the proxy listens where it was told (a port alone on loopback, no
// --proxy-at where the panel remembers) and relays a client to a python3-websockets echo server; a value that is
// no address, an upstream that is no WebSocket URL and a port in use are explained in the panel, nothing listening.
#include "freeport.h"
#include "peerprocess.h"
#include "proxy/forwardproxy.h"
#include "proxy/proxydock.h"
#include "proxy/proxypanel.h"
#include "proxy/reverseproxy.h"
#include "proxywindowfixture.h"

#include <QNetworkProxy>
#include <QTcpServer>
#include <QWebSocket>

using namespace wsi;

namespace {

// One text message through a client pointed at url (through an HTTP proxy when proxyPort is set): its echo.
QString echoThrough(const QUrl &url, quint16 proxyPort = 0)
{
    QWebSocket client;
    if (proxyPort != 0)
        client.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxyPort));
    QSignalSpy received(&client, &QWebSocket::textMessageReceived);
    QObject::connect(&client, &QWebSocket::connected, &client,
        [&client] { client.sendTextMessage(QStringLiteral("from the command line")); });
    client.open(url);
    if (!received.wait(10000) && received.isEmpty())
        return QStringLiteral("(no echo: %1)").arg(client.errorString());
    return received.at(0).at(0).toString();
}

} // namespace

class TestProxyPanelCommandLine : public ProxyWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void proxyToListensWhereToldAndRelays();
    void aPortAloneListensOnLoopbackOnly();
    void withoutProxyAtTheRememberedPortIsUsed();
    void badValuesAreExplained_data();
    void badValuesAreExplained();
    void aPortInUseIsExplained();
    void forwardProxyAtListensWhereToldAndRelays();
    void aRunningProxyGivesWayToTheOneAskedFor();
};

void TestProxyPanelCommandLine::initTestCase()
{
    useTestSettings(QStringLiteral("wsinspector-tst_proxypanel_commandline"));
}

void TestProxyPanelCommandLine::init()
{
    QSettings().clear();
}

void TestProxyPanelCommandLine::proxyToListensWhereToldAndRelays()
{
    PeerProcess upstream;
    QVERIFY(upstream.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.proxyDock()->isVisible());
    const quint16 port = freePort();
    QVERIFY(port != 0);

    const QString upstreamUrl = upstream.url(QStringLiteral("/echo"));
    QVERIFY2(window.proxyTo(upstreamUrl, QStringLiteral("127.0.0.1:%1").arg(port)),
        qPrintable(window.proxyPanel()->errorText()));
    QVERIFY(window.proxyDock()->isVisible());
    ProxyPanel *panel = window.proxyPanel();
    QCOMPARE(panel->mode(), ProxyPanel::ReverseMode);
    ReverseProxy *proxy = window.reverseProxy();
    QVERIFY(proxy->isListening());
    QVERIFY(!window.forwardProxy()->isListening());
    QCOMPARE(proxy->options().port, port);
    QCOMPARE(proxy->options().address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(proxy->options().upstream.url, QUrl(upstreamUrl));
    QCOMPARE(panel->urlText(), proxy->url().toString());
    QCOMPARE(QUrl(panel->urlText()).port(), int(port));

    QCOMPARE(echoThrough(QUrl(panel->urlText())), QStringLiteral("from the command line"));
    QTRY_VERIFY(firstProxied(window) != nullptr);
    // Started as from the panel: what it was started with is remembered for the next Start.
    QCOMPARE(QSettings().value(QStringLiteral("proxy/upstream")).toString(), upstreamUrl);
    QCOMPARE(QSettings().value(QStringLiteral("proxy/port")).toInt(), int(port));
}

void TestProxyPanelCommandLine::aPortAloneListensOnLoopbackOnly()
{
    // The panel remembers an exposed address; a bare port on the command line still means loopback.
    QSettings().setValue(QStringLiteral("proxy/address"), QStringLiteral("0.0.0.0"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.proxyTo(QStringLiteral("ws://127.0.0.1:9/"), QStringLiteral("0")),
        qPrintable(window.proxyPanel()->errorText()));
    ReverseProxy *proxy = window.reverseProxy();
    QVERIFY(proxy->isListening());
    QCOMPARE(proxy->options().address, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(proxy->url().port() > 0); // 0: a free port, shown in the panel
    QCOMPARE(window.proxyPanel()->urlText(), proxy->url().toString());
    QVERIFY(!window.proxyPanel()->isExposureWarningVisible());
}

void TestProxyPanelCommandLine::withoutProxyAtTheRememberedPortIsUsed()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    QSettings().setValue(QStringLiteral("proxy/port"), port);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(
        window.proxyTo(QStringLiteral("ws://127.0.0.1:9/"), QString()), qPrintable(window.proxyPanel()->errorText()));
    QCOMPARE(window.reverseProxy()->options().port, port);
}

void TestProxyPanelCommandLine::badValuesAreExplained_data()
{
    QTest::addColumn<QString>("upstream");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("explained");
    QTest::newRow("at is a name") << QStringLiteral("ws://127.0.0.1:9/") << QStringLiteral("localhost:9200")
                                  << QStringLiteral("is not an IP address to listen on");
    QTest::newRow("at has no port") << QStringLiteral("ws://127.0.0.1:9/") << QStringLiteral("127.0.0.1:x")
                                    << QStringLiteral("the port must be a number");
    QTest::newRow("upstream is http") << QStringLiteral("http://127.0.0.1:9/") << QStringLiteral("0")
                                      << QStringLiteral("ws://");
}

void TestProxyPanelCommandLine::badValuesAreExplained()
{
    QFETCH(QString, upstream);
    QFETCH(QString, at);
    QFETCH(QString, explained);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.proxyTo(upstream, at));
    QVERIFY(window.proxyDock()->isVisible()); // where the explanation is
    QVERIFY2(window.proxyPanel()->errorText().contains(explained), qPrintable(window.proxyPanel()->errorText()));
    QVERIFY(!window.reverseProxy()->isListening());
    QVERIFY(!window.proxyPanel()->isRunning());
}

void TestProxyPanelCommandLine::aPortInUseIsExplained()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.proxyTo(QStringLiteral("ws://127.0.0.1:9/"), QString::number(taken.serverPort())));
    const QString error = window.proxyPanel()->errorText();
    QVERIFY2(error.contains(QString::number(taken.serverPort())), qPrintable(error));
    QVERIFY(!window.reverseProxy()->isListening());
}

void TestProxyPanelCommandLine::forwardProxyAtListensWhereToldAndRelays()
{
    PeerProcess upstream;
    QVERIFY(upstream.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const quint16 port = freePort();
    QVERIFY(port != 0);

    QVERIFY2(window.forwardProxyAt(QString::number(port)), qPrintable(window.proxyPanel()->errorText()));
    QVERIFY(window.proxyDock()->isVisible());
    QCOMPARE(window.proxyPanel()->mode(), ProxyPanel::ForwardMode);
    ForwardProxy *forward = window.forwardProxy();
    QVERIFY(forward->isListening());
    QVERIFY(!window.reverseProxy()->isListening());
    QCOMPARE(forward->options().port, port);
    QCOMPARE(forward->options().address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(window.proxyPanel()->urlText(), QStringLiteral("http://127.0.0.1:%1").arg(port));
    QCOMPARE(window.proxyPanel()->urlText(), forward->proxyUrl().toString());

    QCOMPARE(echoThrough(QUrl(upstream.url(QStringLiteral("/echo"))), port), QStringLiteral("from the command line"));
    // Recorded as any WebSocket through the forward proxy is: one proxied connection in the window.
    QTRY_VERIFY(firstProxied(window) != nullptr);
}

void TestProxyPanelCommandLine::aRunningProxyGivesWayToTheOneAskedFor()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.forwardProxyAt(QStringLiteral("0")), qPrintable(window.proxyPanel()->errorText()));
    QVERIFY(window.forwardProxy()->isListening());
    QVERIFY2(window.proxyTo(QStringLiteral("ws://127.0.0.1:9/"), QStringLiteral("0")),
        qPrintable(window.proxyPanel()->errorText()));
    QVERIFY(!window.forwardProxy()->isListening());
    QVERIFY(window.reverseProxy()->isListening());
    QCOMPARE(window.proxyPanel()->mode(), ProxyPanel::ReverseMode);
}

QTEST_MAIN(TestProxyPanelCommandLine)
#include "tst_proxypanel_commandline.moc"
