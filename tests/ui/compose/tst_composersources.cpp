// Messages the composer gets from elsewhere than the keyboard, inside the real MainWindow against a
// python3-websockets echo server on 127.0.0.1: a saved message (still there after a restart), a file dropped on
// the editor, and a log row (the log's Resend and Copy to Composer); and a folded composer, which unfolds for them.

#include "compose/composer.h"
#include "compose/savedmessagespanel.h"
#include "composerfixture.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace wsi;

class TestComposerSources : public ComposerFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpWindow(QStringLiteral("wsinspector-tst_composersources")); }
    void cleanupTestCase() { tearDownWindow(); }

    void savedMessageSurvivesRestart();
    void droppedFileIsLoadedAndSent();
    void logContextMenuResendsAndCopiesToComposer();
    void aFoldedComposerUnfoldsForWhatComesInAndSendsNothingUnseen();

private:
    bool triggerLogMenuAction(int eventIndex, const char *objectName);
};

// Makes the event the log's current row, opens the log's context menu and triggers the named action in it.
bool TestComposerSources::triggerLogMenuAction(int eventIndex, const char *objectName)
{
    EventLogView *log = m_window->eventLogView();
    // The model appends rows in batches: wait for the event's row.
    if (!QTest::qWaitFor([&] { return log->model()->rowForEvent(eventIndex) >= 0; }, 5000))
        qWarning("waited 5 s for event %d to get a row", eventIndex);
    const int row = log->model()->rowForEvent(eventIndex);
    if (row < 0) {
        qWarning("event %d has no row in the log", eventIndex);
        return false;
    }
    EventLogTable *table = log->tableView();
    table->setCurrentIndex(table->model()->index(log->filterModel()->mapFromSource(row), 0));
    if (log->currentEventIndex() != eventIndex) {
        qWarning("row %d is event %d, not %d", row, log->currentEventIndex(), eventIndex);
        return false;
    }
    bool triggered = false;
    QElapsedTimer waited;
    waited.start();
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu) {
            if (waited.elapsed() > 5000)
                poll.stop();
            return;
        }
        poll.stop();
        auto *action = menu->findChild<QAction *>(QLatin1String(objectName));
        if (!action)
            qWarning("no %s in the menu", objectName);
        else if (!action->isEnabled())
            qWarning("%s is disabled", objectName);
        if (action && action->isEnabled()) {
            action->trigger();
            triggered = true;
        }
        menu->close();
    });
    poll.start();
    Q_EMIT table->customContextMenuRequested(
        table->visualRect(table->currentIndex()).center()); // returns when the menu closes
    poll.stop();
    return triggered;
}

void TestComposerSources::savedMessageSurvivesRestart()
{
    auto *edit = child<QPlainTextEdit>("composerEdit");
    setFormat(Composer::JsonFormat);
    edit->setPlainText(QStringLiteral("{\"op\": \"subscribe\"}"));
    QVERIFY(!m_composer->saveCurrent(QStringLiteral("subscribe"), true).isEmpty());
    QVERIFY(!m_composer->saveCurrent(QStringLiteral("hello everywhere"), false).isEmpty());

    SavedMessageStore reread(SavedMessagesPanel::defaultStorePath());
    QVERIFY(reread.load());
    QCOMPARE(reread.messages().size(), 2);

    // A new window (as after a restart) lists both for this endpoint, and only the global one elsewhere.
    MainWindow second;
    Composer *composer = second.composer();
    composer->savedMessagesPanel()->setEndpoint(QStringLiteral("ws://127.0.0.1:%1/composer").arg(m_peer.port()));
    QListWidget *list = second.findChild<QListWidget *>(QStringLiteral("savedMessagesList"));
    QCOMPARE(list->count(), 2);
    QVERIFY(list->item(0)->text().contains(QLatin1String("subscribe"))
        || list->item(1)->text().contains(QLatin1String("subscribe")));
    composer->savedMessagesPanel()->setEndpoint(QStringLiteral("ws://elsewhere.example/"));
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(QLatin1String("hello everywhere")));

    // Double-click loads it into the composer.
    list->setCurrentRow(0);
    Q_EMIT list->itemDoubleClicked(list->item(0));
    QCOMPARE(composer->editor()->toPlainText(), QStringLiteral("{\"op\": \"subscribe\"}"));
}

void TestComposerSources::droppedFileIsLoadedAndSent()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dropped.bin"));
    const QByteArray bytes = QByteArray::fromHex("00ff10fe2030");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), qint64(bytes.size()));
    }
    setFormat(Composer::TextFormat);
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    QWidget *target = m_composer->editor()->viewport();
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QVERIFY2(enter.isAccepted(), "the editor accepts a dragged file");
    QSignalSpy loaded(m_composer, &Composer::fileLoaded);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
    QVERIFY(loaded.at(0).at(0).toBool());
    QCOMPARE(m_composer->format(), Composer::FileFormat);
    QVERIFY2(child<QLabel>("composerFileLabel")->text().contains(QLatin1String("dropped.bin")),
        qPrintable(child<QLabel>("composerFileLabel")->text()));
    QVERIFY(child<QLabel>("composerSizeLabel")->text().contains(QLatin1String("BINARY")));
    QTRY_VERIFY(child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(m_composer->send());
    QTRY_VERIFY_WITH_TIMEOUT(findMessage(Direction::Incoming, bytes) >= 0, 10000);
    QVERIFY(findMessage(Direction::Outgoing, bytes) >= 0);
    setFormat(Composer::TextFormat);
}

void TestComposerSources::logContextMenuResendsAndCopiesToComposer()
{
    auto *edit = child<QPlainTextEdit>("composerEdit");
    setFormat(Composer::TextFormat);
    edit->setPlainText(QStringLiteral("from the log"));
    QTRY_VERIFY(child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(m_composer->send());
    QTRY_VERIFY_WITH_TIMEOUT(findMessage(Direction::Incoming, "from the log") >= 0, 10000);
    const int echoed = findMessage(Direction::Incoming, "from the log");

    // Resend: the same bytes go out again as a new outgoing message (and come back).
    const int outgoingBefore = count(EventType::Message, Direction::Outgoing);
    QVERIFY(triggerLogMenuAction(echoed, "resendAction"));
    QTRY_COMPARE_WITH_TIMEOUT(count(EventType::Message, Direction::Outgoing), outgoingBefore + 1, 5000);
    QVERIFY(findMessage(Direction::Outgoing, "from the log") > echoed);

    // Copy to Composer: the row's text lands in the editor as a Text message.
    edit->clear();
    setFormat(Composer::HexFormat);
    QVERIFY(triggerLogMenuAction(echoed, "copyToComposerAction"));
    QCOMPARE(edit->toPlainText(), QStringLiteral("from the log"));
    QCOMPARE(m_composer->format(), Composer::TextFormat);

    // A binary row comes back as hex.
    setFormat(Composer::HexFormat);
    edit->setPlainText(QStringLiteral("de ad be ef"));
    QTRY_VERIFY(child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(m_composer->send());
    QTRY_VERIFY_WITH_TIMEOUT(findMessage(Direction::Incoming, QByteArray::fromHex("deadbeef")) >= 0, 10000);
    edit->clear();
    setFormat(Composer::TextFormat);
    const int binary = findMessage(Direction::Incoming, QByteArray::fromHex("deadbeef"));
    QVERIFY(binary >= 0);
    QVERIFY(triggerLogMenuAction(binary, "copyToComposerAction"));
    QCOMPARE(m_composer->format(), Composer::HexFormat);
    QCOMPARE(edit->toPlainText(), QStringLiteral("de ad be ef"));
    edit->clear();
    setFormat(Composer::TextFormat);
}

// Folded (View > Composer, Ctrl+Shift+M), only the composer's title row shows. Send from the toolbar or Ctrl+Enter
// unfolds it and puts the focus in the editor instead of sending a message the user cannot see; a log row copied to
// the composer unfolds it too.
void TestComposerSources::aFoldedComposerUnfoldsForWhatComesInAndSendsNothingUnseen()
{
    auto *edit = child<QPlainTextEdit>("composerEdit");
    auto *showComposer = child<QAction>("showComposerAction");
    auto *tabs = child<QWidget>("composerTabs");
    QVERIFY(showComposer && tabs);
    setFormat(Composer::TextFormat);
    edit->setPlainText(QStringLiteral("not while folded"));
    QTRY_VERIFY(child<QPushButton>("sendButton")->isEnabled());
    const int outgoingBefore = count(EventType::Message, Direction::Outgoing);

    showComposer->trigger();
    QVERIFY(m_composer->isCollapsed());
    QVERIFY(!tabs->isVisible());
    QTRY_VERIFY(m_composer->height() <= child<QWidget>("composerFoldButton")->height() + 20);

    child<QAction>("sendAction")->trigger();
    QVERIFY(!m_composer->isCollapsed());
    QVERIFY(showComposer->isChecked());
    QVERIFY(tabs->isVisible());
    QTRY_VERIFY(edit->hasFocus());
    QCOMPARE(count(EventType::Message, Direction::Outgoing), outgoingBefore);
    QCOMPARE(findMessage(Direction::Outgoing, "not while folded"), -1);
    // Unfolded, the same action sends.
    child<QAction>("sendAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(findMessage(Direction::Incoming, "not while folded") >= 0, 10000);

    // The fold button in the title row folds it too, and a log row copied to the composer unfolds it.
    QTest::mouseClick(child<QWidget>("composerFoldButton"), Qt::LeftButton);
    QVERIFY(m_composer->isCollapsed());
    QVERIFY(!showComposer->isChecked());
    edit->clear();
    QVERIFY(triggerLogMenuAction(findMessage(Direction::Incoming, "not while folded"), "copyToComposerAction"));
    QVERIFY(!m_composer->isCollapsed());
    QCOMPARE(edit->toPlainText(), QStringLiteral("not while folded"));
    edit->clear();
}

QTEST_MAIN(TestComposerSources)
#include "tst_composersources.moc"
