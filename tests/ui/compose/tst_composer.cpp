// Drives the composer inside the real MainWindow against a python3-websockets echo server on 127.0.0.1: what is
// typed (text, JSON, hex, base64) and sent, ping, repeat, fragmentation, raw frames, a 64 MiB file with progress.
// Saved messages, dropped files and the log's Resend are tst_composersources.

#include "common/filedialogs.h"
#include "compose/composer.h"
#include "compose/rawframepanel.h"
#include "composerfixture.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace wsi;

class TestComposer : public ComposerFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpWindow(QStringLiteral("wsinspector-tst_composer")); }
    void cleanupTestCase() { tearDownWindow(); }

    void jsonErrorBlocksSendAndFixedJsonIsEchoed();
    void hexSendsBinaryAndOddHexNamesThePosition();
    void pingRefusesPayloadOver125Bytes();
    void repeatSendsEachMessageAndHistoryRecallsIt();
    void frameSizeSplitsTextIntoContinuationFrames();
    void rawFramePresetIsInjected();
    void base64InvalidInputIsNamed();
    void repeatStopsWhenTheConnectionCloses(); // closes the shared connection: keep it after the tests that use it
    void largeFileSendShowsProgressAndKeepsTheUiResponsive(); // last: it opens its own connection
};

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
