// The test server panel's modes through the real MainWindow: manual answers from the composer and kick with a
// chosen code, reject with the form's status, headers and body, and an auto-reply rule added in the table.
#include "serverpanelfixture.h"

using namespace wsi;

class TestServerPanelModes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void manualModeAnswersFromTheComposerAndKickClosesWithTheChosenCode();
    void rejectModeSendsTheFormsStatusHeadersAndBody();
    void autoReplyRuleAddedInTheTableAnswers();
};

void TestServerPanelModes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_serverpanel_modes"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestServerPanelModes::init()
{
    QSettings().clear();
}

void TestServerPanelModes::cleanup()
{
    ServerPanel::setBroadcastPrompt(nullptr);
}

void TestServerPanelModes::manualModeAnswersFromTheComposerAndKickClosesWithTheChosenCode()
{
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    chooseMode(panel, ServerMode::Manual);
    QCOMPARE(panel->form()->mode(), ServerMode::Manual);

    Connection *outgoing = nullptr;
    Connection *incoming = nullptr;
    startAndConnectToIt(&window, &outgoing, &incoming);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Open, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(incoming->state(), Connection::State::Open, 10000);

    // The client asks; in manual mode nothing answers by itself.
    clickRow(&window, outgoing);
    sendFromComposer(&window, QStringLiteral("question?"));
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*incoming, EventType::Message, Direction::Incoming).size(), 1, 10000);
    QTest::qWait(200);
    QCOMPARE(eventsOf(*outgoing, EventType::Message, Direction::Incoming).size(), 0);

    // The user selects the client and answers it from the same composer.
    clickRow(&window, incoming);
    QCOMPARE(window.currentConnection(), incoming);
    sendFromComposer(&window, QStringLiteral("answer from the server"));
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*outgoing, EventType::Message, Direction::Incoming).size(), 1, 10000);
    const qsizetype answer = eventsOf(*outgoing, EventType::Message, Direction::Incoming).first();
    QCOMPARE(outgoing->events().payloadText(answer), QStringLiteral("answer from the server"));
    // What the server sent is an unmasked server frame on the client's wire, as the server's log shows it (the
    // server thread's batch with it arrives within 16 ms of the write).
    QTRY_VERIFY(!eventsOf(*incoming, EventType::Frame, Direction::Outgoing).isEmpty());
    const QList<qsizetype> serverFrames = eventsOf(*incoming, EventType::Frame, Direction::Outgoing);
    QVERIFY(!incoming->events().at(serverFrames.last()).hasFlag(FlagMasked));

    // Kick from the panel with a code and reason the client then sees.
    auto *kick = panel->findChild<QPushButton *>(QStringLiteral("serverKickButton"));
    QTRY_VERIFY(kick->isEnabled());
    bool dialogSeen = false;
    QTimer::singleShot(0, &window, [&dialogSeen] {
        auto *dialog = qobject_cast<CloseDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialogSeen = true;
        QCOMPARE(dialog->code(), 1008); // the suggested code for a kick
        dialog->setCode(4003);
        dialog->setReason(QStringLiteral("kicked in a test"));
        dialog->accept();
    });
    QTest::mouseClick(kick, Qt::LeftButton);
    QVERIFY(dialogSeen);
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Closed, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(incoming->state(), Connection::State::Closed, 10000);
    const QList<qsizetype> closes = eventsOf(*outgoing, EventType::Close, Direction::Incoming);
    QCOMPARE(closes.size(), 1);
    QCOMPARE(outgoing->events().at(closes.first()).value, quint64(4003));
    QCOMPARE(outgoing->events().payloadText(closes.first()), QStringLiteral("kicked in a test"));
    QVERIFY(!kick->isEnabled());
}

void TestServerPanelModes::rejectModeSendsTheFormsStatusHeadersAndBody()
{
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    chooseMode(panel, ServerMode::Reject);
    auto *status = panel->findChild<QSpinBox *>(QStringLiteral("serverRejectStatusSpin"));
    auto *headers = panel->findChild<QPlainTextEdit *>(QStringLiteral("serverRejectHeadersEdit"));
    auto *body = panel->findChild<QPlainTextEdit *>(QStringLiteral("serverRejectBodyEdit"));
    QVERIFY(status && headers && body);
    QVERIFY(status->isVisible() && headers->isVisible() && body->isVisible());

    // A malformed header line is named and nothing starts.
    headers->setPlainText(QStringLiteral("no colon here"));
    panel->start();
    QVERIFY(!panel->server()->isRunning());
    QVERIFY2(panel->errorText().contains(QLatin1String("line 1")), qPrintable(panel->errorText()));

    status->setValue(429);
    headers->setPlainText(QStringLiteral("Retry-After: 30\nX-Test: one\nX-Test: two"));
    body->setPlainText(QStringLiteral("slow down"));
    Connection *outgoing = nullptr;
    Connection *incoming = nullptr;
    startAndConnectToIt(&window, &outgoing, &incoming);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(panel->errorText().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Failed, 10000);
    // The client's side shows the refusal exactly as sent, repeated header and body included.
    QCOMPARE(outgoing->handshake().response.status, 429);
    QCOMPARE(outgoing->handshake().response.value("Retry-After"), QByteArray("30"));
    QCOMPARE(outgoing->handshake().response.values("X-Test"), (QList<QByteArray> { "one", "two" }));
    QCOMPARE(outgoing->handshake().responseBody, QByteArray("slow down"));
    QCOMPARE(incoming->handshake().response.raw, outgoing->handshake().response.raw);
    clickRow(&window, outgoing);
    QTRY_VERIFY(window.handshakeView()->responseStatusLine().contains(QLatin1String("429")));
}

void TestServerPanelModes::autoReplyRuleAddedInTheTableAnswers()
{
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    chooseMode(panel, ServerMode::Manual);
    auto *rules = panel->findChild<QTableWidget *>(QStringLiteral("serverAutoReplyTable"));
    auto *addRule = panel->findChild<QPushButton *>(QStringLiteral("serverAddRuleButton"));
    QVERIFY(rules && addRule);
    QTest::mouseClick(addRule, Qt::LeftButton);
    QCOMPARE(rules->rowCount(), 1);
    // Add Rule opens the pattern cell for typing, as a user would fill it in.
    QTRY_VERIFY(rules->viewport()->findChild<QLineEdit *>());
    auto *editor = rules->viewport()->findChild<QLineEdit *>();
    QTest::keyClicks(editor, QStringLiteral("^hi (\\w+)$"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(rules->item(0, 0)->text(), QStringLiteral("^hi (\\w+)$")); // the delegate commits queued
    rules->item(0, 1)->setCheckState(Qt::Checked);
    rules->item(0, 2)->setText(QStringLiteral("reply {{counter}}"));
    QCOMPARE(panel->form()->autoReplies().size(), 1);
    QVERIFY(panel->form()->autoReplies().first().isRegex);

    Connection *outgoing = nullptr;
    Connection *incoming = nullptr;
    startAndConnectToIt(&window, &outgoing, &incoming);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Open, 10000);
    clickRow(&window, outgoing);
    sendFromComposer(&window, QStringLiteral("hi there"));
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*outgoing, EventType::Message, Direction::Incoming).size(), 1, 10000);
    QCOMPARE(outgoing->events().payloadText(eventsOf(*outgoing, EventType::Message, Direction::Incoming).first()),
        QStringLiteral("reply 1"));
    // A message the rule does not match is left to the user (manual mode).
    sendFromComposer(&window, QStringLiteral("hi there, friend"));
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*incoming, EventType::Message, Direction::Incoming).size(), 2, 10000);
    QTest::qWait(200);
    QCOMPARE(eventsOf(*outgoing, EventType::Message, Direction::Incoming).size(), 1);

    // Edited while running into a pattern that cannot work: named at once, and the old rule keeps answering.
    rules->item(0, 0)->setText(QStringLiteral("^hi (unclosed"));
    QVERIFY2(
        panel->errorText().contains(QLatin1String("not a valid regular expression")), qPrintable(panel->errorText()));
    QVERIFY(panel->errorText().contains(QLatin1String("keeps answering")));
    sendFromComposer(&window, QStringLiteral("hi again"));
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*outgoing, EventType::Message, Direction::Incoming).size(), 2, 10000);
    QCOMPARE(outgoing->events().payloadText(eventsOf(*outgoing, EventType::Message, Direction::Incoming).last()),
        QStringLiteral("reply 2"));
    // Fixed: the error goes away.
    rules->item(0, 0)->setText(QStringLiteral("^hi (\\w+)$"));
    QVERIFY(panel->errorText().isEmpty());
}

QTEST_MAIN(TestServerPanelModes)
#include "tst_serverpanel_modes.moc"
