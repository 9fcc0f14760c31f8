// FittedColumn: a label column as wide as its longest text and never past its share of the view, so the values beside
// it stay readable in a narrow pane (the Handshake view on a laptop with a dock open) and get the room of a wide one.
#include "common/fittedcolumn.h"
#include "handshake/handshakepanes.h"
#include "handshake/headertablemodel.h"

#include <QHeaderView>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace wsi;

class TestFittedColumn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aHeaderTablesNamesFitAndLeaveTheValuesHalf();
    void aTreesFirstColumnKeepsToItsShare();
};

// What the longest text of a column needs (the views' own overrides are protected; the base class's is public).
static int contentsWidth(const QAbstractItemView *view, int column)
{
    return view->sizeHintForColumn(column);
}

void TestFittedColumn::aHeaderTablesNamesFitAndLeaveTheValuesHalf()
{
    HeaderTableModel model;
    QWidget parent;
    QTableView *table = HandshakePanes::headerTable(&model, QStringLiteral("requestHeadersTable"), &parent);
    table->resize(700, 300);
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    QHeaderView *header = table->horizontalHeader();
    const int name = HeaderTableModel::NameColumn;

    model.setHeaders({ { "Host", "127.0.0.1:9011" }, { "Upgrade", "websocket" } });
    QTRY_VERIFY(header->sectionSize(name) >= contentsWidth(table, name));
    const int shortNames = header->sectionSize(name);
    QVERIFY2(shortNames >= contentsWidth(table, name), qPrintable(QString::number(shortNames)));
    QVERIFY2(shortNames < 190, qPrintable(QString::number(shortNames))); // the old fixed width wasted the rest

    // A longer name widens it to fit.
    model.setHeaders({ { "Host", "127.0.0.1:9011" }, { "Sec-WebSocket-Extensions", "permessage-deflate" } });
    QTRY_VERIFY(header->sectionSize(name) > shortNames);
    const int longNames = header->sectionSize(name);
    QVERIFY2(longNames > shortNames, qPrintable(QStringLiteral("%1 <= %2").arg(longNames).arg(shortNames)));
    QVERIFY(longNames >= contentsWidth(table, name));

    // Narrow: at most half the table; the value column (stretched) gets the rest.
    table->resize(220, 300);
    QTRY_VERIFY(header->sectionSize(name) <= table->viewport()->width() / 2);
    QVERIFY(header->sectionSize(HeaderTableModel::ValueColumn) >= table->viewport()->width() / 2);
    // And back when there is room again.
    table->resize(700, 300);
    QTRY_COMPARE(header->sectionSize(name), longNames);
}

// As the Handshake view's checks: the check's name first, the expected and actual values stretched beside it.
void TestFittedColumn::aTreesFirstColumnKeepsToItsShare()
{
    QTreeWidget tree;
    tree.setColumnCount(3);
    tree.header()->setSectionResizeMode(1, QHeaderView::Stretch);
    tree.header()->setSectionResizeMode(2, QHeaderView::Stretch);
    tree.header()->setStretchLastSection(false);
    new FittedColumn(&tree, tree.header(), 0, 40);
    tree.resize(800, 200);
    tree.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tree));
    tree.addTopLevelItems({ new QTreeWidgetItem({ QStringLiteral("Sec-WebSocket-Extensions"),
                                QStringLiteral("(none requested)"), QStringLiteral("(none)") }),
        new QTreeWidgetItem({ QStringLiteral("Status"), QStringLiteral("101"), QStringLiteral("101") }) });
    QTRY_COMPARE(tree.header()->sectionSize(0), qMax(contentsWidth(&tree, 0), tree.header()->sectionSizeHint(0)));

    tree.resize(260, 200);
    QTRY_VERIFY(tree.header()->sectionSize(0) <= tree.viewport()->width() * 40 / 100);
    QVERIFY(tree.header()->sectionSize(1) + tree.header()->sectionSize(2) >= tree.viewport()->width() * 60 / 100 - 1);
}

QTEST_MAIN(TestFittedColumn)
#include "tst_fittedcolumn.moc"
