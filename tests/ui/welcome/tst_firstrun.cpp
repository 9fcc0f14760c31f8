// A first run of the real MainWindow: the welcome page while nothing is open, and what each of its actions does
// (Try it shows both sides of a WebSocket, Connect to a URL, a recent URL, a saved endpoint, the samples).

#include "connect/connectbar.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "endpoints/endpointstore.h"
#include "models/connectionlistmodel.h"
#include "server/localserver.h"
#include "server/serverpanel.h"
#include "shell/mainwindow.h"
#include "shell/mainwindowsettings.h"
#include "welcome/welcomepage.h"

#include <QCommandLinkButton>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace wsi;

class TestFirstRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void welcomePageShowsWhileNothingIsOpen();
    void tryItStartsTheServerAndShowsBothSides();
    void connectToUrlFocusesTheUrlField();
    void recentUrlClickConnectsToIt();
    void savedEndpointClickConnectsWithItsOptions();
    void importSampleAddsTheShippedEndpoints();
    void firstRunGeometryFitsTheScreen_data();
    void firstRunGeometryFitsTheScreen();
    void restoredGeometryLargerThanTheScreenIsFitted();

private:
    static QAbstractButton *button(MainWindow *window, const QString &name);
    static bool welcomeShown(MainWindow *window);
};

void TestFirstRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_firstrun"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestFirstRun::init()
{
    // Each test is a first run: no settings, no recent URLs, no saved endpoints.
    QSettings().clear();
    QFile::remove(EndpointStore::defaultFilePath());
}

QAbstractButton *TestFirstRun::button(MainWindow *window, const QString &name)
{
    return window->welcomePage()->findChild<QAbstractButton *>(name);
}

bool TestFirstRun::welcomeShown(MainWindow *window)
{
    return window->welcomePage()->isVisible();
}

void TestFirstRun::welcomePageShowsWhileNothingIsOpen()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(welcomeShown(&window));
    QVERIFY(!window.viewTabs()->isVisible());
    for (const char *name : { "welcomeTryItButton", "welcomeConnectUrlButton", "welcomeImportSampleButton" }) {
        QAbstractButton *b = button(&window, QLatin1String(name));
        QVERIFY2(b && b->isVisible() && b->isEnabled(), name);
        QVERIFY2(!b->toolTip().isEmpty(), name);
        QVERIFY2(b->focusPolicy() & Qt::TabFocus, name); // reachable from the keyboard
    }
    // Nothing used yet: the lists say so, with no buttons.
    QVERIFY(!button(&window, QStringLiteral("welcomeRecentUrl_0")));
    QVERIFY(!button(&window, QStringLiteral("welcomeEndpoint_0")));
}

void TestFirstRun::tryItStartsTheServerAndShowsBothSides()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.serverPanel()->server()->isRunning());

    QTest::mouseClick(button(&window, QStringLiteral("welcomeTryItButton")), Qt::LeftButton);
    QVERIFY2(window.serverPanel()->server()->isRunning(), qPrintable(window.serverPanel()->errorText()));
    QVERIFY(window.serverPanel()->server()->options().address.isLoopback());
    QVERIFY(window.serverDock()->isVisible()); // the server side is shown too
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 2, 10000);
    QCOMPARE(window.connectionList()->model()->rowCount(), 2);
    Connection *outgoing = nullptr;
    Connection *incoming = nullptr;
    for (Connection *c : window.workspace()->connections())
        (c->kind() == Connection::Kind::Outgoing ? outgoing : incoming) = c;
    QVERIFY(outgoing && incoming);
    QCOMPARE(outgoing->url(), window.serverPanel()->server()->url());
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Open, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(incoming->state(), Connection::State::Open, 10000);
    // The client the user opened is the one shown; the page gave way to the views.
    QCOMPARE(window.currentConnection(), outgoing);
    QVERIFY(!welcomeShown(&window));
    QVERIFY(window.viewTabs()->isVisible());

    // Once the list is empty again, so is the central area: the welcome page returns.
    window.serverPanel()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(
        outgoing->state() == Connection::State::Closed || outgoing->state() == Connection::State::Failed, 10000);
    while (!window.workspace()->connections().isEmpty())
        window.workspace()->removeConnection(window.workspace()->connections().constLast());
    QCOMPARE(window.connectionList()->model()->rowCount(), 0);
    QVERIFY(welcomeShown(&window));
}

void TestFirstRun::connectToUrlFocusesTheUrlField()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *urlEdit = window.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    QAbstractButton *connectUrl = button(&window, QStringLiteral("welcomeConnectUrlButton"));
    connectUrl->setFocus();
    QVERIFY(!urlEdit->hasFocus());
    QTest::keyClick(connectUrl, Qt::Key_Space); // from the keyboard, as a user tabbing to it would
    QTRY_VERIFY(urlEdit->hasFocus());
    QVERIFY(window.workspace()->connections().isEmpty());
}

void TestFirstRun::recentUrlClickConnectsToIt()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Port 9 (discard) on loopback: nothing listens, the connection is made and fails, and that is enough here.
    const QString url = QStringLiteral("ws://127.0.0.1:9/recent");
    window.endpointStore()->addRecentUrl(url);
    QAbstractButton *recent = button(&window, QStringLiteral("welcomeRecentUrl_0"));
    QVERIFY(recent && recent->isVisible());
    QCOMPARE(recent->toolTip(), QStringLiteral("Connect to %1").arg(url));
    QTest::mouseClick(recent, Qt::LeftButton);
    QCOMPARE(window.workspace()->connections().size(), 1);
    QCOMPARE(window.workspace()->connections().constFirst()->url(), QUrl(url));
    QCOMPARE(window.currentConnection(), window.workspace()->connections().constFirst());
    QVERIFY(!welcomeShown(&window));
}

void TestFirstRun::savedEndpointClickConnectsWithItsOptions()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Endpoint endpoint;
    endpoint.name = QStringLiteral("Local, chat");
    endpoint.options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/saved"));
    endpoint.options.subprotocols = QStringList { QStringLiteral("chat") };
    QString error;
    QVERIFY2(!window.endpointStore()->save(endpoint, &error).isEmpty(), qPrintable(error));
    QAbstractButton *saved = button(&window, QStringLiteral("welcomeEndpoint_0"));
    QVERIFY(saved && saved->isVisible());
    QCOMPARE(saved->text(), QStringLiteral("Local, chat"));
    QTest::mouseClick(saved, Qt::LeftButton);
    QCOMPARE(window.workspace()->connections().size(), 1);
    const Connection *c = window.workspace()->connections().constFirst();
    QCOMPARE(c->url(), endpoint.options.url);
    QCOMPARE(c->options().subprotocols, QStringList { QStringLiteral("chat") });
    QVERIFY(!welcomeShown(&window));
}

void TestFirstRun::importSampleAddsTheShippedEndpoints()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.endpointStore()->endpoints().isEmpty());
    QTest::mouseClick(button(&window, QStringLiteral("welcomeImportSampleButton")), Qt::LeftButton);

    const QList<Endpoint> &endpoints = window.endpointStore()->endpoints();
    QCOMPARE(endpoints.size(), 5);
    QCOMPARE(endpoints.at(0).name, QStringLiteral("Echo (websocket.org)"));
    QCOMPARE(endpoints.at(0).options.url, QUrl(QStringLiteral("wss://echo.websocket.org/")));
    QCOMPARE(endpoints.at(4).options.url, QUrl(QStringLiteral("ws://127.0.0.1:8765/")));
    QVERIFY(endpoints.at(4).options.reconnect.enabled);
    for (const Endpoint &e : endpoints)
        QCOMPARE(e.folder, QStringLiteral("Samples"));
    QVERIFY2(window.welcomePage()->noteText().contains(QLatin1String("5 sample endpoints")),
        qPrintable(window.welcomePage()->noteText()));
    // Listed on the page at once, and kept in the store's file for the next run.
    QAbstractButton *first = button(&window, QStringLiteral("welcomeEndpoint_0"));
    QVERIFY(first && first->isVisible());
    QVERIFY(first->toolTip().contains(QLatin1String("wss://echo.websocket.org/")));
    EndpointStore reread(EndpointStore::defaultFilePath());
    QVERIFY(reread.load());
    QCOMPARE(reread.endpoints().size(), 5);
}

void TestFirstRun::firstRunGeometryFitsTheScreen_data()
{
    QTest::addColumn<QRect>("available");
    QTest::addColumn<QRect>("expected");
    QTest::newRow("1400x900 laptop: 80%") << QRect(0, 0, 1400, 900) << QRect(140, 90, 1120, 720);
    QTest::newRow("4K: at most 1600x1000") << QRect(0, 0, 3840, 2160) << QRect(1120, 580, 1600, 1000);
    QTest::newRow("small: at least 1024x700") << QRect(0, 0, 1100, 760) << QRect(38, 30, 1024, 700);
    QTest::newRow("tiny: never past the screen") << QRect(0, 0, 800, 600) << QRect(0, 0, 800, 600);
    QTest::newRow("second screen, under a panel") << QRect(1920, 32, 1600, 868) << QRect(2080, 116, 1280, 700);
}

void TestFirstRun::firstRunGeometryFitsTheScreen()
{
    QFETCH(QRect, available);
    QFETCH(QRect, expected);
    const QRect geometry = MainWindowSettings::firstRunGeometry(available);
    QCOMPARE(geometry, expected);
    QVERIFY(available.contains(geometry));
}

void TestFirstRun::restoredGeometryLargerThanTheScreenIsFitted()
{
    const QRect available(0, 0, 1280, 720);
    // Saved on a bigger screen: shrunk to the area and moved into it.
    QCOMPARE(MainWindowSettings::fittedGeometry(QRect(300, 200, 1800, 1000), available), QRect(0, 0, 1280, 720));
    // Only too far right: keeps its size, moved back in.
    QCOMPARE(MainWindowSettings::fittedGeometry(QRect(900, 100, 800, 500), available), QRect(480, 100, 800, 500));
    // Fits: as saved.
    QCOMPARE(MainWindowSettings::fittedGeometry(QRect(10, 20, 900, 600), available), QRect(10, 20, 900, 600));
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
