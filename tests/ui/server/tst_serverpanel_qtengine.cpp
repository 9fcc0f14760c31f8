// The test server panel's Qt engine through the real MainWindow: picked in the Engine combo, started, "Connect to
// It" gives a proxied connection with two legs (the client's wire and Qt's QWebSocketServer's), the echo arrives,
// the server leg's 101 is Qt's; and a mode the Qt engine lacks is refused by name.
#include "proxy/qtengineserver.h"
#include "serverpanelfixture.h"

using namespace wsi;

class TestServerPanelQtEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void qtEngineClientIsOneConnectionWithTwoLegs();
    void qtEngineRefusesBroadcastMode();

private:
    static void chooseEngine(ServerPanel *panel, ServerEngine engine);
};

void TestServerPanelQtEngine::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_serverpanel_qtengine"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestServerPanelQtEngine::init()
{
    QSettings().clear();
}

void TestServerPanelQtEngine::chooseEngine(ServerPanel *panel, ServerEngine engine)
{
    auto *combo = panel->findChild<QComboBox *>(QStringLiteral("serverEngineCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toInt(), int(ServerEngine::Builtin)); // the default
    combo->setCurrentIndex(combo->findData(int(engine)));
    QCOMPARE(panel->form()->engine(), engine);
}

void TestServerPanelQtEngine::qtEngineClientIsOneConnectionWithTwoLegs()
{
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    chooseEngine(panel, ServerEngine::Qt);
    if (QTest::currentTestFailed())
        return;

    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("serverStartStopButton")), Qt::LeftButton);
    QVERIFY2(panel->qtServer()->isRunning(), qPrintable(panel->errorText()));
    QVERIFY(!panel->server()->isRunning()); // the built-in engine stays off
    QCOMPARE(panel->urlText(), panel->qtServer()->url().toString());
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("serverStateLabel"))->text().contains(QLatin1String("Qt")));

    auto *connectToIt = panel->findChild<QPushButton *>(QStringLiteral("serverConnectToItButton"));
    QTRY_VERIFY(connectToIt->isEnabled());
    QTest::mouseClick(connectToIt, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 2, 10000);
    Connection *outgoing = findKind(&window, Connection::Kind::Outgoing);
    Connection *proxied = findKind(&window, Connection::Kind::Proxied);
    QVERIFY(outgoing && proxied);
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Open, 10000);

    clickRow(&window, outgoing);
    sendFromComposer(&window, QStringLiteral("hello qt"));
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*outgoing, EventType::Message, Direction::Incoming).size(), 1, 10000);
    QCOMPARE(outgoing->events().payloadText(eventsOf(*outgoing, EventType::Message, Direction::Incoming).first()),
        QStringLiteral("hello qt"));

    // One connection, two legs: the client's wire and the wire to Qt's server, each with the message both ways.
    QVERIFY(proxied->hasTwoLegs());
    const ConnectionLeg *clientLeg = proxied->leg(ConnectionLeg::Facing::Client);
    const ConnectionLeg *serverLeg = proxied->leg(ConnectionLeg::Facing::Server);
    QVERIFY(clientLeg && serverLeg);
    const auto messages = [](const ConnectionLeg *leg, Direction dir) {
        QStringList texts;
        for (qsizetype i = 0; i < leg->events.size(); ++i) {
            if (leg->events.at(i).type == EventType::Message && leg->events.at(i).dir == dir)
                texts << leg->events.payloadText(i);
        }
        return texts;
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        messages(clientLeg, Direction::Outgoing), QStringList { QStringLiteral("hello qt") }, 10000);
    QCOMPARE(messages(clientLeg, Direction::Incoming), QStringList { QStringLiteral("hello qt") });
    QCOMPARE(messages(serverLeg, Direction::Outgoing), QStringList { QStringLiteral("hello qt") });
    QCOMPARE(messages(serverLeg, Direction::Incoming), QStringList { QStringLiteral("hello qt") });
    // The 101 on the server leg is the one QWebSocketServer wrote.
    QCOMPARE(serverLeg->handshake.response.value("Server"), QByteArray("WS Inspector Qt engine"));
    QCOMPARE(serverLeg->handshake.response.value("Access-Control-Allow-Origin"), QByteArray("*"));

    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("serverStartStopButton")), Qt::LeftButton);
    QVERIFY(!panel->qtServer()->isRunning());
    QVERIFY(panel->urlText().isEmpty());
    // Qt's server closed the client with 1001 through the relay.
    QTRY_VERIFY_WITH_TIMEOUT(outgoing->state() == Connection::State::Closed, 10000);
}

void TestServerPanelQtEngine::qtEngineRefusesBroadcastMode()
{
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    chooseEngine(panel, ServerEngine::Qt);
    if (QTest::currentTestFailed())
        return;
    chooseMode(panel, ServerMode::Broadcast);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("serverStartStopButton")), Qt::LeftButton);
    QVERIFY(!panel->qtServer()->isRunning());
    QVERIFY(!panel->server()->isRunning());
    QVERIFY2(panel->errorText().contains(QLatin1String("echo and silent")), qPrintable(panel->errorText()));
}

QTEST_MAIN(TestServerPanelQtEngine)
#include "tst_serverpanel_qtengine.moc"
