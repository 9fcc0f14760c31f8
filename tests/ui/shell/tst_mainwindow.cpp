// Drives the real MainWindow against a python3-websockets echo server on 127.0.0.1.

#include "common/hexview.h"
#include "compose/closedialog.h"
#include "compose/composer.h"
#include "connect/connectbar.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "detail/eventdetailview.h"
#include "handshake/handshakeview.h"
#include "handshake/headertablemodel.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "models/eventlogmodel.h"
#include "peerprocess.h"
#include "shell/mainwindow.h"
#include "store/wallclock.h"

#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace wsi;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void connectsSendsAndShowsTheEchoInHex();
    void showsRefusedUpgradeWithStatusAndBody();
    void invalidInputShowsErrorAndCreatesNoConnection_data();
    void invalidInputShowsErrorAndCreatesNoConnection();
    void logCopiesSelectedRowsAndPayload();
    void hexViewPrintsOffsetHexAndAscii();
    void closeDialogKeepsReasonWithin123Bytes();

private:
    static int findRow(const QAbstractItemModel *model, EventType type, Direction dir, const QString &preview);
    static int findHeaderRow(const QAbstractItemModel *model, const QString &name);
};

void TestMainWindow::initTestCase()
{
    // Never touch the user's settings: QSettings and QStandardPaths go to test locations.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_mainwindow"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

int TestMainWindow::findRow(const QAbstractItemModel *model, EventType type, Direction dir, const QString &preview)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, EventLogModel::PreviewColumn);
        if (index.data(EventLogModel::EventTypeRole).toInt() == int(type)
            && index.data(EventLogModel::DirectionRole).toInt() == int(dir)
            && index.data().toString().contains(preview))
            return row;
    }
    return -1;
}

int TestMainWindow::findHeaderRow(const QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, HeaderTableModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

void TestMainWindow::connectsSendsAndShowsTheEchoInHex()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("echo_server.py")));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *urlEdit = window.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    auto *connectButton = window.findChild<QPushButton *>(QStringLiteral("connectButton"));
    QVERIFY(urlEdit && connectButton);
    const QString url = peer.url(QStringLiteral("/chat"));
    QTest::keyClicks(urlEdit, url);
    QTest::mouseClick(connectButton, Qt::LeftButton);

    QCOMPARE(window.workspace()->connections().size(), 1);
    Connection *connection = window.workspace()->connections().constFirst();
    QCOMPARE(window.currentConnection(), connection);
    QVERIFY(!window.connectBar()->isErrorVisible());

    // The handshake view shows the 101 and the server's custom header from the wire.
    HandshakeView *handshake = window.handshakeView();
    QTRY_VERIFY_WITH_TIMEOUT(handshake->responseStatusLine().contains(QLatin1String("101")), 10000);
    const QAbstractItemModel *responseHeaders = handshake->responseHeadersModel();
    QTRY_VERIFY_WITH_TIMEOUT(findHeaderRow(responseHeaders, QStringLiteral("X-Test-Server")) >= 0, 5000);
    const int headerRow = findHeaderRow(responseHeaders, QStringLiteral("X-Test-Server"));
    QCOMPARE(responseHeaders->index(headerRow, HeaderTableModel::ValueColumn).data().toString(), QStringLiteral("py"));
    QVERIFY(findHeaderRow(handshake->requestHeadersModel(), QStringLiteral("Sec-WebSocket-Key")) >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Open, 10000);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("acceptComputation"))->text().contains(QLatin1String("PASS")));

    // Type a message in the composer and send it with Ctrl+Enter.
    auto *composerEdit = window.findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
    QVERIFY(composerEdit);
    QTRY_VERIFY(window.findChild<QPushButton *>(QStringLiteral("sendButton"))->isEnabled());
    composerEdit->setFocus();
    const QString message = QStringLiteral("hello inspector");
    QTest::keyClicks(composerEdit, message);
    QTest::keyClick(composerEdit, Qt::Key_Return, Qt::ControlModifier);

    // The echo shows up in the log as an incoming message.
    const QAbstractItemModel *log = window.eventLogView()->tableView()->model();
    QTRY_VERIFY_WITH_TIMEOUT(findRow(log, EventType::Message, Direction::Incoming, message) >= 0, 10000);
    QVERIFY(findRow(log, EventType::Message, Direction::Outgoing, message) >= 0);
    QCOMPARE(connection->counters().messagesOut, quint64(1));

    // Select the echo row with the mouse; the detail pane follows.
    EventLogTable *table = window.eventLogView()->tableView();
    const QModelIndex echo
        = log->index(findRow(log, EventType::Message, Direction::Incoming, message), EventLogModel::PreviewColumn);
    table->scrollTo(echo);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(echo).center());
    QCOMPARE(table->currentIndex().row(), echo.row());
    QCOMPARE(window.detailView()->eventIndex(), echo.data(EventLogModel::EventIndexRole).toInt());
    QCOMPARE(window.detailView()->text(), message);

    // The hex tab shows the message's bytes.
    QTabWidget *detailTabs = window.detailView()->tabs();
    QTest::mouseClick(
        detailTabs->tabBar(), Qt::LeftButton, {}, detailTabs->tabBar()->tabRect(EventDetailView::HexTab).center());
    HexView *hex = window.detailView()->hexView();
    QCOMPARE(detailTabs->currentWidget(), hex);
    QCOMPARE(hex->data(), message.toUtf8());
    const QStringList lines = hex->visibleLinesText();
    QVERIFY2(!lines.isEmpty(), "the hex view shows no lines");
    QCOMPARE(
        lines.first(), QStringLiteral("00000000  68 65 6c 6c 6f 20 69 6e  73 70 65 63 74 6f 72     hello inspector"));

    // The URL went into the recent list.
    QVERIFY(window.connectBar()->recentUrls().contains(url));

    // Ctrl+D closes normally; the log records the close.
    window.findChild<QAction *>(QStringLiteral("disconnectAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(connection->state() == Connection::State::Closed, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(findRow(log, EventType::Close, Direction::Outgoing, QString()) >= 0, 5000);
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("sendButton"))->isEnabled());
}

void TestMainWindow::showsRefusedUpgradeWithStatusAndBody()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("echo_server.py")));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.connectTo(peer.url(QStringLiteral("/reject")));
    QCOMPARE(window.workspace()->connections().size(), 1);
    Connection *connection = window.workspace()->connections().constFirst();

    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Failed, 10000);
    HandshakeView *handshake = window.handshakeView();
    QTRY_VERIFY_WITH_TIMEOUT(handshake->responseStatusLine().contains(QLatin1String("403")), 5000);
    QVERIFY(handshake->bannerText().contains(QLatin1String("403")));
    QCOMPARE(window.viewTabs()->currentWidget(), handshake);
    auto *body = window.findChild<QPlainTextEdit *>(QStringLiteral("responseBodyText"));
    QTRY_VERIFY(body->toPlainText().contains(QLatin1String("forbidden: token missing")));
    QVERIFY(!window.statusText().isEmpty());
}

void TestMainWindow::invalidInputShowsErrorAndCreatesNoConnection_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("wrong scheme") << QStringLiteral("ftp://example.com/chat") << QString() << QString();
    QTest::newRow("no host") << QStringLiteral("ws://") << QString() << QString();
    QTest::newRow("not a url") << QStringLiteral("not a url at all") << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("URL");
    QTest::newRow("header Qt generates") << QStringLiteral("ws://127.0.0.1:9/chat")
                                         << QStringLiteral("Host: evil.example") << QStringLiteral("Host");
    QTest::newRow("malformed header line") << QStringLiteral("ws://127.0.0.1:9/chat")
                                           << QStringLiteral("this line has no colon") << QStringLiteral("line 1");
}

void TestMainWindow::invalidInputShowsErrorAndCreatesNoConnection()
{
    QFETCH(QString, url);
    QFETCH(QString, headers);
    QFETCH(QString, mentions);

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (!headers.isEmpty()) {
        window.connectBar()->setOptionsVisible(true);
        window.findChild<QPlainTextEdit *>(QStringLiteral("headersEdit"))->setPlainText(headers);
    }
    auto *urlEdit = window.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    QTest::keyClicks(urlEdit, url);
    QTest::keyClick(urlEdit, Qt::Key_Return); // Enter in the URL field connects

    auto *error = window.findChild<QLabel *>(QStringLiteral("connectErrorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().trimmed().isEmpty());
    if (!mentions.isEmpty())
        QVERIFY2(error->text().contains(mentions, Qt::CaseInsensitive), qPrintable(error->text()));
    QVERIFY(window.workspace()->connections().isEmpty());
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("emptyState"))->isHidden());

    // Editing the URL clears the error.
    QTest::keyClick(urlEdit, Qt::Key_X);
    QVERIFY(!error->isVisible());
}

void TestMainWindow::logCopiesSelectedRowsAndPayload()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
    Connection connection(options);
    auto add = [&](EventType type, Direction dir, const QByteArray &payload, quint8 flags, quint8 sub = 0) {
        EventRecord record;
        record.timeUs = wallClockUs();
        record.type = type;
        record.dir = dir;
        record.flags = flags;
        record.sub = sub;
        record.value = quint64(payload.size());
        connection.appendEvent(record, payload);
    };
    add(EventType::Message, Direction::Incoming, "first", FlagText | FlagFin, 1);
    add(EventType::Message, Direction::Outgoing, "second", FlagText | FlagFin, 1);
    add(EventType::Error, Direction::None, "connection reset", 0, quint8(ErrorLayer::Tcp));

    EventLogView view;
    view.resize(800, 300);
    view.setConnection(&connection);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.model()->flush();
    QAbstractItemModel *model = view.tableView()->model();
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(model->index(2, 0).data(EventLogModel::IsErrorRole).toBool());
    QVERIFY(!model->index(0, 0).data(EventLogModel::IsErrorRole).toBool());

    EventLogTable *table = view.tableView();
    table->setFocus();
    table->selectAll();
    QTest::keySequence(table, QKeySequence::Copy);
    const QStringList lines = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).count(QLatin1Char('\t')), EventLogModel::NUM_COLUMNS - 1);
    QVERIFY(lines.at(0).contains(QLatin1String("first")));
    QVERIFY(lines.at(1).contains(QLatin1String("second")));

    table->setCurrentIndex(model->index(1, 0));
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("second"));
}

void TestMainWindow::hexViewPrintsOffsetHexAndAscii()
{
    HexView hex;
    hex.resize(700, 200);
    QByteArray data = QByteArrayLiteral("0123456789abcdef");
    data += QByteArray("\x00\x01\xff", 3);
    hex.setData(data);
    QCOMPARE(hex.lineCount(), qsizetype(2));
    QCOMPARE(hex.lineText(0),
        QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  0123456789abcdef"));
    // A short last line keeps the ASCII column aligned with the full lines above it.
    QCOMPARE(hex.lineText(1).left(19), QStringLiteral("00000010  00 01 ff "));
    QCOMPARE(hex.lineText(1).indexOf(QLatin1String("...")), hex.lineText(0).indexOf(QLatin1String("0123")));
    QCOMPARE(hex.lineText(1).size(), hex.lineText(0).size() - 13);
    hex.setSelection(16, 19);
    QCOMPARE(hex.selectedBytes(), QByteArray("\x00\x01\xff", 3));
}

void TestMainWindow::closeDialogKeepsReasonWithin123Bytes()
{
    const QString euro(QChar(0x20ac)); // 3 bytes of UTF-8
    const QString cut = CloseDialog::truncateUtf8(QString(50, euro[0]), CloseDialog::kMaxReasonBytes);
    QCOMPARE(cut.size(), 41); // 41 * 3 = 123
    QVERIFY(cut.toUtf8().size() <= CloseDialog::kMaxReasonBytes);

    CloseDialog dialog;
    dialog.setCode(1001);
    QCOMPARE(dialog.code(), 1001);
    dialog.setCode(4321);
    QCOMPARE(dialog.code(), 4321);
    dialog.setReason(QString(200, QLatin1Char('x')));
    QCOMPARE(dialog.reason().toUtf8().size(), CloseDialog::kMaxReasonBytes);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
