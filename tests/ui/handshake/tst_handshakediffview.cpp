// The handshake diff view in the real MainWindow: a working (/echo, 101) and a refused (/reject, 403) attempt
// against python3-websockets, selected with Ctrl+click, compared side by side.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "explain/handshakediff.h"
#include "explain/secretmasker.h"
#include "handshake/handshakediffdialog.h"
#include "handshake/handshakediffmodel.h"
#include "peerprocess.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QListView>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace wsi;

class TestHandshakeDiffView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void comparesWorkingAndRefusedAttempts();
    void oneSelectedComparesWithThePreviousAttemptAtTheSameUrl();
    void nothingToCompareSaysWhatToDo();

private:
    static int findRow(const QAbstractItemModel *model, const QString &name);
    static Connection *open(
        MainWindow &window, const QString &url, const QList<QPair<QByteArray, QByteArray>> &headers = {});
};

void TestHandshakeDiffView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_handshakediffview"));
}

void TestHandshakeDiffView::init()
{
    QSettings().clear();
}

int TestHandshakeDiffView::findRow(const QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, HandshakeDiffModel::NameColumn).data().toString().compare(name, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

Connection *TestHandshakeDiffView::open(
    MainWindow &window, const QString &url, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    ConnectionOptions options;
    options.url = QUrl(url);
    options.headers = headers;
    return window.workspace()->openConnection(options);
}

void TestHandshakeDiffView::comparesWorkingAndRefusedAttempts()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    Connection *good = open(window, peer.url(QStringLiteral("/echo?token=t0k")), { { "X-Attempt", "one" } });
    QTRY_COMPARE_WITH_TIMEOUT(good->state(), Connection::State::Open, 10000);
    Connection *bad = open(window, peer.url(QStringLiteral("/reject")), { { "Authorization", "Bearer sekrit" } });
    QTRY_COMPARE_WITH_TIMEOUT(bad->state(), Connection::State::Failed, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!bad->handshake().responseBody.isEmpty(), 5000);

    // Ctrl+click both rows in the connections list.
    QListView *list = window.connectionList();
    const QModelIndex first = list->model()->index(0, 0);
    const QModelIndex second = list->model()->index(1, 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualRect(first).center());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::ControlModifier, list->visualRect(second).center());
    QTest::keyRelease(list, Qt::Key_Control); // the next tests start without a held Ctrl
    QCOMPARE(list->selectionModel()->selectedRows().size(), 2);

    auto *compare = window.findChild<QAction *>(QStringLiteral("compareHandshakesAction"));
    QVERIFY(compare && compare->isEnabled());
    compare->trigger();
    HandshakeDiffDialog *dialog = window.handshakeDiffDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    // Response: the status line changed 101 -> 403; Upgrade removed; Content-Type added; X-Test-Peer the same.
    HandshakeDiffModel *response = dialog->responseModel();
    QCOMPARE(response->index(0, HandshakeDiffModel::NameColumn).data().toString(), QStringLiteral("Status line"));
    QCOMPARE(response->index(0, 0).data(HandshakeDiffModel::ChangeRole).toInt(), int(HandshakeDiff::Change::Changed));
    QVERIFY(response->index(0, HandshakeDiffModel::OlderColumn).data().toString().contains(QLatin1String("101")));
    QVERIFY(response->index(0, HandshakeDiffModel::NewerColumn).data().toString().contains(QLatin1String("403")));
    const int upgrade = findRow(response, QStringLiteral("Upgrade"));
    QVERIFY(upgrade > 0);
    QCOMPARE(
        response->index(upgrade, 0).data(HandshakeDiffModel::ChangeRole).toInt(), int(HandshakeDiff::Change::Removed));
    QCOMPARE(response->index(upgrade, HandshakeDiffModel::ChangeColumn).data().toString(), QStringLiteral("\u2212"));
    const int contentType = findRow(response, QStringLiteral("Content-Type"));
    QVERIFY(contentType > 0);
    QCOMPARE(response->index(contentType, 0).data(HandshakeDiffModel::ChangeRole).toInt(),
        int(HandshakeDiff::Change::Added));
    QVERIFY(response->index(contentType, 0).data(Qt::BackgroundRole).isValid()); // tinted
    const int peerRow = findRow(response, QStringLiteral("X-Test-Peer"));
    QCOMPARE(
        response->index(peerRow, 0).data(HandshakeDiffModel::ChangeRole).toInt(), int(HandshakeDiff::Change::Same));
    // Repeated headers are kept: X-Repeat appears twice on the 101 side.
    int repeats = 0;
    for (int row = 0; row < response->rowCount(); ++row)
        repeats += response->index(row, HandshakeDiffModel::NameColumn).data().toString() == QLatin1String("X-Repeat");
    QCOMPARE(repeats, 2);

    // Request: the request line changed (/echo -> /reject), X-Attempt removed, Authorization added and masked.
    HandshakeDiffModel *request = dialog->requestModel();
    QVERIFY(
        request->index(0, HandshakeDiffModel::OlderColumn).data().toString().startsWith(QLatin1String("GET /echo")));
    QVERIFY(request->index(0, HandshakeDiffModel::OlderColumn).data().toString().endsWith(QLatin1String(" HTTP/1.1")));
    QVERIFY(!request->index(0, HandshakeDiffModel::OlderColumn).data().toString().contains(QLatin1String("t0k")));
    QCOMPARE(request->index(0, 0).data(HandshakeDiffModel::ChangeRole).toInt(), int(HandshakeDiff::Change::Changed));
    QCOMPARE(
        request->index(findRow(request, QStringLiteral("X-Attempt")), 0).data(HandshakeDiffModel::ChangeRole).toInt(),
        int(HandshakeDiff::Change::Removed));
    const int auth = findRow(request, QStringLiteral("Authorization"));
    QVERIFY(auth > 0);
    QCOMPARE(request->index(auth, 0).data(HandshakeDiffModel::ChangeRole).toInt(), int(HandshakeDiff::Change::Added));
    QCOMPARE(request->index(auth, HandshakeDiffModel::NewerColumn).data().toString(),
        QStringLiteral("Bearer ") + QString::fromUtf8(SecretMasker::kMask));

    // Bodies side by side, and a summary naming the status change.
    QCOMPARE(dialog->olderBodyText(), QStringLiteral("(no body)"));
    QVERIFY(dialog->newerBodyText().contains(QLatin1String("forbidden: token missing")));
    QVERIFY2(dialog->summaryText().contains(QLatin1String("403")), qPrintable(dialog->summaryText()));

    // Only differences hides the rows that are the same.
    const int before = response->rowCount();
    dialog->findChild<QCheckBox *>(QStringLiteral("diffOnlyDifferences"))->setChecked(true);
    QVERIFY(response->rowCount() < before);
    QCOMPARE(findRow(response, QStringLiteral("X-Test-Peer")), -1);

    // Revealing secrets shows the real value in the open dialog.
    window.setRevealSecrets(true);
    QCOMPARE(request->index(findRow(request, QStringLiteral("Authorization")), HandshakeDiffModel::NewerColumn)
                 .data()
                 .toString(),
        QStringLiteral("Bearer sekrit"));
    good->close();
    QTRY_VERIFY_WITH_TIMEOUT(good->state() == Connection::State::Closed, 10000);
}

void TestHandshakeDiffView::oneSelectedComparesWithThePreviousAttemptAtTheSameUrl()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    Connection *a = open(window, peer.url(QStringLiteral("/reject")));
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), Connection::State::Failed, 10000);
    Connection *other = open(window, peer.url(QStringLiteral("/elsewhere")));
    Connection *b = open(window, peer.url(QStringLiteral("/reject")));
    QTRY_COMPARE_WITH_TIMEOUT(b->state(), Connection::State::Failed, 10000);
    window.selectConnection(b);
    QVERIFY(window.compareHandshakes());
    HandshakeDiffDialog *dialog = window.handshakeDiffDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains(QStringLiteral("#%1").arg(a->id())));
    QVERIFY2(dialog->windowTitle().contains(QStringLiteral("#%1").arg(b->id())), qPrintable(dialog->windowTitle()));
    QVERIFY(!dialog->windowTitle().contains(QStringLiteral("#%1").arg(other->id())));
    // Two identical refusals: nothing differs but the per-attempt key.
    QVERIFY2(dialog->summaryText().contains(QLatin1String("No differences")), qPrintable(dialog->summaryText()));
    other->abort();
}

void TestHandshakeDiffView::nothingToCompareSaysWhatToDo()
{
    MainWindow window;
    window.show();
    QVERIFY(!window.compareHandshakes());
    QVERIFY(window.statusText().contains(QLatin1String("Ctrl+click")));
    QVERIFY(!window.handshakeDiffDialog());
}

QTEST_MAIN(TestHandshakeDiffView)
#include "tst_handshakediffview.moc"
