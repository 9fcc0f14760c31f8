// HeaderTableModel under QAbstractItemModelTester: one Name | Value row per header in wire order with repeats
// kept, Latin-1 values, secret values masked until revealed (value() stays real), tooltips that explain standard
// headers, and a new head replacing or clearing the rows.
#include "handshake/headertablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wsi;

class TestHeaderTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsHeadersInWireOrder();
    void masksSecretsUntilRevealed();
    void replacedAndCleared();

private:
    static QString cell(const HeaderTableModel &model, int row, int column);
};

QString TestHeaderTableModel::cell(const HeaderTableModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

void TestHeaderTableModel::showsHeadersInWireOrder()
{
    HeaderTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(HeaderTableModel::NUM_COLUMNS));

    model.setHeaders(
        { { "Upgrade", "websocket" }, { "X-Repeat", "one" }, { "x-repeat", "two" }, { "X-Place", "caf\xe9" } });
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(cell(model, 0, HeaderTableModel::NameColumn), QStringLiteral("Upgrade"));
    QCOMPARE(cell(model, 0, HeaderTableModel::ValueColumn), QStringLiteral("websocket"));
    QCOMPARE(cell(model, 1, HeaderTableModel::NameColumn), QStringLiteral("X-Repeat"));
    QCOMPARE(cell(model, 1, HeaderTableModel::ValueColumn), QStringLiteral("one"));
    QCOMPARE(cell(model, 2, HeaderTableModel::NameColumn), QStringLiteral("x-repeat"));
    QCOMPARE(cell(model, 2, HeaderTableModel::ValueColumn), QStringLiteral("two"));
    QCOMPARE(cell(model, 3, HeaderTableModel::ValueColumn), QStringLiteral("caf\u00e9")); // Latin-1 on the wire
    QCOMPARE(model.index(2, HeaderTableModel::ValueColumn).data(Qt::EditRole).toString(), QStringLiteral("two"));

    // The first of repeated headers, by name in any case.
    QCOMPARE(model.value("X-REPEAT"), QByteArray("one"));
    QCOMPARE(model.value("upgrade"), QByteArray("websocket"));
    QVERIFY(model.value("Host").isNull());

    QCOMPARE(model.index(1, HeaderTableModel::NameColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("<b>X-Repeat</b>: one"));
    QCOMPARE(model.index(0, HeaderTableModel::ValueColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("<b>Upgrade</b>: websocket<br/><br/>Asks to switch protocols; &quot;websocket&quot; in both the "
                       "request and the 101 response."));
    QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).isValid());

    QCOMPARE(model.headerData(HeaderTableModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(model.headerData(HeaderTableModel::ValueColumn, Qt::Horizontal).toString(), QStringLiteral("Value"));
}

void TestHeaderTableModel::masksSecretsUntilRevealed()
{
    HeaderTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHeaders({ { "Authorization", "Bearer abc.def" }, { "Cookie", "sid=42" }, { "X-Api-Key", "k<1>" },
        { "X-Plain", "visible" } });
    QCOMPARE(cell(model, 0, HeaderTableModel::ValueColumn), QStringLiteral("Bearer ••••••"));
    QCOMPARE(cell(model, 1, HeaderTableModel::ValueColumn), QStringLiteral("••••••"));
    QCOMPARE(cell(model, 2, HeaderTableModel::ValueColumn), QStringLiteral("••••••"));
    QCOMPARE(cell(model, 3, HeaderTableModel::ValueColumn), QStringLiteral("visible"));
    QCOMPARE(model.index(2, HeaderTableModel::ValueColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("<b>X-Api-Key</b>: ••••••"));
    QCOMPARE(model.value("Authorization"), QByteArray("Bearer abc.def")); // the real value for copying

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRevealSecrets(true);
    QVERIFY(model.revealSecrets());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, HeaderTableModel::ValueColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(3, HeaderTableModel::ValueColumn));
    QCOMPARE(cell(model, 0, HeaderTableModel::ValueColumn), QStringLiteral("Bearer abc.def"));
    QCOMPARE(cell(model, 1, HeaderTableModel::ValueColumn), QStringLiteral("sid=42"));
    QCOMPARE(model.index(2, HeaderTableModel::ValueColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("<b>X-Api-Key</b>: k&lt;1&gt;"));
    model.setRevealSecrets(true); // no change, no signal
    QCOMPARE(changed.size(), 1);

    model.setRevealSecrets(false);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(cell(model, 1, HeaderTableModel::ValueColumn), QStringLiteral("••••••"));

    // Revealing an empty table emits nothing (there is no row to name).
    HeaderTableModel empty;
    QAbstractItemModelTester emptyTester(&empty, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy emptyChanged(&empty, &QAbstractItemModel::dataChanged);
    empty.setRevealSecrets(true);
    QCOMPARE(emptyChanged.size(), 0);
}

void TestHeaderTableModel::replacedAndCleared()
{
    HeaderTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QList<HeaderTableModel::Header> request { { "Host", "a.example" }, { "Upgrade", "websocket" } };
    model.setHeaders(request);
    QCOMPARE(reset.size(), 1);
    model.setHeaders(request); // the same head again: nothing to redo
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.headers(), request);

    model.setHeaders({ { "Server", "test" }, { "Date", "Mon, 01 Jan 2026 00:00:00 GMT" }, { "Via", "1.1 proxy" } });
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(cell(model, 2, HeaderTableModel::NameColumn), QStringLiteral("Via"));
    QCOMPARE(cell(model, 2, HeaderTableModel::ValueColumn), QStringLiteral("1.1 proxy"));
    QVERIFY(model.value("Host").isNull());

    model.setHeaders({});
    QCOMPARE(reset.size(), 3);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

QTEST_MAIN(TestHeaderTableModel)
#include "tst_headertablemodel.moc"
