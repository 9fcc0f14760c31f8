// What the window remembers across a restart: geometry, splitters (main, sidebar, messages, handshake),
// log column widths, the last tab, reveal secrets, the stats window and the colour scheme, in QSettings
// test paths (never the real home).
#include "common/colorscheme.h"
#include "compose/composer.h"
#include "handshake/handshakeview.h"
#include "log/connectionstatsplot.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLayout>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
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
    void aDockBesideTheMessagesGetsItsWidthOnALaptopScreen();
    void foldingTheComposerGivesTheLogItsRoomAndIsRemembered();
    void connectionOptionsScrollInsteadOfGrowingTheWindow();
    void theLearnPanelScrollsInsteadOfGrowingTheWindow();
};

enum class Dock { Closed, Open };

// Shows the window at size with its messages page, which shows once a connection is selected, and the Test Server
// dock beside it when asked.
static void showMessagesPage(MainWindow &window, const QSize &size, Dock dock = Dock::Closed)
{
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.resize(size);
    auto *stack = qobject_cast<QStackedWidget *>(window.viewTabs()->parentWidget());
    QVERIFY(stack);
    stack->setCurrentWidget(window.viewTabs());
    if (dock == Dock::Open) {
        window.serverDock()->show();
        QTest::qWait(50);
    }
}

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
    showMessagesPage(window, QSize(1200, 760));
    if (QTest::currentTestFailed())
        return;
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

// The composer's tool rows used to hold the messages area at 760 px, so a Test Server dock opened in a 1,240 px
// window got 259 px and cut its form. They wrap now; the dock gets its 340 px and no control of the messages area is
// cut or covered.
void TestLayoutRestore::aDockBesideTheMessagesGetsItsWidthOnALaptopScreen()
{
    MainWindow window;
    showMessagesPage(window, QSize(1240, 860), Dock::Open);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(window.serverDock()->width(), 340);
    // ... and its form fits that width: no horizontal scrolling, no field cut at the dock's edge.
    auto *form = window.serverDock()->findChild<QScrollArea *>();
    QVERIFY(form && form->widget());
    QVERIFY2(form->widget()->minimumSizeHint().width() <= form->viewport()->width(),
        qPrintable(
            QStringLiteral("%1 > %2").arg(form->widget()->minimumSizeHint().width()).arg(form->viewport()->width())));
    QVERIFY(!form->horizontalScrollBar()->isVisible());

    auto *messages = window.findChild<QSplitter *>(QStringLiteral("messagesSplitter"));
    QVERIFY(messages);
    const QList<QWidget *> rows = { window.findChild<QWidget *>(QStringLiteral("composer")),
        window.findChild<QWidget *>(QStringLiteral("logFilterBar")) };
    for (QWidget *row : rows) {
        QVERIFY(row);
        QVERIFY2(row->width() < row->layout()->sizeHint().width() + 400, "the messages area is still wide");
    }
    // Every control shown in the composer lies inside the composer and overlaps no other.
    QWidget *composer = rows.first();
    QList<QRect> taken;
    const QList<QAbstractButton *> buttons = composer->findChildren<QAbstractButton *>();
    int checked = 0;
    for (QAbstractButton *button : buttons) {
        if (!button->isVisibleTo(composer) || button->parentWidget()->inherits("QTabBar"))
            continue;
        const QRect inComposer(button->mapTo(composer, QPoint(0, 0)), button->size());
        QVERIFY2(composer->rect().contains(inComposer), qPrintable(button->objectName()));
        for (const QRect &other : std::as_const(taken))
            QVERIFY2(!other.intersects(inComposer), qPrintable(button->objectName()));
        taken << inComposer;
        ++checked;
    }
    QVERIFY2(checked >= 6, qPrintable(QString::number(checked)));

    // The log's header takes at most two lines beside the dock (it took three: find had a line of its own, and the
    // filter field one more in English).
    QSet<int> lines;
    for (const char *name :
        { "filterEdit", "filterRegexButton", "filterDirectionCombo", "findEdit", "filterCountLabel" }) {
        QWidget *part = window.findChild<QWidget *>(QLatin1String(name));
        QVERIFY2(part && part->isVisible(), name);
        lines.insert(part->mapTo(&window, part->rect().center()).y());
    }
    QVERIFY2(lines.size() <= 2, qPrintable(QStringLiteral("%1 lines").arg(lines.size())));
}

// On a laptop with a dock open the composer took the log's rows (two or three were left): folded, only its title
// row stays and the log gets the room; unfolded, the composer gets back the height it had. The fold is remembered.
void TestLayoutRestore::foldingTheComposerGivesTheLogItsRoomAndIsRemembered()
{
    QList<int> folded;
    {
        MainWindow window;
        showMessagesPage(window, QSize(1100, 700), Dock::Open);
        if (QTest::currentTestFailed())
            return;
        auto *messages = window.findChild<QSplitter *>(QStringLiteral("messagesSplitter"));
        auto *showComposer = window.findChild<QAction *>(QStringLiteral("showComposerAction"));
        QVERIFY(messages && showComposer && showComposer->isChecked());
        const QList<int> unfolded = messages->sizes();
        const EventLogTable *table = window.eventLogView()->tableView();
        const int rowsBefore = table->viewport()->height() / table->rowHeight();

        showComposer->trigger();
        QTest::qWait(50);
        folded = messages->sizes();
        const QString shown = QDebug::toString(unfolded) + QStringLiteral(" -> ") + QDebug::toString(folded);
        QVERIFY2(folded.at(2) < 50, qPrintable(shown));
        QCOMPARE(folded.at(0), unfolded.at(0) + unfolded.at(2) - folded.at(2));
        QCOMPARE(folded.at(1), unfolded.at(1));
        const int rowsAfter = table->viewport()->height() / table->rowHeight();
        QVERIFY2(
            rowsAfter >= rowsBefore + 8, qPrintable(QStringLiteral("%1 -> %2 rows").arg(rowsBefore).arg(rowsAfter)));

        showComposer->trigger();
        QTest::qWait(50);
        QCOMPARE(messages->sizes(), unfolded);
        showComposer->trigger();
        QTest::qWait(50);
        window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("view/composerShown")).toBool(), false);

    MainWindow again;
    showMessagesPage(again, QSize(1100, 700), Dock::Open);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!again.findChild<QAction *>(QStringLiteral("showComposerAction"))->isChecked());
    QVERIFY(again.composer()->isCollapsed());
    QVERIFY2(again.findChild<QSplitter *>(QStringLiteral("messagesSplitter"))->sizes().at(2) < 50,
        qPrintable(QDebug::toString(again.findChild<QSplitter *>(QStringLiteral("messagesSplitter"))->sizes())));
}

// The connect bar's options (~520 px) used to open inline at full height: on a 768 px screen the window grew past the
// screen's bottom, its status bar and the log's rows out of sight. They scroll now, the window keeps its height, and
// where the views below leave them too little (a laptop with a dock open) the composer folds while they are open.
void TestLayoutRestore::connectionOptionsScrollInsteadOfGrowingTheWindow()
{
    MainWindow window;
    showMessagesPage(window, QSize(1100, 700), Dock::Open);
    if (QTest::currentTestFailed())
        return;
    QTest::qWait(50);
    const int height = window.height();
    auto *optionsButton = window.findChild<QAbstractButton *>(QStringLiteral("optionsButton"));
    auto *area = window.findChild<QScrollArea *>(QStringLiteral("connectOptionsArea"));
    QVERIFY(optionsButton && area);
    QVERIFY(!window.composer()->isCollapsed());
    QTest::mouseClick(optionsButton, Qt::LeftButton);
    QTRY_VERIFY(area->isVisible());
    QTRY_VERIFY(window.composer()->isCollapsed());
    QTest::qWait(50);
    QCOMPARE(window.height(), height);
    QVERIFY2(
        window.minimumSizeHint().height() <= height, qPrintable(QString::number(window.minimumSizeHint().height())));
    // Twelve lines of options at least, the rest scrolled; the log keeps rows to show.
    const int lines = area->height() / area->fontMetrics().height();
    QVERIFY2(lines >= 12, qPrintable(QStringLiteral("%1 px").arg(area->height())));
    QVERIFY(area->verticalScrollBar()->maximum() > 0);
    const EventLogTable *table = window.eventLogView()->tableView();
    QVERIFY2(table->viewport()->height() >= 3 * table->rowHeight(),
        qPrintable(QString::number(table->viewport()->height())));

    // Closed, the composer comes back.
    QTest::mouseClick(optionsButton, Qt::LeftButton);
    QTRY_VERIFY(!window.composer()->isCollapsed());
    QVERIFY(!area->isVisible());

    // A tall window gives them their room and leaves the composer as it is.
    window.resize(1400, 1040);
    QTest::qWait(50);
    QTest::mouseClick(optionsButton, Qt::LeftButton);
    QTRY_VERIFY(area->isVisible());
    QTest::qWait(50);
    QVERIFY(!window.composer()->isCollapsed());
    QVERIFY2(area->height() / area->fontMetrics().height() >= 12, qPrintable(QString::number(area->height())));
}

// The Learn dock (a lesson, its form, the transports' table and chart: ~900 px) made the window taller than a 768 px
// screen. It scrolls now; the window keeps its height.
void TestLayoutRestore::theLearnPanelScrollsInsteadOfGrowingTheWindow()
{
    MainWindow window;
    showMessagesPage(window, QSize(1100, 700));
    if (QTest::currentTestFailed())
        return;
    QTest::qWait(50);
    const int height = window.height();
    auto *learn = window.findChild<QAction *>(QStringLiteral("learnDockAction"));
    QVERIFY(learn);
    learn->trigger();
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("learnDock"));
    QVERIFY(dock);
    QTRY_VERIFY(dock->isVisible());
    QTest::qWait(50);
    QCOMPARE(window.height(), height);
    QVERIFY2(
        window.minimumSizeHint().height() <= height, qPrintable(QString::number(window.minimumSizeHint().height())));
    auto *area = dock->findChild<QScrollArea *>(QStringLiteral("learnScrollArea"));
    QVERIFY(area);
    QVERIFY(area->verticalScrollBar()->maximum() > 0);
    // Only the height scrolls: the panel is not cut at the dock's edge.
    QVERIFY2(area->widget()->width() <= area->viewport()->width(),
        qPrintable(QStringLiteral("%1 > %2").arg(area->widget()->width()).arg(area->viewport()->width())));
}

// The offscreen platform's screen is 800 x 600, smaller than the window's minimum width: a remembered geometry would
// be fitted to it, and the size check would compare the minimum with itself. Give it a desktop-sized screen instead.
int main(int argc, char **argv)
{
    QTemporaryDir folder;
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen" && folder.isValid()) {
        QFile config(folder.filePath(QStringLiteral("screens.json")));
        if (config.open(QIODevice::WriteOnly)) {
            config.write(R"({"screens": [{"name": "desktop", "x": 0, "y": 0, "width": 1920, "height": 1080,
                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
            config.close();
            qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.fileName().toLocal8Bit());
        }
    }
    QApplication app(argc, argv);
    TestLayoutRestore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_layoutrestore.moc"
