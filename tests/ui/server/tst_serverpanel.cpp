// Drives the real MainWindow's "Test server" panel: start on a free port, Connect to it, both sides in the
// connections list, the client's request headers, the echo, broadcast, Stop, and the exposure warning.

#include "serverpanelfixture.h"

using namespace wsi;

class TestServerPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void connectToItShowsBothSidesAndTheEcho();
    void wssWithTheGeneratedCertificateConnects();
    void nonLoopbackAddressShowsAWarning_data();
    void nonLoopbackAddressShowsAWarning();
    void settingsAreRemembered();
    void keyboardStartsConnectsAndStops();
};

void TestServerPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_serverpanel"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestServerPanel::init()
{
    QSettings().clear();
}

void TestServerPanel::cleanup()
{
    ServerPanel::setBroadcastPrompt(nullptr);
}

void TestServerPanel::connectToItShowsBothSidesAndTheEcho()
{
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    QVERIFY(panel && panel->isVisible());
    QVERIFY(!panel->isExposureWarningVisible());

    auto *startStop = panel->findChild<QPushButton *>(QStringLiteral("serverStartStopButton"));
    auto *connectToIt = panel->findChild<QPushButton *>(QStringLiteral("serverConnectToItButton"));
    QVERIFY(startStop && connectToIt);
    QVERIFY(!connectToIt->isEnabled());
    QTest::mouseClick(startStop, Qt::LeftButton);
    QVERIFY2(panel->server()->isRunning(), qPrintable(panel->errorText()));
    QVERIFY(panel->server()->port() != 0);
    QCOMPARE(panel->urlText(), QStringLiteral("ws://127.0.0.1:%1/").arg(panel->server()->port()));
    QCOMPARE(startStop->text(), QStringLiteral("Stop"));

    QTRY_VERIFY(connectToIt->isEnabled());
    QTest::mouseClick(connectToIt, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 2, 10000);
    QCOMPARE(window.connectionList()->model()->rowCount(), 2);
    Connection *outgoing = findKind(&window, Connection::Kind::Outgoing);
    Connection *incoming = findKind(&window, Connection::Kind::Incoming);
    QVERIFY(outgoing && incoming);
    QCOMPARE(outgoing->url().port(), int(panel->server()->port()));
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Open, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(incoming->state(), Connection::State::Open, 10000);
    QVERIFY(incoming->title().startsWith(QLatin1String("client 127.0.0.1:")));
    QTRY_VERIFY_WITH_TIMEOUT(panel->statsText().startsWith(QStringLiteral("1 client \u00b7")), 5000);
    // The connection the user opened stays selected: the client arriving at the server is only listed.
    QCOMPARE(window.currentConnection(), outgoing);

    // The incoming client: its upgrade request as the server received it.
    clickRow(&window, incoming);
    QCOMPARE(window.currentConnection(), incoming);
    const QAbstractItemModel *request = window.handshakeView()->requestHeadersModel();
    QTRY_VERIFY(hasHeader(request, QStringLiteral("Sec-WebSocket-Key")));
    QVERIFY(hasHeader(request, QStringLiteral("Host")));
    QVERIFY(window.handshakeView()->responseStatusLine().contains(QLatin1String("101")));
    // The composer says where a message would go: to this client, as the server.
    auto *hint = window.findChild<QLabel *>(QStringLiteral("composerHint"));
    QVERIFY(hint);
    QTRY_VERIFY2(hint->text().contains(QLatin1String("to client ") + incoming->peer()), qPrintable(hint->text()));
    auto *kick = panel->findChild<QPushButton *>(QStringLiteral("serverKickButton"));
    QVERIFY(kick && kick->isEnabled());

    // Send from the outgoing side with the composer; the echo comes back and the client's log has both.
    clickRow(&window, outgoing);
    QCOMPARE(window.currentConnection(), outgoing);
    QVERIFY(!kick->isEnabled()); // only our clients can be kicked
    auto *composerEdit = window.findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
    QVERIFY(composerEdit);
    composerEdit->setFocus();
    const QString message = QStringLiteral("hello from both sides");
    QTest::keyClicks(composerEdit, message);
    QTest::keyClick(composerEdit, Qt::Key_Return, Qt::ControlModifier);
    const QAbstractItemModel *log = window.eventLogView()->model();
    QTRY_VERIFY_WITH_TIMEOUT(hasMessage(log, Direction::Incoming, message), 10000);
    QVERIFY(hasMessage(log, Direction::Outgoing, message));
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->server()->stats().messagesIn >= 1 && panel->server()->stats().messagesOut >= 1, 5000);

    // Broadcast reaches the outgoing connection.
    ServerPanel::setBroadcastPrompt([](QWidget *, bool *ok) {
        *ok = true;
        return QStringLiteral("to everyone");
    });
    auto *broadcast = panel->findChild<QPushButton *>(QStringLiteral("serverBroadcastButton"));
    QTRY_VERIFY(broadcast->isEnabled());
    QTest::mouseClick(broadcast, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(hasMessage(log, Direction::Incoming, QStringLiteral("to everyone")), 10000);

    // Stop: both sides end, the client with 1001 Going Away.
    QTest::mouseClick(startStop, Qt::LeftButton);
    QVERIFY(!panel->server()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(incoming->state() == Connection::State::Closed, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(outgoing->state() == Connection::State::Closed, 10000);
    QVERIFY(panel->urlText().isEmpty());
    QCOMPARE(startStop->text(), QStringLiteral("Start"));
    QVERIFY(!connectToIt->isEnabled());
}

void TestServerPanel::wssWithTheGeneratedCertificateConnects()
{
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    auto *scheme = panel->findChild<QComboBox *>(QStringLiteral("serverSchemeCombo"));
    QVERIFY(scheme);
    scheme->setCurrentIndex(1);
    QVERIFY(panel->findChild<QLineEdit *>(QStringLiteral("serverCertEdit"))->isVisible());

    // A certificate file that does not exist is a clear error, and nothing listens.
    panel->findChild<QLineEdit *>(QStringLiteral("serverCertEdit"))->setText(QStringLiteral("/nonexistent/cert.pem"));
    panel->findChild<QLineEdit *>(QStringLiteral("serverKeyEdit"))->setText(QStringLiteral("/nonexistent/key.pem"));
    panel->start();
    QVERIFY(!panel->server()->isRunning());
    QVERIFY2(panel->errorText().contains(QLatin1String("/nonexistent/")), qPrintable(panel->errorText()));

    panel->findChild<QLineEdit *>(QStringLiteral("serverCertEdit"))->clear();
    panel->findChild<QLineEdit *>(QStringLiteral("serverKeyEdit"))->clear();
    panel->start();
    QVERIFY2(panel->server()->isRunning(), qPrintable(panel->errorText()));
    QVERIFY(panel->urlText().startsWith(QLatin1String("wss://127.0.0.1:")));
    QVERIFY(panel->errorText().isEmpty());
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("serverConnectToItButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 2, 15000);
    Connection *outgoing = findKind(&window, Connection::Kind::Outgoing);
    QVERIFY(outgoing);
    // The app's CA issued the server's certificate and the outgoing side trusts it: no decision needed.
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Open, 15000);
    QVERIFY(outgoing->handshake().tls.verified);
    panel->stop();
    QTRY_VERIFY_WITH_TIMEOUT(outgoing->state() == Connection::State::Closed, 10000);
}

void TestServerPanel::nonLoopbackAddressShowsAWarning_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("warns");
    QTest::newRow("IPv4 loopback") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("IPv6 loopback") << QStringLiteral("::1") << false;
    QTest::newRow("IPv4 any") << QStringLiteral("0.0.0.0") << true;
    QTest::newRow("IPv6 any") << QStringLiteral("::") << true;
    QTest::newRow("LAN address") << QStringLiteral("192.168.1.20") << true;
}

void TestServerPanel::nonLoopbackAddressShowsAWarning()
{
    QFETCH(QString, address);
    QFETCH(bool, warns);
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    auto *edit = panel->findChild<QLineEdit *>(QStringLiteral("serverAddressEdit"));
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, address);
    QCOMPARE(panel->isExposureWarningVisible(), warns);
    if (warns) {
        QVERIFY(panel->exposureWarningText().contains(address));
        QVERIFY(panel->exposureWarningText().contains(QLatin1String("other machines")));
    }
}

void TestServerPanel::settingsAreRemembered()
{
    {
        MainWindow window;
        ServerPanel *panel = window.serverPanel();
        panel->findChild<QComboBox *>(QStringLiteral("serverModeCombo"))->setCurrentIndex(4);
        panel->findChild<QLineEdit *>(QStringLiteral("serverSubprotocolsEdit"))->setText(QStringLiteral("chat v2"));
        QCOMPARE(panel->form()->mode(), ServerMode::Reject);
    }
    MainWindow window;
    ServerPanel *panel = window.serverPanel();
    QCOMPARE(panel->form()->mode(), ServerMode::Reject);
    QCOMPARE(
        panel->findChild<QLineEdit *>(QStringLiteral("serverSubprotocolsEdit"))->text(), QStringLiteral("chat v2"));
}

void TestServerPanel::keyboardStartsConnectsAndStops()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ServerPanel *panel = window.serverPanel();
    QVERIFY(!panel->isVisible()); // a first run: the dock is closed
    auto *connectAction = window.findChild<QAction *>(QStringLiteral("serverConnectToItAction"));
    auto *startStop = window.findChild<QAction *>(QStringLiteral("serverStartStopAction"));
    QVERIFY(connectAction && startStop);
    QVERIFY(!connectAction->isEnabled());
    // The actions are in the window's menu bar, so their shortcuts work wherever the focus is.
    bool inMenu = false;
    for (QAction *menu : window.menuBar()->actions())
        inMenu = inMenu || (menu->menu() && menu->menu()->actions().contains(startStop));
    QVERIFY(inMenu);

    window.findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"))->setFocus();
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(panel->server()->isRunning(), qPrintable(panel->errorText()));
    QVERIFY(panel->isVisible()); // starting shows the panel with the URL
    QCOMPARE(startStop->text(), QStringLiteral("&Stop Test Server"));
    QVERIFY(connectAction->isEnabled());

    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 2, 10000);
    Connection *outgoing = findKind(&window, Connection::Kind::Outgoing);
    QVERIFY(outgoing);
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Open, 10000);
    QCOMPARE(window.currentConnection(), outgoing);
    // A second Connect to It from the keyboard selects the new connection alone: the Ctrl still held from the
    // shortcut once added it to the old selection.
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 4, 10000);
    QVERIFY(window.currentConnection() && window.currentConnection() != outgoing);
    QCOMPARE(window.currentConnection()->kind(), Connection::Kind::Outgoing);
    QCOMPARE(window.connectionList()->selectionModel()->selectedRows().size(), 1);

    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!panel->server()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(outgoing->state() == Connection::State::Closed, 10000);
    QCOMPARE(startStop->text(), QStringLiteral("&Start Test Server"));
    QVERIFY(!connectAction->isEnabled());
}

QTEST_MAIN(TestServerPanel)
#include "tst_serverpanel.moc"
