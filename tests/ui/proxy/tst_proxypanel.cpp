// The Proxy dock driven as a user would: start the reverse proxy against a python3-websockets echo server,
// connect a client through it, and find the proxied connection with its badge, both legs in the log (the Leg
// column, the leg filter), both handshakes, and the message on both legs; a taken port; settings remembered.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "connectionlist/connectiondelegate.h"
#include "detail/eventdetailview.h"
#include "detail/legcompareview.h"
#include "handshake/handshakelegpicker.h"
#include "handshake/handshakeview.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "log/logfilterbar.h"
#include "models/connectionlistmodel.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "peerprocess.h"
#include "proxiedrecord.h"
#include "proxy/proxydock.h"
#include "proxy/proxypanel.h"
#include "proxy/reverseproxy.h"
#include "proxywindowfixture.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHelpEvent>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QToolTip>
#include <QWebSocket>
#include <QtTest>

using namespace wsi;

class TestProxyPanel : public ProxyWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void relaysAClientAndShowsBothLegs();
    void detailPaneShowsLegsThatDiffer();
    void takenPortIsExplained();
    void upstreamIsValidatedAndExposureWarned();
    void settingsAreRemembered();
};

void TestProxyPanel::initTestCase()
{
    useTestSettings(QStringLiteral("wsinspector-tst_proxypanel"));
}

void TestProxyPanel::init()
{
    QSettings().clear();
}

void TestProxyPanel::relaysAClientAndShowsBothLegs()
{
    PeerProcess upstream;
    QVERIFY(upstream.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Open the dock from its View menu action, type the upstream, press Start.
    QAction *toggle = child<QAction>(&window, "proxyDockAction");
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    toggle->trigger();
    QVERIFY(window.proxyDock()->isVisible());
    ProxyPanel *panel = window.proxyPanel();
    child<QLineEdit>(panel, "proxyUpstreamEdit")->setText(upstream.url(QStringLiteral("/echo")));
    QTest::mouseClick(child<QPushButton>(panel, "proxyStartStopButton"), Qt::LeftButton);
    QVERIFY2(window.reverseProxy()->isListening(), qPrintable(panel->errorText()));
    QCOMPARE(panel->errorText(), QString());
    const QUrl proxyUrl(panel->urlText());
    QCOMPARE(proxyUrl, window.reverseProxy()->url());
    QCOMPARE(proxyUrl.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(proxyUrl.port() > 0);
    QCOMPARE(panel->clientsText(), QStringLiteral("0 client(s) connected"));

    // A client of the app under test, pointed at the proxy.
    QWebSocket client;
    QSignalSpy received(&client, &QWebSocket::textMessageReceived);
    client.open(QUrl(panel->urlText()));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
    QTRY_COMPARE(panel->clientsText(), QStringLiteral("1 client(s) connected"));
    client.sendTextMessage(QStringLiteral("hello through the proxy"));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("hello through the proxy"));

    // One proxied connection, with its badge's tooltip.
    Connection *proxied = firstProxied(window);
    QVERIFY(proxied);
    QVERIFY(proxied->hasTwoLegs());
    window.selectConnection(proxied);
    QListView *list = window.connectionList();
    auto *model = static_cast<ConnectionListModel *>(list->model());
    const QModelIndex item = model->index(model->rowOf(proxied), 0);
    auto *delegate = qobject_cast<ConnectionDelegate *>(list->itemDelegate());
    QVERIFY(delegate);
    QStyleOptionViewItem option;
    option.rect = list->visualRect(item);
    QHelpEvent help(QEvent::ToolTip, option.rect.center(), list->viewport()->mapToGlobal(option.rect.center()));
    QVERIFY(delegate->helpEvent(&help, list, option, item));
    QTRY_VERIFY(QToolTip::text().contains(QLatin1String("Relayed by the proxy")));
    QToolTip::hideText();

    // The log: both legs, the Leg column shown, the message once per leg.
    EventLogView *log = window.eventLogView();
    log->model()->flush();
    QTRY_VERIFY(log->filterModel()->rowCount() > 0);
    QVERIFY(!log->tableView()->isColumnHidden(EventLogModel::LegColumn));
    QVERIFY(log->filterBar()->legCombo()->isVisibleTo(log->filterBar()));
    auto legsOfMessage = [log](const QString &text) {
        QStringList legs;
        const QAbstractItemModel *shown = log->filterModel();
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, EventLogModel::PreviewColumn).data().toString() == text)
                legs << shown->index(row, EventLogModel::LegColumn).data().toString();
        }
        return legs;
    };
    QTRY_COMPARE(legsOfMessage(QStringLiteral("hello through the proxy")).size(), 4); // sent, and echoed
    QCOMPARE(legsOfMessage(QStringLiteral("hello through the proxy")),
        (QStringList {
            QStringLiteral("client"), QStringLiteral("server"), QStringLiteral("server"), QStringLiteral("client") }));

    // The leg filter hides the other leg.
    QComboBox *legCombo = log->filterBar()->legCombo();
    legCombo->setCurrentIndex(legCombo->findData(int(LegRows::Filter::Server)));
    QCOMPARE(legsOfMessage(QStringLiteral("hello through the proxy")),
        (QStringList { QStringLiteral("server"), QStringLiteral("server") }));
    for (int row = 0; row < log->filterModel()->rowCount(); ++row)
        QCOMPARE(
            log->filterModel()->index(row, 0).data(EventLogModel::LegRole).toInt(), int(ConnectionLeg::Facing::Server));
    legCombo->setCurrentIndex(legCombo->findData(int(LegRows::Filter::Client)));
    QCOMPARE(legsOfMessage(QStringLiteral("hello through the proxy")),
        (QStringList { QStringLiteral("client"), QStringLiteral("client") }));

    // The detail pane: the client leg's message, the same bytes on the server leg.
    for (int row = 0; row < log->filterModel()->rowCount(); ++row) {
        if (log->filterModel()->index(row, EventLogModel::PreviewColumn).data().toString()
            == QLatin1String("hello through the proxy")) {
            log->tableView()->setCurrentIndex(log->filterModel()->index(row, 0));
            break;
        }
    }
    EventDetailView *detail = window.detailView();
    QCOMPARE(detail->text(), QStringLiteral("hello through the proxy"));
    QVERIFY(detail->tabs()->isTabVisible(EventDetailView::LegsTab));
    QCOMPARE(detail->legsView()->summary(), QStringLiteral("Same bytes on both legs (23 byte(s))."));
    QVERIFY(!detail->legsView()->legsDiffer());
    legCombo->setCurrentIndex(legCombo->findData(int(LegRows::Filter::Both)));

    // The handshake view: the client leg's request named the proxy as Host, the server leg's the upstream.
    HandshakeView *handshake = window.handshakeView();
    HandshakeLegPicker *picker = handshake->legPicker();
    QVERIFY(picker->isVisibleTo(handshake));
    picker->setFacing(ConnectionLeg::Facing::Client);
    QVERIFY2(handshake->requestRawText().contains(QStringLiteral("Host: 127.0.0.1:%1").arg(proxyUrl.port())),
        qPrintable(handshake->requestRawText()));
    QCOMPARE(handshake->responseStatusLine(), QStringLiteral("HTTP/1.1 101 Switching Protocols"));
    picker->setFacing(ConnectionLeg::Facing::Server);
    QVERIFY2(handshake->requestRawText().contains(QStringLiteral("Host: 127.0.0.1:%1").arg(upstream.port())),
        qPrintable(handshake->requestRawText()));
    QVERIFY(handshake->requestRawText().startsWith(QLatin1String("GET /echo")));
    QCOMPARE(handshake->responseStatusLine(), QStringLiteral("HTTP/1.1 101 Switching Protocols"));

    // Stop closes the client and says so.
    panel->startStopAction()->trigger();
    QVERIFY(!window.reverseProxy()->isListening());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(panel->urlText(), QString());
    QCOMPARE(panel->clientsText(), QStringLiteral("Not listening"));
}

void TestProxyPanel::detailPaneShowsLegsThatDiffer()
{
    std::unique_ptr<Connection> connection(proxiedRecord("hello", "HELLO edited"));
    EventDetailView detail;
    detail.setConnection(connection.get());
    const EventStore &client = connection->leg(ConnectionLeg::Facing::Client)->events;
    int row = -1;
    for (qsizetype i = 0; i < client.size() && row < 0; ++i) {
        if (client.at(i).type == EventType::Message)
            row = LegRows::clientRow(i);
    }
    QVERIFY(row >= 0);
    detail.showEvent(row);
    QCOMPARE(detail.text(), QStringLiteral("hello"));
    QVERIFY(detail.tabs()->isTabVisible(EventDetailView::LegsTab));
    QVERIFY(detail.legsView()->legsDiffer());
    QCOMPARE(detail.legsView()->clientText(), QStringLiteral("hello"));
    QCOMPARE(detail.legsView()->serverText(), QStringLiteral("HELLO edited"));
    QCOMPARE(detail.legsView()->summary(),
        QStringLiteral("The legs differ: the message was changed between the client and the server."));
    // A row that is no message has no Legs tab.
    detail.showEvent(LegRows::clientRow(0));
    QVERIFY(!detail.tabs()->isTabVisible(EventDetailView::LegsTab));
}

void TestProxyPanel::takenPortIsExplained()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    ProxyPanel *panel = window.proxyPanel();
    child<QLineEdit>(panel, "proxyUpstreamEdit")->setText(QStringLiteral("ws://127.0.0.1:9/"));
    child<QSpinBox>(panel, "proxyPortSpin")->setValue(squatter.serverPort());
    QVERIFY(!panel->start());
    QVERIFY(!window.reverseProxy()->isListening());
    QVERIFY2(
        panel->errorText().contains(QStringLiteral("could not listen on 127.0.0.1 port %1").arg(squatter.serverPort())),
        qPrintable(panel->errorText()));
    // A free port again: it starts and the error goes.
    child<QSpinBox>(panel, "proxyPortSpin")->setValue(0);
    QVERIFY(panel->start());
    QCOMPARE(panel->errorText(), QString());
}

void TestProxyPanel::upstreamIsValidatedAndExposureWarned()
{
    MainWindow window;
    ProxyPanel *panel = window.proxyPanel();
    auto *upstream = child<QLineEdit>(panel, "proxyUpstreamEdit");
    upstream->setText(QStringLiteral("http://example.com/"));
    QCOMPARE(panel->upstreamProblemText(),
        QStringLiteral("The upstream must be a ws:// or wss:// URL, not \"http://example.com/\"."));
    QVERIFY(!panel->start());
    QCOMPARE(panel->errorText(), panel->upstreamProblemText());
    upstream->setText(QStringLiteral("wss://example.com/socket"));
    QCOMPARE(panel->upstreamProblemText(), QString());

    QVERIFY(!panel->isExposureWarningVisible());
    child<QComboBox>(panel, "proxyAddressCombo")->setCurrentText(QStringLiteral("0.0.0.0"));
    QVERIFY(panel->isExposureWarningVisible());
    child<QComboBox>(panel, "proxyAddressCombo")->setCurrentText(QStringLiteral("127.0.0.1"));
    QVERIFY(!panel->isExposureWarningVisible());
}

void TestProxyPanel::settingsAreRemembered()
{
    {
        MainWindow window;
        ProxyPanel *panel = window.proxyPanel();
        child<QLineEdit>(panel, "proxyUpstreamEdit")->setText(QStringLiteral("wss://example.com/live"));
        child<QSpinBox>(panel, "proxyPortSpin")->setValue(18081);
        child<QCheckBox>(panel, "proxyKeepHostCheck")->setChecked(true);
        child<QComboBox>(panel, "proxyAddressCombo")->setCurrentText(QStringLiteral("::1"));
    }
    MainWindow window;
    ProxyPanel *panel = window.proxyPanel();
    QCOMPARE(child<QLineEdit>(panel, "proxyUpstreamEdit")->text(), QStringLiteral("wss://example.com/live"));
    QCOMPARE(child<QSpinBox>(panel, "proxyPortSpin")->value(), 18081);
    QVERIFY(child<QCheckBox>(panel, "proxyKeepHostCheck")->isChecked());
    QCOMPARE(child<QComboBox>(panel, "proxyAddressCombo")->currentText(), QStringLiteral("::1"));
    const ReverseProxyOptions options = panel->reverseOptions();
    QCOMPARE(options.upstream.url, QUrl(QStringLiteral("wss://example.com/live")));
    QCOMPARE(options.port, quint16(18081));
    QVERIFY(options.keepHost);
    QCOMPARE(options.address, QHostAddress(QHostAddress::LocalHostIPv6));
}

QTEST_MAIN(TestProxyPanel)
#include "tst_proxypanel.moc"
