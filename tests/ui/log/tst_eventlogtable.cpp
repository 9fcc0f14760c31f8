// EventLogTable: the log's table over ten million rows keeps no state per row (no vertical header), and still
// scrolls, paints, selects with the mouse and moves with the keys like the QTableView it replaced (issue 12).

#include "log/eventlogtable.h"

#include <QAbstractItemModelTester>
#include <QAbstractTableModel>
#include <QHeaderView>
#include <QScrollBar>
#include <QtTest>

#include <memory>

using namespace wsi;

namespace {

// Rows made up on demand ("row 1234" / "col 2"), as many as asked for, growing by append().
class CountingModel : public QAbstractTableModel
{
public:
    explicit CountingModel(int rows)
        : m_rows(rows)
    { }

    void append(int rows)
    {
        beginInsertRows({}, m_rows, m_rows + rows - 1);
        m_rows += rows;
        endInsertRows();
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_rows; }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 3; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole || !index.isValid())
            return {};
        return index.column() == 0 ? QStringLiteral("row %1").arg(index.row())
                                   : QStringLiteral("col %1").arg(index.column());
    }

private:
    int m_rows;
};

constexpr int kTenMillion = 10000000;

} // namespace

class TestEventLogTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<CountingModel>(kTenMillion);
        m_table = std::make_unique<EventLogTable>();
        m_table->setModel(m_model.get());
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
        m_table->horizontalHeader()->setStretchLastSection(true);
        m_table->resize(600, 400);
        m_table->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_table.get()));
    }

    void cleanup()
    {
        m_table.reset();
        m_model.reset();
    }

    void keepsNoHeaderPerRow()
    {
        // The one header is the columns'; nothing in the view counts rows (a QTableView's vertical header
        // holds a section for each of the ten million, hidden or not).
        const QList<QHeaderView *> headers = m_table->findChildren<QHeaderView *>();
        QCOMPARE(headers.size(), 1);
        QCOMPARE(headers.constFirst()->orientation(), Qt::Horizontal);
        QCOMPARE(headers.constFirst()->count(), 3);
        QCOMPARE(m_table->horizontalHeader(), headers.constFirst());
        // Every row as tall as the next: the scroll range is counted in rows.
        const int visible = m_table->viewport()->height() / m_table->rowHeight();
        QCOMPARE(m_table->visibleRowCount(), visible);
        QCOMPARE(m_table->verticalScrollBar()->maximum(), kTenMillion - visible);
    }

    void scrollsToTheLastRowAndPaintsIt()
    {
        m_table->scrollToBottom();
        const QModelIndex last = m_model->index(kTenMillion - 1, 0);
        const QRect rect = m_table->visualRect(last);
        QVERIFY(m_table->viewport()->rect().contains(rect));
        QCOMPARE(m_table->indexAt(rect.center()), last);
        QCOMPARE(m_table->rowAt(rect.center().y()), kTenMillion - 1);
        QCOMPARE(m_table->rowAt(rect.bottom() + m_table->rowHeight()), -1); // below the last row
        QVERIFY(!m_table->grab().isNull());

        m_table->scrollTo(m_model->index(5, 1), QAbstractItemView::PositionAtTop);
        QCOMPARE(m_table->indexAt(QPoint(2, 1)), m_model->index(5, 0));
        QCOMPARE(m_table->visualRect(m_model->index(5, 0)).top(), 0);
    }

    void clickAndShiftClickSelectWholeRows()
    {
        m_table->scrollTo(m_model->index(1000, 0), QAbstractItemView::PositionAtTop);
        QTest::mouseClick(
            m_table->viewport(), Qt::LeftButton, {}, m_table->visualRect(m_model->index(1001, 1)).center());
        QCOMPARE(m_table->currentIndex().row(), 1001);
        QTest::mouseClick(m_table->viewport(), Qt::LeftButton, Qt::ShiftModifier,
            m_table->visualRect(m_model->index(1004, 0)).center());
        QCOMPARE(m_table->currentIndex().row(), 1004);
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 4);
        for (const QModelIndex &row : rows)
            QVERIFY(row.row() >= 1001 && row.row() <= 1004);
        QVERIFY(m_table->selectionModel()->isSelected(m_model->index(1002, 2))); // the whole row
    }

    void keysMoveTheCurrentRow()
    {
        m_table->setFocus();
        m_table->setCurrentIndex(m_model->index(0, 0));
        QTest::keyClick(m_table.get(), Qt::Key_Down);
        QCOMPARE(m_table->currentIndex().row(), 1);
        QTest::keyClick(m_table.get(), Qt::Key_PageDown);
        QCOMPARE(m_table->currentIndex().row(), 1 + m_table->visibleRowCount());
        QTest::keyClick(m_table.get(), Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(m_table->currentIndex().row(), kTenMillion - 1);
        QVERIFY(m_table->viewport()->rect().contains(m_table->visualRect(m_table->currentIndex())));
        QTest::keyClick(m_table.get(), Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(m_table->currentIndex().row(), 0);
        QCOMPARE(m_table->verticalScrollBar()->value(), 0);
    }

    void appendedRowsWidenTheScrollRange()
    {
        CountingModel growing(10);
        QAbstractItemModelTester tester(&growing, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_table->setModel(&growing);
        QCOMPARE(m_table->verticalScrollBar()->maximum(), 0);
        growing.append(5000);
        const int visible = m_table->visibleRowCount();
        QCOMPARE(m_table->verticalScrollBar()->maximum(), 5010 - visible);
        m_table->scrollToBottom();
        QCOMPARE(m_table->rowAt((visible - 1) * m_table->rowHeight()), 5009);
        m_table->setModel(m_model.get()); // before `growing` goes
    }

    void hiddenColumnsTakeNoRoom()
    {
        const int second = m_table->horizontalHeader()->sectionViewportPosition(1);
        m_table->setColumnHidden(0, true);
        QVERIFY(m_table->isColumnHidden(0));
        QVERIFY(!m_table->visualRect(m_model->index(0, 0)).isValid());
        QCOMPARE(m_table->indexAt(QPoint(1, 1)).column(), 1);
        QVERIFY(m_table->horizontalHeader()->sectionViewportPosition(1) < second);
        // Keys keep to the shown columns.
        m_table->setCurrentIndex({});
        QTest::keyClick(m_table.get(), Qt::Key_Down);
        QCOMPARE(m_table->currentIndex().column(), 1);
    }

private:
    std::unique_ptr<CountingModel> m_model;
    std::unique_ptr<EventLogTable> m_table;
};

QTEST_MAIN(TestEventLogTable)
#include "tst_eventlogtable.moc"
