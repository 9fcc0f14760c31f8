// The connections sidebar: long URLs readable at the default width (host kept, middle elided), full in the tooltip.

#include "connection/connection.h"
#include "connection/workspace.h"
#include "connectionlist/connectiondelegate.h"
#include "connectionlist/connectionlistview.h"
#include "models/connectionlistmodel.h"
#include "shell/mainwindow.h"
#include "shell/mainwindowsettings.h"

#include <QListView>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace wsi;

class TestConnectionList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shortTitleIsShownWhole();
    void longUrlKeepsItsHostAndItsEnd();
    void nameThatIsNoUrlLosesItsMiddle();
    void hostTooLongForTheRowStillFits();
    void defaultWindowShowsTheHostAndTheFullUrlInTheTooltip();
};

void TestConnectionList::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_connectionlist"));
    QSettings().clear();
}

void TestConnectionList::shortTitleIsShownWhole()
{
    const QFontMetrics fm(QApplication::font());
    const QString url = QStringLiteral("ws://127.0.0.1:8765/");
    QCOMPARE(ConnectionDelegate::elidedTitle(url, fm, fm.horizontalAdvance(url)), url);
}

void TestConnectionList::longUrlKeepsItsHostAndItsEnd()
{
    const QFontMetrics fm(QApplication::font());
    const QString url = QStringLiteral("wss://stream.example.com:9443/api/v2/markets/btc-usd/trades/live");
    const int width = fm.horizontalAdvance(QStringLiteral("wss://stream.example.com:9443/api/v2/markets"));
    const QString shown = ConnectionDelegate::elidedTitle(url, fm, width);
    QVERIFY2(shown.startsWith(QStringLiteral("wss://stream.example.com:9443\u2026")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QStringLiteral("trades/live")), qPrintable(shown));
    QVERIFY(fm.horizontalAdvance(shown) <= width);
    // The longest end that fits: one more character would not.
    const qsizetype tail = shown.size() - shown.indexOf(QChar(0x2026)) - 1;
    QVERIFY(fm.horizontalAdvance(QStringLiteral("wss://stream.example.com:9443\u2026") + url.right(tail + 1)) > width);
}

void TestConnectionList::nameThatIsNoUrlLosesItsMiddle()
{
    const QFontMetrics fm(QApplication::font());
    const QString name = QStringLiteral("127.0.0.1:53122 asked for /chat/room-with-a-very-long-name");
    const int width = fm.horizontalAdvance(name) / 2;
    const QString shown = ConnectionDelegate::elidedTitle(name, fm, width);
    QCOMPARE(shown, fm.elidedText(name, Qt::ElideMiddle, width));
    QVERIFY(shown.startsWith(QLatin1String("127.")));
}

void TestConnectionList::hostTooLongForTheRowStillFits()
{
    const QFontMetrics fm(QApplication::font());
    const QString url = QStringLiteral("wss://a-very-long-host-name.region.cloud.example.com/socket");
    const int width = fm.horizontalAdvance(QStringLiteral("wss://a-very-long"));
    const QString shown = ConnectionDelegate::elidedTitle(url, fm, width);
    QVERIFY2(fm.horizontalAdvance(shown) <= width, qPrintable(shown));
    QVERIFY(shown.contains(QChar(0x2026)));
}

void TestConnectionList::defaultWindowShowsTheHostAndTheFullUrlInTheTooltip()
{
    MainWindow window;
    // The first-run size on a 1400x900 screen (the offscreen screen is smaller than the window's minimum).
    window.setGeometry(MainWindowSettings::firstRunGeometry(QRect(0, 0, 1400, 900)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ConnectionOptions options;
    // Port 9 on loopback: nothing listens; the row is what matters here.
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/api/v2/markets/btc-usd/trades/live?depth=50&format=json"));
    Connection *c = window.workspace()->openConnection(options);
    QListView *list = window.connectionList();
    auto *model = static_cast<ConnectionListModel *>(list->model());
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(list->textElideMode(), Qt::ElideMiddle);

    const QModelIndex index = model->index(model->rowOf(c), 0);
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(options.url.toString()));
    // The URL line as painted at the default sidebar width: the host stays, the end stays, the middle goes.
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.font = list->font();
    option.rect = list->visualRect(index);
    const QString shown = ConnectionDelegate::shownTitle(option, index);
    QVERIFY2(shown.startsWith(QStringLiteral("ws://127.0.0.1:9\u2026")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QLatin1String("format=json")), qPrintable(shown));
}

QTEST_MAIN(TestConnectionList)
#include "tst_connectionlist.moc"
