// Drives the real MainWindow's "Test server" panel: start on a free port, Connect to it, both sides in the
// connections list, the client's request headers, the echo, broadcast, Stop, and the exposure warning.

#include "compose/closedialog.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "eventquery.h"
#include "handshake/handshakeview.h"
#include "handshake/headertablemodel.h"
#include "log/eventlogview.h"
#include "models/connectionlistmodel.h"
#include "models/eventlogmodel.h"
#include "server/localserver.h"
#include "server/serveroptionsform.h"
#include "server/serverpanel.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

using namespace wsi;

namespace {

// The dock starts hidden on a first run; open it the way a user would, from its toggle action.
void showServerDock(QWidget *window)
{
    auto *action = window->findChild<QAction *>(QStringLiteral("serverDockAction"));
    if (action && !action->isChecked())
        action->trigger();
}

// The window shown with its test server dock open; false if it never got exposed.
bool showWithServerDock(MainWindow *window)
{
    window->show();
    showServerDock(window);
    return QTest::qWaitForWindowExposed(window);
}

void chooseMode(ServerPanel *panel, ServerMode mode)
{
    auto *combo = panel->findChild<QComboBox *>(QStringLiteral("serverModeCombo"));
    combo->setCurrentIndex(combo->findData(int(mode)));
}

} // namespace

class TestServerPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void connectToItShowsBothSidesAndTheEcho();
    void wssWithTheGeneratedCertificateConnects();
    void nonLoopbackAddressShowsAWarning_data();
    void nonLoopbackAddressShowsAWarning();
    void settingsAreRemembered();
    void manualModeAnswersFromTheComposerAndKickClosesWithTheChosenCode();
    void rejectModeSendsTheFormsStatusHeadersAndBody();
    void autoReplyRuleAddedInTheTableAnswers();
    void keyboardStartsConnectsAndStops();

private:
    static void startAndConnectToIt(MainWindow *window, Connection **outgoing, Connection **incoming);
    static void sendFromComposer(MainWindow *window, const QString &text);
    static void clickRow(MainWindow *window, Connection *connection);
    static bool hasHeader(const QAbstractItemModel *model, const QString &name);
    static bool hasMessage(const QAbstractItemModel *model, Direction direction, const QString &text);
    static Connection *findKind(MainWindow *window, Connection::Kind kind);
};

void TestServerPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_serverpanel"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestServerPanel::init()
{
    QSettings().clear();
}

void TestServerPanel::cleanup()
{
    ServerPanel::setBroadcastPrompt(nullptr);
}

void TestServerPanel::clickRow(MainWindow *window, Connection *connection)
{
    QListView *list = window->connectionList();
    auto *model = static_cast<ConnectionListModel *>(list->model());
    const QModelIndex index = model->index(model->rowOf(connection), 0);
    list->scrollTo(index);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
}

bool TestServerPanel::hasHeader(const QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, HeaderTableModel::NameColumn).data().toString().compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool TestServerPanel::hasMessage(const QAbstractItemModel *model, Direction direction, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, EventLogModel::PreviewColumn);
        if (index.data(EventLogModel::EventTypeRole).toInt() == int(EventType::Message)
            && index.data(EventLogModel::DirectionRole).toInt() == int(direction) && index.data().toString() == text)
            return true;
    }
    return false;
}

Connection *TestServerPanel::findKind(MainWindow *window, Connection::Kind kind)
{
    for (Connection *c : window->workspace()->connections()) {
        if (c->kind() == kind)
            return c;
    }
    return nullptr;
}

void TestServerPanel::connectToItShowsBothSidesAndTheEcho()
{
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    QVERIFY(panel && panel->isVisible());
    QVERIFY(!panel->isExposureWarningVisible());

    auto *startStop = panel->findChild<QPushButton *>(QStringLiteral("serverStartStopButton"));
    auto *connectToIt = panel->findChild<QPushButton *>(QStringLiteral("serverConnectToItButton"));
    QVERIFY(startStop && connectToIt);
    QVERIFY(!connectToIt->isEnabled());
    QTest::mouseClick(startStop, Qt::LeftButton);
    QVERIFY2(panel->server()->isRunning(), qPrintable(panel->errorText()));
    QVERIFY(panel->server()->port() != 0);
    QCOMPARE(panel->urlText(), QStringLiteral("ws://127.0.0.1:%1/").arg(panel->server()->port()));
    QCOMPARE(startStop->text(), QStringLiteral("Stop"));

    QTRY_VERIFY(connectToIt->isEnabled());
    QTest::mouseClick(connectToIt, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 2, 10000);
    QCOMPARE(window.connectionList()->model()->rowCount(), 2);
    Connection *outgoing = findKind(&window, Connection::Kind::Outgoing);
    Connection *incoming = findKind(&window, Connection::Kind::Incoming);
    QVERIFY(outgoing && incoming);
    QCOMPARE(outgoing->url().port(), int(panel->server()->port()));
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Open, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(incoming->state(), Connection::State::Open, 10000);
    QVERIFY(incoming->title().startsWith(QLatin1String("client 127.0.0.1:")));
    QTRY_VERIFY_WITH_TIMEOUT(panel->statsText().startsWith(QStringLiteral("1 client \u00b7")), 5000);
    // The connection the user opened stays selected: the client arriving at the server is only listed.
    QCOMPARE(window.currentConnection(), outgoing);

    // The incoming client: its upgrade request as the server received it.
    clickRow(&window, incoming);
    QCOMPARE(window.currentConnection(), incoming);
    const QAbstractItemModel *request = window.handshakeView()->requestHeadersModel();
    QTRY_VERIFY(hasHeader(request, QStringLiteral("Sec-WebSocket-Key")));
    QVERIFY(hasHeader(request, QStringLiteral("Host")));
    QVERIFY(window.handshakeView()->responseStatusLine().contains(QLatin1String("101")));
    // The composer says where a message would go: to this client, as the server.
    auto *hint = window.findChild<QLabel *>(QStringLiteral("composerHint"));
    QVERIFY(hint);
    QTRY_VERIFY2(hint->text().contains(QLatin1String("to client ") + incoming->peer()), qPrintable(hint->text()));
    auto *kick = panel->findChild<QPushButton *>(QStringLiteral("serverKickButton"));
    QVERIFY(kick && kick->isEnabled());

    // Send from the outgoing side with the composer; the echo comes back and the client's log has both.
    clickRow(&window, outgoing);
    QCOMPARE(window.currentConnection(), outgoing);
    QVERIFY(!kick->isEnabled()); // only our clients can be kicked
    auto *composerEdit = window.findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
    QVERIFY(composerEdit);
    composerEdit->setFocus();
    const QString message = QStringLiteral("hello from both sides");
    QTest::keyClicks(composerEdit, message);
    QTest::keyClick(composerEdit, Qt::Key_Return, Qt::ControlModifier);
    const QAbstractItemModel *log = window.eventLogView()->model();
    QTRY_VERIFY_WITH_TIMEOUT(hasMessage(log, Direction::Incoming, message), 10000);
    QVERIFY(hasMessage(log, Direction::Outgoing, message));
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->server()->stats().messagesIn >= 1 && panel->server()->stats().messagesOut >= 1, 5000);

    // Broadcast reaches the outgoing connection.
    ServerPanel::setBroadcastPrompt([](QWidget *, bool *ok) {
        *ok = true;
        return QStringLiteral("to everyone");
    });
    auto *broadcast = panel->findChild<QPushButton *>(QStringLiteral("serverBroadcastButton"));
    QTRY_VERIFY(broadcast->isEnabled());
    QTest::mouseClick(broadcast, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(hasMessage(log, Direction::Incoming, QStringLiteral("to everyone")), 10000);

    // Stop: both sides end, the client with 1001 Going Away.
    QTest::mouseClick(startStop, Qt::LeftButton);
    QVERIFY(!panel->server()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(incoming->state() == Connection::State::Closed, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(outgoing->state() == Connection::State::Closed, 10000);
    QVERIFY(panel->urlText().isEmpty());
    QCOMPARE(startStop->text(), QStringLiteral("Start"));
    QVERIFY(!connectToIt->isEnabled());
}

void TestServerPanel::wssWithTheGeneratedCertificateConnects()
{
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    auto *scheme = panel->findChild<QComboBox *>(QStringLiteral("serverSchemeCombo"));
    QVERIFY(scheme);
    scheme->setCurrentIndex(1);
    QVERIFY(panel->findChild<QLineEdit *>(QStringLiteral("serverCertEdit"))->isVisible());

    // A certificate file that does not exist is a clear error, and nothing listens.
    panel->findChild<QLineEdit *>(QStringLiteral("serverCertEdit"))->setText(QStringLiteral("/nonexistent/cert.pem"));
    panel->findChild<QLineEdit *>(QStringLiteral("serverKeyEdit"))->setText(QStringLiteral("/nonexistent/key.pem"));
    panel->start();
    QVERIFY(!panel->server()->isRunning());
    QVERIFY2(panel->errorText().contains(QLatin1String("/nonexistent/")), qPrintable(panel->errorText()));

    panel->findChild<QLineEdit *>(QStringLiteral("serverCertEdit"))->clear();
    panel->findChild<QLineEdit *>(QStringLiteral("serverKeyEdit"))->clear();
    panel->start();
    QVERIFY2(panel->server()->isRunning(), qPrintable(panel->errorText()));
    QVERIFY(panel->urlText().startsWith(QLatin1String("wss://127.0.0.1:")));
    QVERIFY(panel->errorText().isEmpty());
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("serverConnectToItButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 2, 15000);
    Connection *outgoing = findKind(&window, Connection::Kind::Outgoing);
    QVERIFY(outgoing);
    // The app's CA issued the server's certificate and the outgoing side trusts it: no decision needed.
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Open, 15000);
    QVERIFY(outgoing->handshake().tls.verified);
    panel->stop();
    QTRY_VERIFY_WITH_TIMEOUT(outgoing->state() == Connection::State::Closed, 10000);
}

void TestServerPanel::nonLoopbackAddressShowsAWarning_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("warns");
    QTest::newRow("IPv4 loopback") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("IPv6 loopback") << QStringLiteral("::1") << false;
    QTest::newRow("IPv4 any") << QStringLiteral("0.0.0.0") << true;
    QTest::newRow("IPv6 any") << QStringLiteral("::") << true;
    QTest::newRow("LAN address") << QStringLiteral("192.168.1.20") << true;
}

void TestServerPanel::nonLoopbackAddressShowsAWarning()
{
    QFETCH(QString, address);
    QFETCH(bool, warns);
    MainWindow window;
    QVERIFY(showWithServerDock(&window));
    ServerPanel *panel = window.serverPanel();
    auto *edit = panel->findChild<QLineEdit *>(QStringLiteral("serverAddressEdit"));
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, address);
    QCOMPARE(panel->isExposureWarningVisible(), warns);
    if (warns) {
        QVERIFY(panel->exposureWarningText().contains(address));
        QVERIFY(panel->exposureWarningText().contains(QLatin1String("other machines")));
    }
}

void TestServerPanel::settingsAreRemembered()
{
    {
        MainWindow window;
        ServerPanel *panel = window.serverPanel();
        panel->findChild<QComboBox *>(QStringLiteral("serverModeCombo"))->setCurrentIndex(4);
        panel->findChild<QLineEdit *>(QStringLiteral("serverSubprotocolsEdit"))->setText(QStringLiteral("chat v2"));
        QCOMPARE(panel->form()->mode(), ServerMode::Reject);
    }
    MainWindow window;
    ServerPanel *panel = window.serverPanel();
    QCOMPARE(panel->form()->mode(), ServerMode::Reject);
    QCOMPARE(
        panel->findChild<QLineEdit *>(QStringLiteral("serverSubprotocolsEdit"))->text(), QStringLiteral("chat v2"));
}

void TestServerPanel::startAndConnectToIt(MainWindow *window, Connection **outgoing, Connection **incoming)
{
    ServerPanel *panel = window->serverPanel();
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("serverStartStopButton")), Qt::LeftButton);
    QVERIFY2(panel->server()->isRunning(), qPrintable(panel->errorText()));
    auto *connectToIt = panel->findChild<QPushButton *>(QStringLiteral("serverConnectToItButton"));
    QTRY_VERIFY(connectToIt->isEnabled());
    QTest::mouseClick(connectToIt, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->workspace()->connections().size(), 2, 10000);
    *outgoing = findKind(window, Connection::Kind::Outgoing);
    *incoming = findKind(window, Connection::Kind::Incoming);
    QVERIFY(*outgoing && *incoming);
}

void TestServerPanel::sendFromComposer(MainWindow *window, const QString &text)
{
    auto *composerEdit = window->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
    QVERIFY(composerEdit);
    composerEdit->setFocus();
    composerEdit->selectAll();
    QTest::keyClick(composerEdit, Qt::Key_Delete);
    QTest::keyClicks(composerEdit, text);
    QTest::keyClick(composerEdit, Qt::Key_Return, Qt::ControlModifier);
}

void TestServerPanel::manualModeAnswersFromTheComposerAndKickClosesWithTheChosenCode()
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
    // What the server sent is an unmasked server frame on the client's wire, as the server's log shows it.
    const QList<qsizetype> serverFrames = eventsOf(*incoming, EventType::Frame, Direction::Outgoing);
    QVERIFY(!serverFrames.isEmpty());
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

void TestServerPanel::rejectModeSendsTheFormsStatusHeadersAndBody()
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

void TestServerPanel::autoReplyRuleAddedInTheTableAnswers()
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

void TestServerPanel::keyboardStartsConnectsAndStops()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ServerPanel *panel = window.serverPanel();
    QVERIFY(!panel->isVisible()); // a first run: the dock is closed
    auto *connectAction = window.findChild<QAction *>(QStringLiteral("serverConnectToItAction"));
    auto *startStop = window.findChild<QAction *>(QStringLiteral("serverStartStopAction"));
    QVERIFY(connectAction && startStop);
    QVERIFY(!connectAction->isEnabled());
    // The actions are in the window's menu bar, so their shortcuts work wherever the focus is.
    bool inMenu = false;
    for (QAction *menu : window.menuBar()->actions())
        inMenu = inMenu || (menu->menu() && menu->menu()->actions().contains(startStop));
    QVERIFY(inMenu);

    window.findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"))->setFocus();
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(panel->server()->isRunning(), qPrintable(panel->errorText()));
    QVERIFY(panel->isVisible()); // starting shows the panel with the URL
    QCOMPARE(startStop->text(), QStringLiteral("&Stop Test Server"));
    QVERIFY(connectAction->isEnabled());

    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 2, 10000);
    Connection *outgoing = findKind(&window, Connection::Kind::Outgoing);
    QVERIFY(outgoing);
    QTRY_COMPARE_WITH_TIMEOUT(outgoing->state(), Connection::State::Open, 10000);
    QCOMPARE(window.currentConnection(), outgoing);
    // A second Connect to It from the keyboard selects the new connection alone: the Ctrl still held from the
    // shortcut once added it to the old selection.
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 4, 10000);
    QVERIFY(window.currentConnection() && window.currentConnection() != outgoing);
    QCOMPARE(window.currentConnection()->kind(), Connection::Kind::Outgoing);
    QCOMPARE(window.connectionList()->selectionModel()->selectedRows().size(), 1);

    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!panel->server()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(outgoing->state() == Connection::State::Closed, 10000);
    QCOMPARE(startStop->text(), QStringLiteral("&Start Test Server"));
    QVERIFY(!connectAction->isEnabled());
}

QTEST_MAIN(TestServerPanel)
#include "tst_serverpanel.moc"
