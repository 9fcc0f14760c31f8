// Drives the composer inside the real MainWindow against a python3-websockets echo server on 127.0.0.1.

#include "common/filedialogs.h"
#include "compose/composer.h"
#include "compose/rawframepanel.h"
#include "compose/savedmessagespanel.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "peerprocess.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace wsi;

class TestComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void jsonErrorBlocksSendAndFixedJsonIsEchoed();
    void hexSendsBinaryAndOddHexNamesThePosition();
    void pingRefusesPayloadOver125Bytes();
    void repeatSendsEachMessageAndHistoryRecallsIt();
    void frameSizeSplitsTextIntoContinuationFrames();
    void rawFramePresetIsInjected();
    void savedMessageSurvivesRestart();
    void droppedFileIsLoadedAndSent();
    void base64InvalidInputIsNamed();
    void logContextMenuResendsAndCopiesToComposer();
    void repeatStopsWhenTheConnectionCloses(); // closes the shared connection: keep it after the tests that use it
    void largeFileSendShowsProgressAndKeepsTheUiResponsive(); // last: it opens its own connection

private:
    template <typename T> T *child(const char *name) const { return m_window->findChild<T *>(QLatin1String(name)); }
    int count(EventType type, Direction dir) const;
    int findMessage(Direction dir, const QByteArray &payload) const;
    void setFormat(Composer::Format format);
    bool triggerLogMenuAction(int eventIndex, const char *objectName);

    PeerProcess m_peer;
    std::unique_ptr<MainWindow> m_window;
    Composer *m_composer = nullptr;
    Connection *m_connection = nullptr;
};

void TestComposer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_composer"));
    QSettings().clear();
    QFile::remove(SavedMessagesPanel::defaultStorePath());

    QVERIFY(m_peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("echo_server.py")));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1300, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_composer = m_window->composer();
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled()); // no connection yet
    m_window->connectTo(m_peer.url(QStringLiteral("/composer")));
    QCOMPARE(m_window->workspace()->connections().size(), 1);
    m_connection = m_window->workspace()->connections().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), Connection::State::Open, 10000);
    QTRY_VERIFY(m_composer->canSend());
}

void TestComposer::cleanupTestCase()
{
    m_window.reset();
    m_peer.stop();
    QFile::remove(SavedMessagesPanel::defaultStorePath());
}

int TestComposer::count(EventType type, Direction dir) const
{
    int n = 0;
    const EventStore &events = m_connection->events();
    for (qsizetype row = 0; row < events.size(); ++row)
        n += events.at(row).type == type && events.at(row).dir == dir;
    return n;
}

int TestComposer::findMessage(Direction dir, const QByteArray &payload) const
{
    const EventStore &events = m_connection->events();
    for (qsizetype row = events.size() - 1; row >= 0; --row) {
        if (events.at(row).type == EventType::Message && events.at(row).dir == dir
            && events.payloadCopy(row) == payload)
            return int(row);
    }
    return -1;
}

void TestComposer::setFormat(Composer::Format format)
{
    auto *combo = child<QComboBox>("composerFormatCombo");
    combo->setCurrentIndex(combo->findData(format));
    QCOMPARE(m_composer->format(), format);
}

// Makes the event the log's current row, opens the log's context menu and triggers the named action in it.
bool TestComposer::triggerLogMenuAction(int eventIndex, const char *objectName)
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

void TestComposer::jsonErrorBlocksSendAndFixedJsonIsEchoed()
{
    auto *edit = child<QPlainTextEdit>("composerEdit");
    auto *send = child<QPushButton>("sendButton");
    auto *error = child<QLabel>("composerError");
    setFormat(Composer::JsonFormat);
    edit->setFocus();
    edit->setPlainText(QStringLiteral("{\"user\": \"ada\",\n  \"age\": }"));
    QTRY_VERIFY(!send->isEnabled()); // validated after the debounce
    QVERIFY2(error->isVisible(), "the JSON error is shown inline");
    // The error points at the missing value on line 2, not somewhere else.
    QTRY_VERIFY2(error->text().contains(QLatin1String("Line 2, column")), qPrintable(error->text()));
    QVERIFY(send->toolTip().contains(QLatin1String("column")));
    const int sentBefore = count(EventType::Message, Direction::Outgoing);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(count(EventType::Message, Direction::Outgoing), sentBefore); // nothing malformed is sent

    // Clicking the error puts the cursor on the line it names.
    QTest::mouseClick(error, Qt::LeftButton);
    QVERIFY(edit->hasFocus());

    edit->setPlainText(QStringLiteral("{\"user\": \"ada\", \"age\": 36}"));
    QTRY_VERIFY(send->isEnabled());
    QVERIFY(!error->isVisible());
    QVERIFY(child<QLabel>("composerSizeLabel")->text().contains(QLatin1String("TEXT")));
    QTest::mouseClick(child<QPushButton>("prettifyButton"), Qt::LeftButton);
    const QString pretty = edit->toPlainText();
    QVERIFY2(pretty.contains(QLatin1Char('\n')), qPrintable(pretty));

    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(findMessage(Direction::Incoming, pretty.toUtf8()) >= 0, 10000);
    QVERIFY(findMessage(Direction::Outgoing, pretty.toUtf8()) >= 0);
    QVERIFY(m_connection->events().at(findMessage(Direction::Incoming, pretty.toUtf8())).hasFlag(FlagText));
}

void TestComposer::hexSendsBinaryAndOddHexNamesThePosition()
{
    auto *edit = child<QPlainTextEdit>("composerEdit");
    auto *send = child<QPushButton>("sendButton");
    setFormat(Composer::HexFormat);
    edit->setPlainText(QStringLiteral("de ad be ef"));
    QTRY_VERIFY(send->isEnabled());
    QVERIFY(child<QLabel>("composerSizeLabel")->text().contains(QLatin1String("BINARY")));
    QVERIFY(child<QLabel>("composerSizeLabel")->text().contains(QLatin1String("4 bytes")));
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    const QByteArray bytes = QByteArray::fromHex("deadbeef");
    QTRY_VERIFY_WITH_TIMEOUT(findMessage(Direction::Incoming, bytes) >= 0, 10000);
    QVERIFY(!m_connection->events().at(findMessage(Direction::Incoming, bytes)).hasFlag(FlagText));

    edit->setPlainText(QStringLiteral("de ad b"));
    QTRY_VERIFY(!send->isEnabled());
    const QString error = m_composer->errorText();
    QVERIFY2(error.contains(QLatin1String("odd"), Qt::CaseInsensitive), qPrintable(error));
    QVERIFY(!m_composer->send());
}

void TestComposer::pingRefusesPayloadOver125Bytes()
{
    const int pingsBefore = count(EventType::Ping, Direction::Outgoing);
    child<QLineEdit>("pingPayloadEdit")->setText(QString(126, QLatin1Char('p')));
    QTest::mouseClick(child<QPushButton>("pingButton"), Qt::LeftButton);
    QVERIFY2(m_composer->errorText().contains(QLatin1String("125")), qPrintable(m_composer->errorText()));
    QTest::qWait(100);
    QCOMPARE(count(EventType::Ping, Direction::Outgoing), pingsBefore);

    child<QLineEdit>("pingPayloadEdit")->setText(QStringLiteral("hi"));
    QVERIFY(m_composer->ping());
    QTRY_COMPARE_WITH_TIMEOUT(count(EventType::Ping, Direction::Outgoing), pingsBefore + 1, 5000);
}

void TestComposer::repeatSendsEachMessageAndHistoryRecallsIt()
{
    auto *edit = child<QPlainTextEdit>("composerEdit");
    setFormat(Composer::TextFormat);
    edit->setPlainText(QStringLiteral("tick {{counter}}"));
    QTRY_VERIFY(child<QPushButton>("repeatButton")->isEnabled());
    QTRY_VERIFY(child<QLabel>("composerPreview")->text().contains(QLatin1String("tick 1")));
    const int sentBefore = count(EventType::Message, Direction::Outgoing);
    child<QSpinBox>("repeatCountSpin")->setValue(5);
    child<QSpinBox>("repeatIntervalSpin")->setValue(10);
    QSignalSpy finished(m_composer, &Composer::repeatFinished);
    QTest::mouseClick(child<QPushButton>("repeatButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(m_composer->repeatsSent(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(count(EventType::Message, Direction::Outgoing), sentBefore + 5, 5000);
    QVERIFY(findMessage(Direction::Outgoing, "tick 5") >= 0); // variables resolved per send

    // Alt+Up recalls the last message sent with Send.
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    edit->clear();
    setFormat(Composer::JsonFormat);
    QTest::keyClick(edit, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(edit->toPlainText(), QStringLiteral("tick {{counter}}"));
    QCOMPARE(m_composer->format(), Composer::TextFormat);
}

void TestComposer::frameSizeSplitsTextIntoContinuationFrames()
{
    auto *edit = child<QPlainTextEdit>("composerEdit");
    setFormat(Composer::TextFormat);
    edit->setPlainText(QStringLiteral("0123456789"));
    child<QSpinBox>("frameSizeSpin")->setValue(4);
    QTRY_VERIFY(child<QLabel>("composerSizeLabel")->text().contains(QLatin1String("3 frames")));
    const int framesBefore = count(EventType::Frame, Direction::Outgoing);
    QVERIFY(m_composer->send());
    QTRY_COMPARE_WITH_TIMEOUT(count(EventType::Frame, Direction::Outgoing), framesBefore + 3, 5000);
    // The server reassembled the three frames into one message and echoed it.
    QTRY_VERIFY_WITH_TIMEOUT(findMessage(Direction::Incoming, "0123456789") >= 0, 10000);
    child<QSpinBox>("frameSizeSpin")->setValue(0);
}

void TestComposer::rawFramePresetIsInjected()
{
    auto *tabs = child<QTabWidget>("composerTabs");
    tabs->setCurrentIndex(Composer::RawFrameTab);
    auto *preset = m_window->findChild<QAction *>(QStringLiteral("rawPreset_unsolicited-pong"));
    QVERIFY(preset);
    preset->trigger();
    QCOMPARE(child<QComboBox>("rawOpcodeCombo")->currentData().toInt(), 0xA);
    const int infosBefore = count(EventType::Info, Direction::None) + count(EventType::Error, Direction::None);
    QTest::mouseClick(child<QPushButton>("rawSendButton"), Qt::LeftButton);
    QVERIFY2(m_composer->rawFramePanel()->errorText().isEmpty(), qPrintable(m_composer->rawFramePanel()->errorText()));
    QTRY_VERIFY(count(EventType::Info, Direction::None) + count(EventType::Error, Direction::None) > infosBefore);
    QTRY_VERIFY_WITH_TIMEOUT(count(EventType::Pong, Direction::Outgoing) >= 1, 5000);

    // A bad mask key is refused with a message, not sent.
    child<QLineEdit>("rawMaskKeyEdit")->setText(QStringLiteral("xyz"));
    QVERIFY(!m_composer->rawFramePanel()->send());
    QVERIFY(m_composer->rawFramePanel()->errorText().contains(QLatin1String("8 hex digits")));
    tabs->setCurrentIndex(Composer::MessageTab);
}

void TestComposer::savedMessageSurvivesRestart()
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

void TestComposer::droppedFileIsLoadedAndSent()
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

void TestComposer::base64InvalidInputIsNamed()
{
    auto *edit = child<QPlainTextEdit>("composerEdit");
    auto *send = child<QPushButton>("sendButton");
    setFormat(Composer::Base64Format);
    edit->setPlainText(QStringLiteral("aGVsbG8="));
    QTRY_VERIFY(send->isEnabled());
    QVERIFY(child<QLabel>("composerSizeLabel")->text().contains(QLatin1String("5 bytes")));

    edit->setPlainText(QStringLiteral("aGVs*bG8="));
    QTRY_VERIFY(!send->isEnabled());
    auto *error = child<QLabel>("composerError");
    QVERIFY(error->isVisible());
    const QString text = m_composer->errorText();
    QVERIFY2(text.contains(QLatin1String("base64"), Qt::CaseInsensitive), qPrintable(text));
    const int sentBefore = count(EventType::Message, Direction::Outgoing);
    QVERIFY(!m_composer->send());
    QTest::qWait(100);
    QCOMPARE(count(EventType::Message, Direction::Outgoing), sentBefore); // nothing malformed is sent
    edit->clear();
    setFormat(Composer::TextFormat);
}

void TestComposer::logContextMenuResendsAndCopiesToComposer()
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

void TestComposer::repeatStopsWhenTheConnectionCloses()
{
    auto *edit = child<QPlainTextEdit>("composerEdit");
    setFormat(Composer::TextFormat);
    edit->setPlainText(QStringLiteral("long repeat {{counter}}"));
    QTRY_VERIFY(child<QPushButton>("repeatButton")->isEnabled());
    QSignalSpy finished(m_composer, &Composer::repeatFinished);
    m_composer->startRepeat(1000, 100); // would take 100 s
    QVERIFY(m_composer->isRepeating());
    QVERIFY(child<QPushButton>("stopRepeatButton")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(m_composer->repeatsSent() >= 2, 5000);

    m_connection->close(1000, QStringLiteral("done"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(!m_composer->isRepeating());
    QVERIFY(m_composer->repeatsSent() < 1000);
    const QString text = m_composer->errorText();
    QVERIFY2(text.contains(QLatin1String("Repeat stopped")) && text.contains(QLatin1String("no longer open")),
        qPrintable(text));
    QVERIFY(!child<QPushButton>("stopRepeatButton")->isEnabled());
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    const int sent = m_composer->repeatsSent();
    QTest::qWait(300);
    QCOMPARE(m_composer->repeatsSent(), sent);
    edit->clear();
}

// echo_server.py keeps python3-websockets' 1 MiB max_size (it closes with 1009 on bigger messages), so the
// 64 MiB test runs against the same echo server logic with max_size=None.
static const char kBigEchoServer[] = R"(
import asyncio, sys, websockets
async def echo(ws, path=None):
    try:
        async for m in ws:
            await ws.send(m)
    except websockets.ConnectionClosed:
        pass
async def main():
    async with websockets.serve(echo, "127.0.0.1", 0, max_size=None, compression=None) as s:
        print("PORT %d" % s.sockets[0].getsockname()[1], flush=True)
        loop = asyncio.get_running_loop()
        await asyncio.wait_for(loop.run_in_executor(None, sys.stdin.read), 180)
asyncio.run(main())
)";

void TestComposer::largeFileSendShowsProgressAndKeepsTheUiResponsive()
{
    constexpr qint64 size = 64 * 1024 * 1024;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.bin"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray chunk(1024 * 1024, '\0');
        for (int i = 0; i < chunk.size(); ++i)
            chunk[i] = char(0x80 | (i * 7 & 0x7f)); // not valid UTF-8: binary
        for (int i = 0; i < size / chunk.size(); ++i)
            QCOMPARE(file.write(chunk), qint64(chunk.size()));
    }

    QProcess server;
    server.start(QStringLiteral(WSI_SYSTEM_PYTHON), { QStringLiteral("-c"), QString::fromLatin1(kBigEchoServer) });
    QVERIFY(server.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 15000);
    const QByteArray portLine = server.readLine().trimmed();
    QVERIFY2(portLine.startsWith("PORT "), portLine.constData());
    m_window->connectTo(QStringLiteral("ws://127.0.0.1:%1/big").arg(QString::fromLatin1(portLine.mid(5))));
    Connection *big = m_window->workspace()->connections().constLast();
    QTRY_COMPARE_WITH_TIMEOUT(big->state(), Connection::State::Open, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_composer->connection(), big, 5000);
    QTRY_VERIFY(m_composer->canSend());

    // Load through the Choose File button, with the file dialog seam answering.
    setFormat(Composer::FileFormat);
    FileDialogs::setHandler([path](FileDialogs::Mode, const QString &, const QString &) { return path; });
    QSignalSpy loaded(m_composer, &Composer::fileLoaded);
    QTest::mouseClick(child<QPushButton>("chooseFileButton"), Qt::LeftButton);
    FileDialogs::setHandler(nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 30000);
    QVERIFY(loaded.at(0).at(0).toBool());
    QTRY_VERIFY(child<QPushButton>("sendButton")->isEnabled());

    auto *progress = child<QProgressBar>("sendProgress");
    QVERIFY(progress);
    int maxValue = 0;
    int valueChanges = 0;
    connect(progress, &QProgressBar::valueChanged, this, [&](int v) {
        maxValue = qMax(maxValue, v);
        ++valueChanges;
    });
    QElapsedTimer sinceTick;
    qint64 maxGap = 0;
    QTimer ticker;
    ticker.setInterval(50);
    connect(&ticker, &QTimer::timeout, this, [&] { maxGap = qMax(maxGap, sinceTick.restart()); });
    sinceTick.start();
    ticker.start();

    QElapsedTimer sendTime;
    sendTime.start();
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    QVERIFY(m_composer->isSending());
    QVERIFY(progress->isVisible());
    QCOMPARE(progress->minimum(), 0);
    // Determinate: the whole frame, payload plus a header per frame, not the busy state.
    QVERIFY2(progress->maximum() >= size && progress->maximum() < size + size / 1000,
        qPrintable(QString::number(progress->maximum())));
    QTRY_VERIFY_WITH_TIMEOUT(!m_composer->isSending(), 60000);
    const qint64 sendMs = sendTime.elapsed();
    QCOMPARE(maxValue, progress->maximum());
    QVERIFY2(valueChanges > 2, "progress moved with the bytes written");

    int outgoing = -1;
    const EventStore &events = big->events();
    for (qsizetype row = 0; row < events.size(); ++row) {
        if (events.at(row).type == EventType::Message && events.at(row).dir == Direction::Outgoing
            && qint64(events.at(row).value) == size)
            outgoing = int(row);
    }
    QVERIFY2(outgoing >= 0, "the outgoing 64 MiB MESSAGE is in the log");

    auto echoed = [&] {
        for (qsizetype row = 0; row < events.size(); ++row) {
            if (events.at(row).type == EventType::Message && events.at(row).dir == Direction::Incoming
                && qint64(events.at(row).value) == size)
                return true;
        }
        return false;
    };
    QElapsedTimer echoTime;
    echoTime.start();
    QTRY_VERIFY_WITH_TIMEOUT(echoed() || echoTime.elapsed() > 30000, 35000);
    ticker.stop();
    qInfo("64 MiB: sent in %lld ms, echo %s after %lld ms more, max event-loop gap %lld ms", sendMs,
        echoed() ? "received" : "not received", echoTime.elapsed(), maxGap);
    // No timed assertion here (the machine is shared; bench/large_send.sh measures the gap against a bare
    // QWebSocket): what keeps the UI free is that the message went out frame by frame over many turns.
    const qint64 frameSize = qint64(big->socket()->outgoingFrameSize());
    QCOMPARE(qint64(events.at(outgoing).sub), qMin<qint64>(255, (size + frameSize - 1) / frameSize));
    QVERIFY(!progress->isVisible());

    server.closeWriteChannel();
    if (!server.waitForFinished(5000))
        server.kill();
    server.waitForFinished(2000);
}

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
