// `wsinspector --serve [host:]port` drives MainWindow::serveAt: the Test Server dock shows, the server listens where
// it was told with the panel's remembered settings for the rest, and a python3-websockets client gets its echo; a
// port in use or a value that is not an address is explained in the panel, and nothing listens.

#include "clientprocess.h"
#include "freeport.h"
#include "serverpanelfixture.h"

#include <QTcpServer>

using namespace wsi;

class TestServerPanelServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void servesOnTheGivenAddressAndEchoes();
    void aPortAloneListensOnLoopbackOnly();
    void theRememberedModeIsKept();
    void aPortInUseIsExplainedInThePanel();
    void aValueThatIsNoAddressIsExplained_data();
    void aValueThatIsNoAddressIsExplained();
};

void TestServerPanelServe::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_serverpanel_serve"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestServerPanelServe::init()
{
    QSettings().clear();
}

void TestServerPanelServe::servesOnTheGivenAddressAndEchoes()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.serverDock()->isVisible());
    const quint16 port = freePort();
    QVERIFY(port != 0);

    QVERIFY2(window.serveAt(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(window.serverPanel()->errorText()));
    QVERIFY(window.serverDock()->isVisible());
    LocalServer *server = window.serverPanel()->server();
    QVERIFY(server->isRunning());
    QCOMPARE(server->port(), port);
    QCOMPARE(server->options().address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(server->options().mode, ServerMode::Echo); // nothing remembered: the panel's default
    QCOMPARE(window.serverPanel()->urlText(), QStringLiteral("ws://127.0.0.1:%1/").arg(port));
    QVERIFY(window.serverPanel()->errorText().isEmpty());

    const QStringList lines
        = runPythonClient({ QStringLiteral("ws://127.0.0.1:%1/serve").arg(port), QStringLiteral("--send"),
            QStringLiteral("hello from python"), QStringLiteral("--expect"), QStringLiteral("1") });
    QVERIFY2(lines.contains(QStringLiteral("RECV hello from python")), qPrintable(lines.join(QLatin1Char('\n'))));
    // The client is one of the window's connections, its message and the echo in its log.
    Connection *client = findKind(&window, Connection::Kind::Incoming);
    QVERIFY(client);
    QTRY_VERIFY(client->state() == Connection::State::Closed);
}

void TestServerPanelServe::aPortAloneListensOnLoopbackOnly()
{
    // Not what --serve PORT means: a port alone is loopback whatever the panel remembers.
    QSettings().setValue(QStringLiteral("server/address"), QStringLiteral("0.0.0.0"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const quint16 port = freePort();
    QVERIFY2(window.serveAt(QString::number(port)), qPrintable(window.serverPanel()->errorText()));
    QCOMPARE(window.serverPanel()->server()->options().address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(window.serverPanel()->server()->port(), port);
    QVERIFY(!window.serverPanel()->isExposureWarningVisible());
    // The address is the panel's now, as if typed there: Stop and Start listen on it again.
    window.serverPanel()->stop();
    QTRY_VERIFY(!window.serverPanel()->server()->isRunning());
    window.serverPanel()->start();
    QVERIFY2(window.serverPanel()->server()->isRunning(), qPrintable(window.serverPanel()->errorText()));
    QCOMPARE(window.serverPanel()->server()->port(), port);
}

void TestServerPanelServe::theRememberedModeIsKept()
{
    {
        QSettings settings;
        settings.setValue(QStringLiteral("server/mode"), QStringLiteral("silent"));
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const quint16 port = freePort();
    QVERIFY2(window.serveAt(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(window.serverPanel()->errorText()));
    QCOMPARE(window.serverPanel()->server()->options().mode, ServerMode::Silent);
    const QStringList lines
        = runPythonClient({ QStringLiteral("ws://127.0.0.1:%1/").arg(port), QStringLiteral("--send"),
            QStringLiteral("anyone there?"), QStringLiteral("--stay-ms"), QStringLiteral("300") });
    QVERIFY2(lines.contains(QStringLiteral("OPEN -")), qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY2(!lines.join(QLatin1Char('\n')).contains(QLatin1String("RECV")), qPrintable(lines.join(QLatin1Char('\n'))));
}

void TestServerPanelServe::aPortInUseIsExplainedInThePanel()
{
    QTcpServer other;
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    const quint16 port = other.serverPort();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY(!window.serveAt(QStringLiteral("127.0.0.1:%1").arg(port)));
    QVERIFY(!window.serverPanel()->server()->isRunning());
    QVERIFY(window.serverDock()->isVisible());
    const QString error = window.serverPanel()->errorText();
    QVERIFY2(
        error.startsWith(QStringLiteral("TCP: could not listen on 127.0.0.1 port %1: ").arg(port)), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Another program is listening there")), qPrintable(error));

    // Once the port is free, Start listens where --serve asked.
    other.close();
    window.serverPanel()->start();
    QVERIFY2(window.serverPanel()->server()->isRunning(), qPrintable(window.serverPanel()->errorText()));
    QCOMPARE(window.serverPanel()->server()->port(), port);
    QVERIFY(window.serverPanel()->errorText().isEmpty());
}

void TestServerPanelServe::aValueThatIsNoAddressIsExplained_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("explained");
    QTest::newRow("a word") << "abc"
                            << "\"abc\" is not [host:]port: the port must be a number from 0 to 65535";
    QTest::newRow("a host name") << "localhost:9000"
                                 << "\"localhost\" is not an IP address to listen on";
    QTest::newRow("a port too high") << "127.0.0.1:70000"
                                     << "\"127.0.0.1:70000\" is not [host:]port";
}

void TestServerPanelServe::aValueThatIsNoAddressIsExplained()
{
    QFETCH(QString, value);
    QFETCH(QString, explained);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.serveAt(value));
    QVERIFY(!window.serverPanel()->server()->isRunning());
    QVERIFY(window.serverDock()->isVisible());
    QVERIFY2(window.serverPanel()->errorText().startsWith(explained), qPrintable(window.serverPanel()->errorText()));
}

QTEST_MAIN(TestServerPanelServe)
#include "tst_serverpanel_serve.moc"
