#pragma once

#include <QAbstractItemView>

class QHeaderView;

namespace wsi {

// The event log's table: rows of one fixed height under a column header, painted only where they are visible,
// with no state per row. A QTableView's vertical header keeps a section (8 bytes) per row even hidden and of
// fixed size, and recomputes their positions after every insert: 76 MiB and a walk over ten million rows per
// batch after a 10 M message flood (issue 12). Here a row's place is its number times the row height, so a
// million rows cost what ten do. It offers the part of QTableView's interface the log uses (the horizontal
// header, hidden columns, rowAt()); scrolling is per row, as in the table it replaces.
class EventLogTable : public QAbstractItemView
{
    Q_OBJECT
public:
    explicit EventLogTable(QWidget *parent = nullptr);
    ~EventLogTable() override;

    void setModel(QAbstractItemModel *model) override;
    QHeaderView *horizontalHeader() const { return m_header; }
    void setColumnHidden(int column, bool hide);
    bool isColumnHidden(int column) const;
    int columnWidth(int column) const;
    // Every row is this tall (pixels); the view never measures a row.
    void setRowHeight(int height);
    int rowHeight() const { return m_rowHeight; }
    // The model row at this viewport y, or -1 below the last row.
    int rowAt(int y) const;
    // Rows that fit the viewport whole (at least 1).
    int visibleRowCount() const;

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void paintEvent(QPaintEvent *event) override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;

private:
    int rowCount() const;
    int firstVisibleColumn() const;
    QModelIndex indexAtRow(int row, int column) const;
    void onLayoutChanged();

    QHeaderView *m_header = nullptr;
    int m_rowHeight = 20;
    bool m_inGeometryUpdate = false;
};

} // namespace wsi
