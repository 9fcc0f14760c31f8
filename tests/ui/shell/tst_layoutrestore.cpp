// What the window remembers across a restart: geometry, splitters (main, sidebar, messages, handshake),
// log column widths, the last tab, reveal secrets, the stats window and the colour scheme, in QSettings
// test paths (never the real home).
#include "common/colorscheme.h"
#include "handshake/handshakeview.h"
#include "log/connectionstatsplot.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace wsi;

class TestLayoutRestore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void restoresWhatItSaved();
    void defaultsWithoutSettings();
    void firstRunGivesTheLogMostOfTheRoom();
};

void TestLayoutRestore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_layoutrestore"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestLayoutRestore::init()
{
    QSettings().clear();
}

void TestLayoutRestore::cleanupTestCase()
{
    ColorScheme::apply(ColorScheme::System);
}

void TestLayoutRestore::restoresWhatItSaved()
{
    QList<int> mainSizes, sidebarSizes, messagesSizes;
    int logColumn = 0;
    QRect geometry;
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1100, 700);
        window.serverDock()->show(); // docks share the width: lay them out before sizing the splitters
        QTest::qWait(50);
        auto *main = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        auto *sidebar = window.findChild<QSplitter *>(QStringLiteral("sidebarSplitter"));
        auto *messages = window.findChild<QSplitter *>(QStringLiteral("messagesSplitter"));
        QVERIFY(main && sidebar && messages);
        main->setSizes({ 330, 770 });
        sidebar->setSizes({ 200, 400 });
        messages->setSizes({ 300, 150, 200 });
        mainSizes = main->sizes();
        sidebarSizes = sidebar->sizes();
        messagesSizes = messages->sizes();
        QHeaderView *header = window.eventLogView()->tableView()->horizontalHeader();
        header->resizeSection(1, header->sectionSize(1) + 37);
        logColumn = header->sectionSize(1);
        window.viewTabs()->setCurrentIndex(2); // Stats
        window.statsPlot()->setWindowSeconds(600);
        window.findChild<QAction *>(QStringLiteral("revealSecretsAction"))->setChecked(true);
        window.findChild<QAction *>(QStringLiteral("colorScheme_dark"))->trigger();
        geometry = window.geometry();
        window.close();
    }
    QVERIFY(QSettings().contains(QStringLiteral("window/sidebarSplitter")));
    QCOMPARE(QSettings().value(QStringLiteral("view/colorScheme")).toString(), QStringLiteral("dark"));
    ColorScheme::apply(ColorScheme::System); // as at a fresh start

    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), geometry.size());
    QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), mainSizes);
    QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("sidebarSplitter"))->sizes(), sidebarSizes);
    QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("messagesSplitter"))->sizes(), messagesSizes);
    QCOMPARE(again.eventLogView()->tableView()->horizontalHeader()->sectionSize(1), logColumn);
    QCOMPARE(again.viewTabs()->currentIndex(), 2);
    QCOMPARE(again.statsPlot()->windowSeconds(), 600);
    QVERIFY(again.handshakeView()->revealSecrets());
    QCOMPARE(ColorScheme::current(), ColorScheme::Dark);
    QVERIFY(again.findChild<QAction *>(QStringLiteral("colorScheme_dark"))->isChecked());
    QVERIFY(again.serverDock()->isVisible());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.5);
}

void TestLayoutRestore::defaultsWithoutSettings()
{
    ColorScheme::apply(ColorScheme::System);
    MainWindow window;
    QCOMPARE(window.viewTabs()->currentIndex(), 0);
    QVERIFY(!window.handshakeView()->revealSecrets());
    QCOMPARE(window.statsPlot()->windowSeconds(), 60);
    QCOMPARE(ColorScheme::current(), ColorScheme::System);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("colorScheme_system"))->isChecked());
}

// On a first run the log is what the user came for: at the size a first run gets on a 1500x950 desktop it
// shows ten rows or more, more room than the composer, which keeps only what its tallest page needs (before:
// the composer's 260 px and the payload pane's share left the log five rows).
void TestLayoutRestore::firstRunGivesTheLogMostOfTheRoom()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.resize(1200, 760);
    // The messages page shows once a connection is selected; show it as that does.
    auto *stack = qobject_cast<QStackedWidget *>(window.viewTabs()->parentWidget());
    QVERIFY(stack);
    stack->setCurrentWidget(window.viewTabs());
    QTest::qWait(50);
    auto *messages = window.findChild<QSplitter *>(QStringLiteral("messagesSplitter"));
    QVERIFY(messages);
    const QList<int> sizes = messages->sizes();
    QCOMPARE(sizes.size(), 3);
    const QString shown = QDebug::toString(sizes);
    QCOMPARE(sizes.at(2), messages->widget(2)->minimumSizeHint().height());
    QVERIFY2(sizes.at(0) > sizes.at(1) && sizes.at(0) > sizes.at(2), qPrintable(shown));
    const EventLogTable *table = window.eventLogView()->tableView();
    QVERIFY2(table->viewport()->height() >= 10 * table->rowHeight(),
        qPrintable(shown + QStringLiteral(" viewport %1").arg(table->viewport()->height())));

    // Height the window gains goes mostly to the log; the composer stays at its minimum.
    window.resize(1200, 960);
    QTest::qWait(50);
    const QList<int> taller = messages->sizes();
    QVERIFY2(taller.at(0) - sizes.at(0) > 2 * (taller.at(1) - sizes.at(1)), qPrintable(QDebug::toString(taller)));
    QCOMPARE(taller.at(2), sizes.at(2));
}

QTEST_MAIN(TestLayoutRestore)
#include "tst_layoutrestore.moc"
