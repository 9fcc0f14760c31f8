// The Learn panel in the real window: it opens from the Help menu in Korean with Korean lesson text, it is
// remembered open, and the handshake and four-events lessons run end to end against the built-in test server,
// leaving the window as the lesson says (a connection, the handshake view on Sec-WebSocket-Accept, the log rows).

#include "connection/connection.h"
#include "connection/workspace.h"
#include "explain/closeexplainer.h"
#include "handshake/handshakeview.h"
#include "handshake/headertablemodel.h"
#include "language/translations.h"
#include "learn/learndock.h"
#include "learn/learnpanel.h"
#include "learn/lessonrunner.h"
#include "learn/transportcomparisonview.h"
#include "learn/transportcomparisonwindow.h"
#include "learn/transportresultmodel.h"
#include "log/eventlogview.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "server/localserver.h"
#include "server/serverpanel.h"
#include "shell/mainwindow.h"
#include "store/eventrecord.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace wsi;

class TestLearnPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void opensFromTheHelpMenuInKorean();
    void switchesLanguageWhileOpen();
    void remembersThatItWasOpen();
    void whyLessonShowsTheTransportsComparison();
    void theComparisonWindowShowsWhatTheDockCannot_data();
    void theComparisonWindowShowsWhatTheDockCannot();
    void handshakeLessonShowsTheAcceptOfARealConnection();
    void eventsLessonSelectsEachRowAsItAppears();

private:
    static QAction *helpMenuAction(MainWindow &window, const QString &objectName);
    // Runs the lesson without pauses; fails the test when it does not complete.
    static void runLesson(MainWindow &window, const QString &id);
};

void TestLearnPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_learnpanel"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestLearnPanel::init()
{
    QSettings().clear();
    Translations::forApplication()->apply(QStringLiteral("en"));
}

QAction *TestLearnPanel::helpMenuAction(MainWindow &window, const QString &objectName)
{
    const QList<QAction *> menus = window.menuBar()->actions();
    if (menus.isEmpty() || !menus.constLast()->menu())
        return nullptr;
    for (QAction *action : menus.constLast()->menu()->actions()) {
        if (action->objectName() == objectName)
            return action;
    }
    return nullptr;
}

void TestLearnPanel::runLesson(MainWindow &window, const QString &id)
{
    LearnPanel *panel = window.learnPanel();
    QVERIFY(panel->showLesson(id));
    panel->runner()->setStepPauseMs(0);
    QSignalSpy finished(panel->runner(), &LessonRunner::finished);
    panel->runButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
}

void TestLearnPanel::opensFromTheHelpMenuInKorean()
{
    Translations::forApplication()->apply(QStringLiteral("ko"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *learn = helpMenuAction(window, QStringLiteral("learnDockAction"));
    QVERIFY(learn);
    QCOMPARE(learn->text(), QStringLiteral("WebSocket 배우기(&L)"));
    QCOMPARE(learn->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+L")));
    QVERIFY(!window.learnDock()->isVisible());
    learn->trigger();
    QVERIFY(window.learnDock()->isVisible());
    QCOMPARE(window.learnDock()->windowTitle(), QStringLiteral("배우기"));

    LearnPanel *panel = window.learnPanel();
    QVERIFY(panel->showLesson(QStringLiteral("handshake")));
    QCOMPARE(panel->lookAtText(),
        QStringLiteral("WebSocket은 HTTP 요청으로 시작합니다. 이 강의에서는 테스트 서버에 연결한 뒤 핸드셰이크 탭을 "
                       "헤더 하나하나 짚어 봅니다."));
    QVERIFY2(panel->stepsText().contains(QStringLiteral("4. Origin: 요청을 보낸 페이지의 출처입니다.")),
        qPrintable(panel->stepsText()));
    QCOMPARE(panel->runButton()->text(), QStringLiteral("실행(&R)"));
    auto *status = panel->findChild<QLabel *>(QStringLiteral("learnStatusLabel"));
    QVERIFY(status);
    QCOMPARE(status->text(), QStringLiteral("실행을 누르면 창에서 직접 볼 수 있습니다."));
}

void TestLearnPanel::switchesLanguageWhileOpen()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.learnDock()->show();
    LearnPanel *panel = window.learnPanel();
    QVERIFY(panel->showLesson(QStringLiteral("events")));
    QVERIFY(panel->lookAtText().startsWith(QStringLiteral("A WebSocket API has four events")));
    Translations::forApplication()->apply(QStringLiteral("ko"));
    QTRY_VERIFY2(panel->lookAtText().startsWith(QStringLiteral("WebSocket API의 이벤트는 OPEN, MESSAGE, ERROR, CLOSE")),
        qPrintable(panel->lookAtText()));
    QVERIFY(panel->stepsText().contains(QStringLiteral("OPEN: 핸드셰이크가 성공해 연결이 열렸습니다.")));
    Translations::forApplication()->apply(QStringLiteral("en"));
    QTRY_VERIFY(panel->lookAtText().startsWith(QStringLiteral("A WebSocket API has four events")));
}

// "Why WebSocket" measures what it says: the comparison of the four transports shows under its steps, and only there.
void TestLearnPanel::whyLessonShowsTheTransportsComparison()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.learnDock()->show();
    LearnPanel *panel = window.learnPanel();
    QVERIFY(panel->showLesson(QStringLiteral("why")));
    QVERIFY(panel->transportComparison()->isVisibleTo(panel));
    QVERIFY(panel->showLesson(QStringLiteral("handshake")));
    QVERIFY(!panel->transportComparison()->isVisibleTo(panel));
    QVERIFY(panel->showLesson(QStringLiteral("why")));
    QVERIFY(panel->transportComparison()->isVisibleTo(panel));
}

// Columns whose whole width the table shows without scrolling.
static int fullyVisibleColumns(const QTableView *table)
{
    int visible = 0;
    for (int column = 0; column < table->model()->columnCount(); ++column) {
        const int left = table->horizontalHeader()->sectionViewportPosition(column);
        if (left >= 0 && left + table->horizontalHeader()->sectionSize(column) <= table->viewport()->width())
            ++visible;
    }
    return visible;
}

void TestLearnPanel::theComparisonWindowShowsWhatTheDockCannot_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Korean") << QStringLiteral("ko");
}

// The window at its first-run size with the Learn dock open: the dock's table shows a few of its columns, the
// comparison's own window every transport and measure, after a real (tiny) run. With WSI_SCREENSHOT_DIR set, both are
// saved there (run under xvfb-run with a 1490 px wide screen to see what a user sees).
void TestLearnPanel::theComparisonWindowShowsWhatTheDockCannot()
{
    QFETCH(QString, language);
    Translations::forApplication()->apply(language);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.learnDock()->show();
    LearnPanel *panel = window.learnPanel();
    QVERIFY(panel->showLesson(QStringLiteral("why")));
    TransportComparisonView *comparison = panel->transportComparison();
    comparison->findChild<QSpinBox *>(QStringLiteral("messagesSpin"))->setValue(4);
    comparison->findChild<QSpinBox *>(QStringLiteral("clientMessagesSpin"))->setValue(2);
    comparison->findChild<QSpinBox *>(QStringLiteral("durationSpin"))->setValue(300);
    comparison->findChild<QSpinBox *>(QStringLiteral("pollIntervalSpin"))->setValue(100);
    QSignalSpy finished(comparison, &TransportComparisonView::finished);
    comparison->run();
    QVERIFY(finished.wait(60000));
    QCoreApplication::processEvents();
    auto *dockTable = comparison->findChild<QTableView *>(QStringLiteral("resultTable"));
    QVERIFY(dockTable);
    const int inDock = fullyVisibleColumns(dockTable);
    QVERIFY2(inDock < TransportResultModel::NUM_COLUMNS, qPrintable(QString::number(inDock)));

    QTest::mouseClick(comparison->findChild<QPushButton *>(QStringLiteral("openWindowButton")), Qt::LeftButton);
    TransportComparisonWindow *own = comparison->comparisonWindow();
    QVERIFY(own);
    QVERIFY(QTest::qWaitForWindowExposed(own));
    QTableView *table = own->table();
    QTRY_COMPARE(fullyVisibleColumns(table), 4); // one per transport
    // Every measured number says its whole text (the plain-words row wraps instead).
    for (int row = TransportResultModel::RequestsColumn; row < TransportResultModel::ExplanationColumn; ++row) {
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            const QString text = table->model()->index(row, column).data().toString();
            QVERIFY2(table->fontMetrics().horizontalAdvance(text) <= table->columnWidth(column),
                qPrintable(QStringLiteral("%1 in %2 px").arg(text).arg(table->columnWidth(column))));
        }
    }

    const QString dir = qEnvironmentVariable("WSI_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        window.grab().save(QStringLiteral("%1/learn-dock-%2.png").arg(dir, language));
        own->grab().save(QStringLiteral("%1/learn-window-%2.png").arg(dir, language));
    }
    own->close();
    Translations::forApplication()->apply(QStringLiteral("en"));
}

void TestLearnPanel::remembersThatItWasOpen()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.learnDock()->toggleViewAction()->trigger();
        QVERIFY(window.learnDock()->isVisible());
        window.close(); // saves the layout
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(again.learnDock()->isVisible());
}

void TestLearnPanel::handshakeLessonShowsTheAcceptOfARealConnection()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.serverPanel()->server()->isRunning());
    runLesson(window, QStringLiteral("handshake"));

    // The lesson started the test server on loopback and connected a client to it, which is selected.
    LocalServer *server = window.serverPanel()->server();
    QVERIFY(server->isRunning());
    QCOMPARE(server->options().address, QHostAddress(QHostAddress::LocalHost));
    Connection *client = window.learnPanel()->runner()->connection();
    QVERIFY(client);
    QCOMPARE(client->kind(), Connection::Kind::Outgoing);
    QCOMPARE(client->state(), Connection::State::Open);
    QCOMPARE(client->url(), server->url());
    QCOMPARE(window.currentConnection(), client);
    QVERIFY(window.workspace()->connections().contains(client));

    // The Handshake tab is in front, its response shows the Accept, and the lesson's last header is selected.
    QCOMPARE(window.viewTabs()->currentWidget(), static_cast<QWidget *>(window.handshakeView()));
    HeaderTableModel *response = window.handshakeView()->responseHeadersModel();
    QVERIFY(!response->value("Sec-WebSocket-Accept").isEmpty());
    QCOMPARE(response->value("Sec-WebSocket-Accept"), client->handshake().response.value("Sec-WebSocket-Accept"));
    auto *table = window.handshakeView()->findChild<QTableView *>(QStringLiteral("responseHeadersTable"));
    QVERIFY(table);
    QVERIFY(table->isVisible());
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(response->headers().at(selected.first().row()).first, QByteArray("Sec-WebSocket-Accept"));
    // The client sent the Origin the lesson explains.
    QCOMPARE(window.handshakeView()->requestHeadersModel()->value("Origin"), QByteArray("http://localhost"));
}

void TestLearnPanel::eventsLessonSelectsEachRowAsItAppears()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Every row the log selected while the lesson ran, by type.
    QList<EventType> selectedTypes;
    connect(window.eventLogView(), &EventLogView::currentEventChanged, this, [&](int eventIndex) {
        Connection *current = window.currentConnection();
        if (current && eventIndex >= 0 && eventIndex < current->events().size())
            selectedTypes << current->events().at(eventIndex).type;
    });
    runLesson(window, QStringLiteral("events"));

    Connection *client = window.learnPanel()->runner()->connection();
    QVERIFY(client);
    QCOMPARE(window.currentConnection(), client);
    QCOMPARE(client->state(), Connection::State::Closed);
    QCOMPARE(client->closeExplanation().effectiveCode, 1000);
    QVERIFY(client->closeExplanation().clean);
    QCOMPARE(client->counters().messagesOut, quint64(1));
    QCOMPARE(client->counters().messagesIn, quint64(1)); // the echo
    QCOMPARE(window.viewTabs()->currentIndex(), 0); // Messages

    // OPEN, the message out and its echo, and CLOSE were each selected as they appeared, in that order.
    const qsizetype open = selectedTypes.indexOf(EventType::Open);
    const qsizetype message = selectedTypes.indexOf(EventType::Message);
    const qsizetype close = selectedTypes.indexOf(EventType::Close);
    QVERIFY2(open >= 0 && message > open && close > message,
        qPrintable(QStringLiteral("%1 %2 %3").arg(open).arg(message).arg(close)));
    // The log shows the rows: the last selected one is the Close.
    const int current = window.eventLogView()->currentEventIndex();
    QVERIFY(current >= 0);
    QCOMPARE(client->events().at(current).type, EventType::Close);
    QVERIFY(window.eventLogView()->filterModel()->rowCount() >= 4);
}

QTEST_MAIN(TestLearnPanel)
#include "tst_learnpanel.moc"
