// EndpointTreeModel under QAbstractItemModelTester: folders sorted without regard to case, each with its
// endpoints sorted by name, then the endpoints without a folder; saves, edits, moves and removals in the store
// rebuild it; URLs in tooltips and search text are masked until revealed.
#include "endpoints/endpointstore.h"
#include "models/endpointtreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

class TestEndpointTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldersFirstThenTopLevelEndpoints();
    void followsEditsMovesAndRemovals();
    void masksUrlsUntilRevealed();

private:
    static QString save(
        EndpointStore &store, const QString &name, const QString &folder, const QString &url, const QString &id = {});
    static QStringList names(const EndpointTreeModel &model, const QModelIndex &parent = {});
};

QString TestEndpointTreeModel::save(
    EndpointStore &store, const QString &name, const QString &folder, const QString &url, const QString &id)
{
    Endpoint e;
    e.id = id;
    e.name = name;
    e.folder = folder;
    e.options.url = QUrl(url);
    QString error;
    const QString saved = store.save(e, &error);
    if (saved.isEmpty())
        qWarning("save failed: %s", qPrintable(error));
    return saved;
}

QStringList TestEndpointTreeModel::names(const EndpointTreeModel &model, const QModelIndex &parent)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out << model.index(row, 0, parent).data().toString();
    return out;
}

void TestEndpointTreeModel::foldersFirstThenTopLevelEndpoints()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EndpointStore store(dir.filePath(QStringLiteral("endpoints.json")));
    EndpointTreeModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 1);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QString staging = save(
        store, QStringLiteral("Staging"), QStringLiteral("Work"), QStringLiteral("wss://staging.example.com/ws"));
    const QString echo = save(store, QStringLiteral("echo"), QString(), QStringLiteral("ws://127.0.0.1:9001/"));
    const QString billing = save(
        store, QStringLiteral("billing"), QStringLiteral("Work"), QStringLiteral("wss://billing.example.com/ws"));
    const QString feed
        = save(store, QStringLiteral("Old feed"), QStringLiteral("archive"), QStringLiteral("ws://old.example.com/"));
    const QString admin = save(store, QStringLiteral("Admin"), QString(), QStringLiteral("ws://127.0.0.1:9002/"));
    QVERIFY(!staging.isEmpty() && !echo.isEmpty() && !billing.isEmpty() && !feed.isEmpty() && !admin.isEmpty());
    QCOMPARE(reset.size(), 5);

    QCOMPARE(names(model), (QStringList { "archive", "Work", "Admin", "echo" }));
    const QModelIndex archiveRow = model.index(0, 0);
    const QModelIndex workRow = model.index(1, 0);
    QCOMPARE(names(model, archiveRow), QStringList { "Old feed" });
    QCOMPARE(names(model, workRow), (QStringList { "billing", "Staging" }));
    QCOMPARE(model.rowCount(model.index(2, 0)), 0); // an endpoint row has no children
    QCOMPARE(model.rowCount(model.index(0, 0, workRow)), 0);

    // Folder rows.
    QCOMPARE(workRow.data(EndpointTreeModel::IsFolderRole).toBool(), true);
    QCOMPARE(workRow.data(EndpointTreeModel::EndpointIdRole).toString(), QString());
    QCOMPARE(workRow.data(EndpointTreeModel::FolderRole).toString(), QStringLiteral("Work"));
    QCOMPARE(workRow.data(EndpointTreeModel::SearchTextRole).toString(), QStringLiteral("Work"));
    QCOMPARE(workRow.data(Qt::ToolTipRole).toString(), QStringLiteral("Folder \u201cWork\u201d: 2 endpoint(s)"));
    QCOMPARE(archiveRow.data(Qt::ToolTipRole).toString(), QStringLiteral("Folder \u201carchive\u201d: 1 endpoint(s)"));

    // Endpoint rows, in a folder and at the top level.
    const QModelIndex billingRow = model.index(0, 0, workRow);
    QCOMPARE(billingRow.parent(), workRow);
    QCOMPARE(billingRow.data(EndpointTreeModel::IsFolderRole).toBool(), false);
    QCOMPARE(billingRow.data(EndpointTreeModel::EndpointIdRole).toString(), billing);
    QCOMPARE(billingRow.data(EndpointTreeModel::FolderRole).toString(), QStringLiteral("Work"));
    QCOMPARE(billingRow.data(EndpointTreeModel::SearchTextRole).toString(),
        QStringLiteral("billing\nWork\nwss://billing.example.com/ws"));
    const QModelIndex echoRow = model.index(3, 0);
    QCOMPARE(echoRow.parent(), QModelIndex());
    QCOMPARE(echoRow.data(EndpointTreeModel::EndpointIdRole).toString(), echo);
    QCOMPARE(echoRow.data(EndpointTreeModel::FolderRole).toString(), QString());
    QCOMPARE(echoRow.data(EndpointTreeModel::IsFolderRole).toBool(), false);
    QCOMPARE(echoRow.data(Qt::ToolTipRole).toString(),
        QStringLiteral("<b>echo</b><br/>ws://127.0.0.1:9001/<br/><i>Double-click or Enter to connect</i>"));

    QCOMPARE(model.indexOfEndpoint(billing), billingRow);
    QCOMPARE(model.indexOfEndpoint(staging), model.index(1, 0, workRow));
    QCOMPARE(model.indexOfEndpoint(feed), model.index(0, 0, archiveRow));
    QCOMPARE(model.indexOfEndpoint(admin), model.index(2, 0));
    QCOMPARE(model.indexOfEndpoint(echo), echoRow);
    QVERIFY(!model.indexOfEndpoint(QStringLiteral("no-such-id")).isValid());
}

void TestEndpointTreeModel::followsEditsMovesAndRemovals()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EndpointStore store(dir.filePath(QStringLiteral("endpoints.json")));
    const QString staging = save(
        store, QStringLiteral("Staging"), QStringLiteral("Work"), QStringLiteral("wss://staging.example.com/ws"));
    const QString billing = save(
        store, QStringLiteral("billing"), QStringLiteral("Work"), QStringLiteral("wss://billing.example.com/ws"));
    const QString echo = save(store, QStringLiteral("echo"), QString(), QStringLiteral("ws://127.0.0.1:9001/"));

    // Populated from the store it is given.
    EndpointTreeModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(names(model), (QStringList { "Work", "echo" }));
    QCOMPARE(names(model, model.index(0, 0)), (QStringList { "billing", "Staging" }));

    // A rename re-sorts within the folder.
    QCOMPARE(save(store, QStringLiteral("Alpha staging"), QStringLiteral("Work"),
                 QStringLiteral("wss://staging.example.com/ws"), staging),
        staging);
    QCOMPARE(names(model, model.index(0, 0)), (QStringList { "Alpha staging", "billing" }));

    // A move into a new folder creates it, sorted before "Work"; a duplicate lands next to its original.
    QCOMPARE(save(store, QStringLiteral("echo"), QStringLiteral("local"), QStringLiteral("ws://127.0.0.1:9001/"), echo),
        echo);
    QCOMPARE(names(model), (QStringList { "local", "Work" }));
    QCOMPARE(names(model, model.index(0, 0)), QStringList { "echo" });
    const QString copy = store.duplicate(billing);
    QVERIFY(!copy.isEmpty());
    QCOMPARE(names(model, model.index(1, 0)), (QStringList { "Alpha staging", "billing", "billing (copy)" }));
    QCOMPARE(model.indexOfEndpoint(copy), model.index(2, 0, model.index(1, 0)));

    // Removing a folder's last endpoint removes the folder.
    QVERIFY(store.remove(echo));
    QCOMPARE(names(model), QStringList { "Work" });
    QVERIFY(!model.indexOfEndpoint(echo).isValid());

    // Cleared.
    QVERIFY(store.remove(staging));
    QVERIFY(store.remove(billing));
    QVERIFY(store.remove(copy));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

void TestEndpointTreeModel::masksUrlsUntilRevealed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EndpointStore store(dir.filePath(QStringLiteral("endpoints.json")));
    EndpointTreeModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    Endpoint e;
    e.name = QStringLiteral("Prices");
    e.folder = QStringLiteral("Live");
    e.options.url = QUrl(QStringLiteral("wss://user:hunter2@api.example.com/live?room=7&token=s3cret"));
    e.options.headers = { { "Authorization", "Bearer abc" }, { "X-Trace", "1" } };
    e.options.reconnect.enabled = true;
    e.options.keepalive.intervalMs = 15000;
    const QString id = store.save(e);
    QVERIFY(!id.isEmpty());

    const QModelIndex row = model.indexOfEndpoint(id);
    QCOMPARE(row, model.index(0, 0, model.index(0, 0)));
    QCOMPARE(row.data().toString(), QStringLiteral("Prices"));
    QCOMPARE(row.data(EndpointTreeModel::SearchTextRole).toString(),
        QStringLiteral("Prices\nLive\nwss://user:••••••@api.example.com/live?room=7&token=••••••"));
    QCOMPARE(row.data(Qt::ToolTipRole).toString(),
        QStringLiteral("<b>Prices</b><br/>wss://user:••••••@api.example.com/live?room=7&amp;token=••••••"
                       "<br/>2 extra header(s)<br/>Reconnects automatically<br/>Keepalive ping every 15 s"
                       "<br/><i>Double-click or Enter to connect</i>"));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRevealSecrets(true);
    QCOMPARE(reset.size(), 1);
    model.setRevealSecrets(true); // no change, no reset
    QCOMPARE(reset.size(), 1);
    const QModelIndex revealed = model.indexOfEndpoint(id);
    QCOMPARE(revealed.data(EndpointTreeModel::SearchTextRole).toString(),
        QStringLiteral("Prices\nLive\nwss://user:hunter2@api.example.com/live?room=7&token=s3cret"));
    QVERIFY(revealed.data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral(
                    "<b>Prices</b><br/>wss://user:hunter2@api.example.com/live?room=7&amp;token=s3cret<br/>")));

    model.setRevealSecrets(false);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.indexOfEndpoint(id).data(EndpointTreeModel::SearchTextRole).toString(),
        QStringLiteral("Prices\nLive\nwss://user:••••••@api.example.com/live?room=7&token=••••••"));
}

QTEST_GUILESS_MAIN(TestEndpointTreeModel)
#include "tst_endpointtreemodel.moc"
