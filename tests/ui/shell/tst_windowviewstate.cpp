// The real MainWindow with two connections to its own test server: the panels follow the selection and the
// Reveal Secrets toggle through the window's one ViewState, and the URL bar follows the selection too
// (masked, never overwriting what the user is typing; a test server's client shows the server's URL).
#include "common/viewstate.h"
#include "compose/composer.h"
#include "connect/connectbar.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "explain/secretmasker.h"
#include "handshake/handshakeview.h"
#include "log/eventlogview.h"
#include "models/connectionlistmodel.h"
#include "models/eventlogmodel.h"
#include "server/localserver.h"
#include "server/serverpanel.h"
#include "shell/mainwindow.h"
#include "store/eventstore.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace wsi;

class TestWindowViewState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void panelsAndUrlBarFollowTheSelectionAndReveal();
    void urlBarKeepsWhatTheUserTypes();

private:
    // Clicks the connection's row in the list, as the user does.
    static void clickRow(MainWindow &window, const Connection *connection);
    static QString shownUrl(const MainWindow &window) { return window.connectBar()->urlCombo()->currentText(); }
    // The UPGRADE request row's preview in the log (the request line with its target).
    static QString upgradePreview(const MainWindow &window);
    static Connection *openThroughUrlBar(MainWindow &window, const QUrl &url);
};

static const QString kMask = QString::fromUtf8(SecretMasker::kMask);

void TestWindowViewState::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_windowviewstate"));
}

void TestWindowViewState::init()
{
    QSettings().clear();
}

void TestWindowViewState::clickRow(MainWindow &window, const Connection *connection)
{
    auto *model = static_cast<ConnectionListModel *>(window.connectionList()->model());
    model->flushPendingRows();
    const QModelIndex index = model->index(model->rowOf(connection), 0);
    QVERIFY(index.isValid());
    window.connectionList()->scrollTo(index);
    QTest::mouseClick(
        window.connectionList()->viewport(), Qt::LeftButton, {}, window.connectionList()->visualRect(index).center());
}

QString TestWindowViewState::upgradePreview(const MainWindow &window)
{
    const EventLogModel *log = window.eventLogView()->model();
    const Connection *connection = log->connection();
    for (int row = 0; connection && row < log->rowCount(); ++row) {
        if (connection->events().at(log->eventIndex(row)).type == EventType::HandshakeRequest)
            return log->index(row, EventLogModel::PreviewColumn).data().toString();
    }
    return {};
}

Connection *TestWindowViewState::openThroughUrlBar(MainWindow &window, const QUrl &url)
{
    const qsizetype before = window.workspace()->connections().size();
    window.connectTo(url.toString());
    if (window.workspace()->connections().size() != before + 1)
        return nullptr;
    return window.currentConnection();
}

void TestWindowViewState::panelsAndUrlBarFollowTheSelectionAndReveal()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LocalServer *server = window.serverPanel()->server();
    QVERIFY(server->start(ServerOptions()));
    QUrl firstUrl = server->url();
    firstUrl.setPath(QStringLiteral("/first"));
    firstUrl.setQuery(QStringLiteral("token=alpha1"));
    QUrl secondUrl = server->url();
    secondUrl.setPath(QStringLiteral("/second"));
    secondUrl.setQuery(QStringLiteral("token=beta2"));

    Connection *first = openThroughUrlBar(window, firstUrl);
    QVERIFY(first);
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), Connection::State::Open, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(server->clients().size(), 1, 10000);
    Connection *incoming = server->clients().first();
    QCOMPARE(window.currentConnection(), first); // the arriving client did not take the selection
    Connection *second = openThroughUrlBar(window, secondUrl);
    QVERIFY(second && second != first);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), Connection::State::Open, 10000);
    QCOMPARE(window.viewState()->currentConnection(), second);
    // Connecting hands the URL bar back to the selection: the new connection's URL, its token masked.
    QCOMPARE(shownUrl(window), SecretMasker::maskUrl(secondUrl.toString()));
    QVERIFY(!shownUrl(window).contains(QLatin1String("beta2")));

    // Selecting the first connection: the URL bar, the handshake, the log and the composer all show it.
    clickRow(window, first);
    QCOMPARE(window.currentConnection(), first);
    QCOMPARE(shownUrl(window), SecretMasker::maskUrl(firstUrl.toString()));
    QVERIFY(shownUrl(window).contains(QLatin1String("/first?token=") + kMask));
    QVERIFY(!shownUrl(window).contains(QLatin1String("alpha1")));
    QCOMPARE(window.handshakeView()->connection(), first);
    QVERIFY2(window.handshakeView()->requestRawText().startsWith(QLatin1String("GET /first?")),
        qPrintable(window.handshakeView()->requestRawText()));
    QCOMPARE(window.eventLogView()->connection(), first);
    QTRY_VERIFY(upgradePreview(window).contains(QLatin1String("/first")));
    QVERIFY(!upgradePreview(window).contains(QLatin1String("alpha1")));
    QCOMPARE(window.composer()->connection(), first);
    // What Connect would use is the real URL behind the mask.
    QCOMPARE(window.connectBar()->urlText(), firstUrl.toString());
    // Editing the masked URL edits the real one: the mask characters are never sent.
    QLineEdit *urlEdit = window.connectBar()->urlCombo()->lineEdit();
    urlEdit->setFocus();
    urlEdit->end(false);
    QTest::keyClick(urlEdit, Qt::Key_2);
    QCOMPARE(window.connectBar()->urlText(), firstUrl.toString() + QLatin1Char('2'));
    QVERIFY(!window.connectBar()->urlText().contains(kMask));
    QTest::keyClick(urlEdit, Qt::Key_Backspace);
    QCOMPARE(window.connectBar()->urlText(), firstUrl.toString());
    // Emptying the field hands it back to the selection.
    urlEdit->selectAll();
    QTest::keyClick(urlEdit, Qt::Key_Delete);
    QVERIFY(window.connectBar()->urlText().isEmpty());

    // And back to the second.
    clickRow(window, second);
    QCOMPARE(window.currentConnection(), second);
    QCOMPARE(shownUrl(window), SecretMasker::maskUrl(secondUrl.toString()));
    QCOMPARE(window.handshakeView()->connection(), second);
    QVERIFY(window.handshakeView()->requestRawText().startsWith(QLatin1String("GET /second?")));
    QCOMPARE(window.eventLogView()->connection(), second);
    QTRY_VERIFY(upgradePreview(window).contains(QLatin1String("/second")));

    // Reveal Secrets from the View menu reaches the URL bar, the handshake view, the log and the list.
    auto *reveal = window.findChild<QAction *>(QStringLiteral("revealSecretsAction"));
    QVERIFY(reveal && reveal->isEnabled() && !reveal->isChecked());
    reveal->trigger();
    QVERIFY(window.viewState()->revealSecrets());
    QCOMPARE(shownUrl(window), secondUrl.toString());
    QVERIFY(window.handshakeView()->revealSecrets());
    QVERIFY(window.handshakeView()->requestRawText().contains(QLatin1String("token=beta2")));
    QVERIFY2(upgradePreview(window).contains(QLatin1String("token=beta2")), qPrintable(upgradePreview(window)));
    auto *model = static_cast<ConnectionListModel *>(window.connectionList()->model());
    QVERIFY(model->index(model->rowOf(first), 0)
                .data(ConnectionListModel::TitleRole)
                .toString()
                .contains(QLatin1String("token=alpha1")));
    QVERIFY(window.windowTitle().contains(QLatin1String("token=beta2")));
    // With secrets shown, a new selection shows its URL in full.
    clickRow(window, first);
    QCOMPARE(shownUrl(window), firstUrl.toString());
    reveal->trigger();
    QVERIFY(!window.viewState()->revealSecrets());
    QVERIFY(!window.handshakeView()->revealSecrets());
    QCOMPARE(shownUrl(window), SecretMasker::maskUrl(firstUrl.toString()));
    QVERIFY(!upgradePreview(window).contains(QLatin1String("alpha1")));

    // Connect while the URL bar shows a masked URL connects to the real one.
    window.connectBar()->connectButton()->click();
    Connection *again = window.currentConnection();
    QVERIFY(again && again != first && again != second && again != incoming);
    QCOMPARE(again->url(), firstUrl);
    QTRY_COMPARE_WITH_TIMEOUT(again->state(), Connection::State::Open, 10000);

    // A client of the test server shows the server's URL: Connect there opens another client of it.
    clickRow(window, incoming);
    QCOMPARE(window.currentConnection(), incoming);
    QCOMPARE(shownUrl(window), server->url().toString());
    QCOMPARE(window.handshakeView()->connection(), incoming);

    server->stop();
    for (Connection *c : { first, second, again })
        QTRY_VERIFY_WITH_TIMEOUT(
            c->state() == Connection::State::Closed || c->state() == Connection::State::Failed, 10000);
}

void TestWindowViewState::urlBarKeepsWhatTheUserTypes()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LocalServer *server = window.serverPanel()->server();
    QVERIFY(server->start(ServerOptions()));
    QUrl firstUrl = server->url();
    firstUrl.setPath(QStringLiteral("/first"));
    QUrl secondUrl = server->url();
    secondUrl.setPath(QStringLiteral("/second"));
    Connection *first = openThroughUrlBar(window, firstUrl);
    Connection *second = openThroughUrlBar(window, secondUrl);
    QVERIFY(first && second && first != second);
    QCOMPARE(shownUrl(window), secondUrl.toString());

    // The user starts typing a new URL: a new selection leaves it alone, the panels still follow.
    auto *edit = window.connectBar()->urlCombo()->lineEdit();
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("ws://typed.example/"));
    QCOMPARE(shownUrl(window), QStringLiteral("ws://typed.example/"));
    clickRow(window, first);
    QCOMPARE(window.currentConnection(), first);
    QCOMPARE(window.handshakeView()->connection(), first);
    QCOMPARE(shownUrl(window), QStringLiteral("ws://typed.example/"));
    QCOMPARE(window.connectBar()->urlText(), QStringLiteral("ws://typed.example/"));
    // Nor does Reveal Secrets touch it.
    window.setRevealSecrets(true);
    QCOMPARE(shownUrl(window), QStringLiteral("ws://typed.example/"));
    window.setRevealSecrets(false);

    // Emptying the field gives it back to the selection.
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QVERIFY(shownUrl(window).isEmpty());
    clickRow(window, second);
    QCOMPARE(shownUrl(window), secondUrl.toString());

    // New Connection clears it for typing; it stays empty until the selection changes.
    window.findChild<QAction *>(QStringLiteral("newAction"))->trigger();
    QVERIFY(shownUrl(window).isEmpty());
    window.setRevealSecrets(true);
    QVERIFY(shownUrl(window).isEmpty());
    window.setRevealSecrets(false);
    clickRow(window, first);
    QCOMPARE(shownUrl(window), firstUrl.toString());

    server->stop();
    for (Connection *c : { first, second })
        QTRY_VERIFY_WITH_TIMEOUT(
            c->state() == Connection::State::Closed || c->state() == Connection::State::Failed, 10000);
}

QTEST_MAIN(TestWindowViewState)
#include "tst_windowviewstate.moc"
