// The filter bar above the event log, driven through the real MainWindow with events appended to a connection.

#include "compose/composer.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "detail/eventdetailview.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "log/logfilterbar.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace wsi;

class TestLogFilterBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void typingFiltersRowsAndCountsThem();
    void invalidRegexIsNamedInline();
    void escapeClearsTheFilter();
    void typeTogglesHideTheirGroups();
    void directionShowsOneSide();
    void findNextAndPreviousSelectAndHighlight();
    void jumpToNewestShowsUnreadCountAndResumes();
    void filtersAMillionRows();

private:
    Connection *addConnection();
    static void appendMessage(Connection *c, Direction dir, const QByteArray &text);
    static void appendEvent(Connection *c, EventType type, Direction dir, const QByteArray &payload);
    void flush();

    std::unique_ptr<MainWindow> m_window;
    EventLogView *m_log = nullptr;
    LogFilterBar *m_bar = nullptr;
    LogFilterModel *m_filter = nullptr;
};

void TestLogFilterBar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_logfilterbar"));
}

void TestLogFilterBar::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_log = m_window->eventLogView();
    m_bar = m_log->filterBar();
    m_filter = m_log->filterModel();
}

void TestLogFilterBar::cleanup()
{
    m_window.reset();
}

Connection *TestLogFilterBar::addConnection()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/filter"));
    auto *c = new Connection(options);
    m_window->workspace()->addConnection(c);
    m_window->selectConnection(c);
    return c;
}

void TestLogFilterBar::appendEvent(Connection *c, EventType type, Direction dir, const QByteArray &payload)
{
    EventRecord r;
    r.timeUs = 1'700'000'000'000'000 + c->events().size();
    r.type = type;
    r.dir = dir;
    r.value = quint64(payload.size());
    if (type == EventType::Error)
        r.sub = quint8(ErrorLayer::Tcp);
    if (type == EventType::Close)
        r.value = 1000;
    c->appendEvent(r, payload);
}

void TestLogFilterBar::appendMessage(Connection *c, Direction dir, const QByteArray &text)
{
    EventRecord r;
    r.timeUs = 1'700'000'000'000'000 + c->events().size();
    r.type = EventType::Message;
    r.dir = dir;
    r.flags = FlagText;
    r.sub = 1;
    r.value = quint64(text.size());
    c->appendEvent(r, text);
}

void TestLogFilterBar::flush()
{
    m_log->model()->flush();
}

void TestLogFilterBar::typingFiltersRowsAndCountsThem()
{
    Connection *c = addConnection();
    for (int i = 0; i < 100; ++i)
        appendMessage(c, Direction::Incoming, (i % 2 ? "alpha " : "beta ") + QByteArray::number(i));
    flush();
    QCOMPARE(m_log->tableView()->model()->rowCount(), 100);
    QCOMPARE(m_bar->countLabel()->text(), QStringLiteral("100 events"));

    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(m_bar->filterEdit()->hasFocus());
    QTest::keyClicks(m_bar->filterEdit(), QStringLiteral("BETA 4"));
    QTRY_COMPARE(m_filter->rowCount(), 6); // beta 4, 40, 42, 44, 46, 48
    QCOMPARE(m_bar->countLabel()->text(), QStringLiteral("6 of 100"));
    const QModelIndex first = m_log->tableView()->model()->index(0, EventLogModel::PreviewColumn);
    QVERIFY2(first.data().toString().contains(QLatin1String("beta 4")), qPrintable(first.data().toString()));

    // New rows are filtered as they arrive.
    appendMessage(c, Direction::Incoming, "beta 400");
    appendMessage(c, Direction::Incoming, "alpha 401");
    flush();
    QCOMPARE(m_filter->rowCount(), 7);
    QCOMPARE(m_bar->countLabel()->text(), QStringLiteral("7 of 102"));
}

void TestLogFilterBar::invalidRegexIsNamedInline()
{
    Connection *c = addConnection();
    appendMessage(c, Direction::Incoming, "abc");
    flush();
    QVERIFY(!m_bar->errorLabel()->isVisible());
    QTest::mouseClick(m_bar->regexButton(), Qt::LeftButton);
    QVERIFY(m_bar->regexButton()->isChecked());
    QTest::keyClicks(m_bar->filterEdit(), QStringLiteral("(ab"));
    QTRY_VERIFY(m_bar->errorLabel()->isVisible());
    QVERIFY2(m_bar->errorLabel()->text().contains(QLatin1String("missing closing parenthesis")),
        qPrintable(m_bar->errorLabel()->text()));
    QVERIFY(m_bar->errorLabel()->text().contains(QLatin1String("(ab")));
    QCOMPARE(m_filter->rowCount(), 0);

    QTest::keyClicks(m_bar->filterEdit(), QStringLiteral(")c$"));
    QTRY_VERIFY(!m_bar->errorLabel()->isVisible());
    QCOMPARE(m_filter->rowCount(), 1);
}

void TestLogFilterBar::escapeClearsTheFilter()
{
    Connection *c = addConnection();
    appendMessage(c, Direction::Incoming, "one");
    appendMessage(c, Direction::Incoming, "two");
    flush();
    QTest::keyClicks(m_bar->filterEdit(), QStringLiteral("two"));
    QTRY_COMPARE(m_filter->rowCount(), 1);
    QTest::keyClick(m_bar->filterEdit(), Qt::Key_Escape);
    QVERIFY(m_bar->filterEdit()->text().isEmpty());
    QTRY_COMPARE(m_filter->rowCount(), 2);
}

void TestLogFilterBar::typeTogglesHideTheirGroups()
{
    Connection *c = addConnection();
    appendMessage(c, Direction::Outgoing, "hello");
    appendEvent(c, EventType::Ping, Direction::Outgoing, "p");
    appendEvent(c, EventType::Error, Direction::None, "Connection refused");
    appendEvent(c, EventType::Info, Direction::None, "note");
    flush();
    QCOMPARE(m_filter->rowCount(), 4);

    QTest::mouseClick(m_bar->typeButton(LogFilterModel::Messages), Qt::LeftButton);
    QCOMPARE(m_filter->rowCount(), 3);
    QTest::mouseClick(m_bar->typeButton(LogFilterModel::Control), Qt::LeftButton);
    QCOMPARE(m_filter->rowCount(), 2);
    QTest::mouseClick(m_bar->typeButton(LogFilterModel::Lifecycle), Qt::LeftButton);
    QCOMPARE(m_filter->rowCount(), 1);
    QCOMPARE(
        m_log->tableView()->model()->index(0, 0).data(EventLogModel::EventTypeRole).toInt(), int(EventType::Error));
    QTest::mouseClick(m_bar->typeButton(LogFilterModel::Errors), Qt::LeftButton);
    QCOMPARE(m_filter->rowCount(), 0);
    QCOMPARE(m_bar->countLabel()->text(), QStringLiteral("0 of 4"));
    QTest::mouseClick(m_bar->typeButton(LogFilterModel::Messages), Qt::LeftButton);
    QCOMPARE(m_filter->rowCount(), 1);
    QCOMPARE(
        m_log->tableView()->model()->index(0, 0).data(EventLogModel::EventTypeRole).toInt(), int(EventType::Message));
}

void TestLogFilterBar::directionShowsOneSide()
{
    Connection *c = addConnection();
    appendMessage(c, Direction::Outgoing, "sent");
    appendMessage(c, Direction::Incoming, "received 1");
    appendMessage(c, Direction::Incoming, "received 2");
    flush();
    QComboBox *combo = m_bar->directionCombo();
    combo->setCurrentIndex(combo->findData(int(LogFilterModel::DirectionFilter::Incoming)));
    QCOMPARE(m_filter->rowCount(), 2);
    combo->setCurrentIndex(combo->findData(int(LogFilterModel::DirectionFilter::Outgoing)));
    QCOMPARE(m_filter->rowCount(), 1);
    QCOMPARE(
        m_log->tableView()->model()->index(0, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("sent"));
}

void TestLogFilterBar::findNextAndPreviousSelectAndHighlight()
{
    Connection *c = addConnection();
    for (int i = 0; i < 20; ++i)
        appendMessage(c, Direction::Incoming, i == 5 || i == 12 ? "a needle in hay, NEEDLE again" : "hay only");
    flush();
    EventDetailView *detail = m_window->detailView();
    QTest::keyClicks(m_bar->findEdit(), QStringLiteral("needle"));
    QTest::keyClick(m_window.get(), Qt::Key_F3);
    EventLogTable *table = m_log->tableView();
    QCOMPARE(table->currentIndex().row(), 5);
    QCOMPARE(m_log->currentEventIndex(), 5);
    QCOMPARE(detail->eventIndex(), 5);
    // Both occurrences in the Text tab, case-insensitively.
    QCOMPARE(detail->highlightCount(), 2);
    QTest::keyClick(m_window.get(), Qt::Key_F3);
    QCOMPARE(table->currentIndex().row(), 12);
    QTest::keyClick(m_window.get(), Qt::Key_F3); // wraps around
    QCOMPARE(table->currentIndex().row(), 5);
    QTest::keyClick(m_window.get(), Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(table->currentIndex().row(), 12);
    QTest::mouseClick(m_bar->findChild<QToolButton *>(QStringLiteral("findPreviousButton")), Qt::LeftButton);
    QCOMPARE(table->currentIndex().row(), 5);

    // Selecting a row without a match shows no highlight; clearing the find text removes them.
    table->setCurrentIndex(table->model()->index(0, 0));
    QCOMPARE(detail->eventIndex(), 0);
    QCOMPARE(detail->text(), QStringLiteral("hay only"));
    QCOMPARE(detail->highlightCount(), 0);
    table->setCurrentIndex(table->model()->index(12, 0));
    QCOMPARE(detail->highlightCount(), 2);
    QTest::keyClick(m_bar->findEdit(), Qt::Key_Escape);
    QCOMPARE(detail->highlightCount(), 0);
    // Nothing to find: F3 leaves the selection alone.
    QTest::keyClick(m_window.get(), Qt::Key_F3);
    QCOMPARE(table->currentIndex().row(), 12);
}

void TestLogFilterBar::jumpToNewestShowsUnreadCountAndResumes()
{
    Connection *c = addConnection();
    for (int i = 0; i < 500; ++i)
        appendMessage(c, Direction::Incoming, "row " + QByteArray::number(i));
    flush();
    QScrollBar *sb = m_log->tableView()->verticalScrollBar();
    QVERIFY(sb->maximum() > 0);
    QCOMPARE(sb->value(), sb->maximum());
    QVERIFY(m_log->isFollowingNewest());
    QVERIFY(!m_log->jumpToNewestButton()->isVisible());

    sb->setValue(0); // the user scrolls up: autoscroll pauses
    QVERIFY(!m_log->isFollowingNewest());
    QVERIFY(m_log->jumpToNewestButton()->isVisible());
    for (int i = 0; i < 7; ++i)
        appendMessage(c, Direction::Incoming, "new " + QByteArray::number(i));
    flush();
    QCOMPARE(sb->value(), 0);
    QCOMPARE(m_log->unreadCount(), 7);
    QCOMPARE(m_log->jumpToNewestButton()->text(), QStringLiteral("Jump to newest (7 new)"));

    QTest::mouseClick(m_log->jumpToNewestButton(), Qt::LeftButton);
    QCOMPARE(sb->value(), sb->maximum());
    QVERIFY(m_log->isFollowingNewest());
    QVERIFY(!m_log->jumpToNewestButton()->isVisible());
    appendMessage(c, Direction::Incoming, "after");
    flush();
    QCOMPARE(sb->value(), sb->maximum());
    QCOMPARE(m_log->unreadCount(), 0);

    // End in the table resumes too.
    sb->setValue(10);
    appendMessage(c, Direction::Incoming, "unseen");
    flush();
    QCOMPARE(m_log->unreadCount(), 1);
    m_log->tableView()->setFocus();
    QTest::keyClick(m_log->tableView(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(sb->value(), sb->maximum());
    QVERIFY(m_log->isFollowingNewest());
    QVERIFY(!m_log->jumpToNewestButton()->isVisible());

    // A shorter log (the composer unfolds below it, a splitter is dragged) keeps following: the window used to open
    // with "Jump to newest" on a laptop screen, its log laid out shorter after the first rows had arrived.
    Composer *composer = m_window->composer();
    composer->setCollapsed(true);
    QTRY_COMPARE(sb->value(), sb->maximum());
    const int foldedMaximum = sb->maximum();
    composer->setCollapsed(false);
    QTRY_VERIFY(sb->maximum() > foldedMaximum);
    QCOMPARE(sb->value(), sb->maximum());
    QVERIFY(m_log->isFollowingNewest());
    appendMessage(c, Direction::Incoming, "after the resize");
    flush();
    QCOMPARE(sb->value(), sb->maximum());
    QCOMPARE(m_log->unreadCount(), 0);
    QVERIFY(!m_log->jumpToNewestButton()->isVisible());
}

void TestLogFilterBar::filtersAMillionRows()
{
    Connection *c = addConnection();
    constexpr int kRows = 1'000'000;
    for (int i = 0; i < kRows; ++i)
        appendMessage(c, i % 2 ? Direction::Incoming : Direction::Outgoing,
            i % 1000 == 7 ? QByteArray("rare marker ") + QByteArray::number(i) : QByteArray("{\"tick\":1}"));
    flush();
    QCOMPARE(m_filter->rowCount(), kRows);
    QTest::keyClicks(m_bar->filterEdit(), QStringLiteral("marker"));
    m_bar->applyNow();
    QCOMPARE(m_filter->rowCount(), kRows / 1000);
    QCOMPARE(m_bar->countLabel()->text(),
        QLocale().toString(kRows / 1000) + QStringLiteral(" of ") + QLocale().toString(kRows));
    QTest::keyClicks(m_bar->findEdit(), QStringLiteral("999007"));
    QTest::keyClick(m_window.get(), Qt::Key_F3);
    QCOMPARE(m_log->currentEventIndex(), 999007);
    QVERIFY(m_window->detailView()->text().contains(QLatin1String("rare marker 999007")));
    m_bar->clearFilter();
    QCOMPARE(m_filter->rowCount(), kRows);
}

QTEST_MAIN(TestLogFilterBar)
#include "tst_logfilterbar.moc"
