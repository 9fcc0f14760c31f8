// ConnectionListModel: rows follow the workspace in order; a burst of arrivals is inserted in batches without
// breaking the item model contract (checked by QAbstractItemModelTester), a lone arrival is listed at once,
// removals work for listed and still-waiting connections, and changes are coalesced into one range.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "models/connectionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wsi;

class TestConnectionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstIsInsertedInBatchesKeepingTheContract();
    void loneArrivalIsListedAtOnce();
    void removingWaitingAndListedConnections();
    void changesAreCoalescedIntoOneRange();
    void listsConnectionsTheWorkspaceAlreadyHas();

private:
    static Connection *add(Workspace &workspace, int n);
    static void verifyOrder(const Workspace &workspace, const ConnectionListModel &model);
};

Connection *TestConnectionListModel::add(Workspace &workspace, int n)
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/client%1").arg(n));
    // Never opened: the model only needs the workspace's bookkeeping.
    auto *connection = new Connection(options);
    workspace.addConnection(connection);
    return connection;
}

void TestConnectionListModel::verifyOrder(const Workspace &workspace, const ConnectionListModel &model)
{
    QCOMPARE(model.rowCount(), int(workspace.connections().size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        Connection *c = workspace.connections().at(row);
        QCOMPARE(model.connectionAt(row), c);
        QCOMPARE(model.rowOf(c), row);
        QCOMPARE(model.index(row).data(ConnectionListModel::ConnectionRole).value<QObject *>(), c);
        QCOMPARE(model.index(row).data(ConnectionListModel::UrlRole).toString(), c->url().toString());
    }
}

void TestConnectionListModel::burstIsInsertedInBatchesKeepingTheContract()
{
    Workspace workspace;
    ConnectionListModel model(&workspace);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // 500 arrivals in one event-loop turn: the first is listed at once, the rest wait for one batch.
    QList<Connection *> burst;
    for (int i = 0; i < 500; ++i)
        burst << add(workspace, i);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.pendingCount(), 499);
    QCOMPARE(model.rowOf(burst.at(0)), 0);
    QCOMPARE(model.rowOf(burst.at(1)), -1); // not listed yet
    QCOMPARE(inserted.size(), 1);

    QTRY_COMPARE(model.rowCount(), 500);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QCOMPARE(inserted.at(1).at(2).toInt(), 499);
    verifyOrder(workspace, model);

    // The burst goes on (a second turn of 300): still batched, appended after the first 500 in order.
    for (int i = 500; i < 800; ++i)
        burst << add(workspace, i);
    QVERIFY(model.pendingCount() >= 299);
    QTRY_COMPARE(model.rowCount(), 800);
    QVERIFY(inserted.size() <= 4);
    verifyOrder(workspace, model);

    // Removing rows from the front, the middle and the end keeps rows and lookups in step with the workspace.
    for (int i = 0; i < 800; i += 7)
        workspace.removeConnection(burst.at(i));
    workspace.removeConnection(burst.last());
    verifyOrder(workspace, model);
    QCOMPARE(model.rowOf(burst.at(7)), -1);
}

void TestConnectionListModel::loneArrivalIsListedAtOnce()
{
    Workspace workspace;
    ConnectionListModel model(&workspace);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Connection *first = add(workspace, 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(first), 0);

    // Once the turn is over, the next single arrival is listed synchronously as well.
    QTRY_VERIFY(model.pendingCount() == 0);
    QTest::qWait(60); // past any batch window
    Connection *second = add(workspace, 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(second), 1);
    QCOMPARE(model.pendingCount(), 0);
}

void TestConnectionListModel::removingWaitingAndListedConnections()
{
    Workspace workspace;
    ConnectionListModel model(&workspace);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QList<Connection *> burst;
    for (int i = 0; i < 10; ++i)
        burst << add(workspace, i);
    QCOMPARE(model.pendingCount(), 9);

    // A connection that goes before its batch is inserted is never shown and never removed as a row.
    workspace.removeConnection(burst.at(5));
    QCOMPARE(model.pendingCount(), 8);
    QCOMPARE(removed.size(), 0);
    // A listed one is removed as its row.
    workspace.removeConnection(burst.at(0));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 0);

    // Flushing by hand lists the rest at once, in order.
    model.flushPendingRows();
    QCOMPARE(model.pendingCount(), 0);
    verifyOrder(workspace, model);
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.rowOf(burst.at(5)), -1);
    QCOMPARE(model.connectionAt(4), burst.at(6));
    QCOMPARE(inserted.size(), 2);
}

void TestConnectionListModel::changesAreCoalescedIntoOneRange()
{
    Workspace workspace;
    ConnectionListModel model(&workspace);
    QList<Connection *> all;
    for (int i = 0; i < 20; ++i)
        all << add(workspace, i);
    model.flushPendingRows();
    QCOMPARE(model.rowCount(), 20);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Q_EMIT workspace.connectionChanged(all.at(10));
    Q_EMIT workspace.connectionChanged(all.at(3));
    Q_EMIT workspace.connectionChanged(all.at(7));
    Q_EMIT workspace.connectionChanged(all.at(10));
    QCOMPARE(changed.size(), 0); // coalesced, not per signal
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 3);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 10);
}

void TestConnectionListModel::listsConnectionsTheWorkspaceAlreadyHas()
{
    Workspace workspace;
    add(workspace, 1);
    add(workspace, 2);
    ConnectionListModel model(&workspace);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    verifyOrder(workspace, model);
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestConnectionListModel)
#include "tst_connectionlistmodel.moc"
