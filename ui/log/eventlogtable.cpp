#include "log/eventlogtable.h"

#include "store/slowturnlog.h"

#include <QHeaderView>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

namespace wsi {

EventLogTable::EventLogTable(QWidget *parent)
    : QAbstractItemView(parent)
    , m_header(new QHeaderView(Qt::Horizontal, this))
{
    m_header->setSectionsClickable(false);
    m_header->setHighlightSections(false);
    // The header's width follows the viewport, its length the columns; both change the scroll range.
    connect(m_header, &QHeaderView::sectionResized, this, [this] {
        updateGeometries();
        viewport()->update();
    });
    connect(m_header, &QHeaderView::sectionCountChanged, this, &EventLogTable::updateGeometries);
    connect(m_header, &QHeaderView::geometriesChanged, this, &EventLogTable::updateGeometries);
    setHorizontalScrollMode(ScrollPerPixel);
    setVerticalScrollMode(ScrollPerItem);
    m_rowHeight = fontMetrics().height() + 6;
}

EventLogTable::~EventLogTable() = default;

void EventLogTable::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        disconnect(old, nullptr, this, nullptr);
    QAbstractItemView::setModel(model);
    m_header->setModel(model);
    if (model) {
        // Rows going away leave a shorter scroll range (an insert is handled in rowsInserted()).
        connect(model, &QAbstractItemModel::rowsRemoved, this, &EventLogTable::onLayoutChanged);
        connect(model, &QAbstractItemModel::layoutChanged, this, &EventLogTable::onLayoutChanged);
    }
    updateGeometries();
}

void EventLogTable::onLayoutChanged()
{
    updateGeometries();
    viewport()->update();
}

void EventLogTable::setColumnHidden(int column, bool hide)
{
    m_header->setSectionHidden(column, hide);
}

bool EventLogTable::isColumnHidden(int column) const
{
    return m_header->isSectionHidden(column);
}

int EventLogTable::columnWidth(int column) const
{
    return m_header->sectionSize(column);
}

void EventLogTable::setRowHeight(int height)
{
    m_rowHeight = qMax(1, height);
    updateGeometries();
    viewport()->update();
}

int EventLogTable::rowCount() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

int EventLogTable::visibleRowCount() const
{
    return qMax(1, viewport()->height() / m_rowHeight);
}

int EventLogTable::rowAt(int y) const
{
    if (y < 0)
        return -1;
    const qint64 row = qint64(verticalScrollBar()->value()) + y / m_rowHeight;
    return row < rowCount() ? int(row) : -1;
}

int EventLogTable::firstVisibleColumn() const
{
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        if (!m_header->isSectionHidden(logical))
            return logical;
    }
    return -1;
}

QModelIndex EventLogTable::indexAtRow(int row, int column) const
{
    if (!model() || row < 0 || row >= rowCount())
        return {};
    return model()->index(row, column < 0 ? qMax(0, firstVisibleColumn()) : column, rootIndex());
}

QRect EventLogTable::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.parent() != rootIndex() || isColumnHidden(index.column()))
        return {};
    // Rows far above or below the viewport get a rectangle out of sight, clamped so that it cannot overflow.
    const qint64 y = (qint64(index.row()) - verticalScrollBar()->value()) * m_rowHeight;
    const int clampedY = int(qBound(-(qint64(1) << 29), y, qint64(1) << 29));
    return QRect(m_header->sectionViewportPosition(index.column()), clampedY, m_header->sectionSize(index.column()),
        m_rowHeight);
}

void EventLogTable::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid() || index.parent() != rootIndex())
        return;
    updateGeometries(); // rows inserted since the last layout are within reach
    const int row = index.row();
    const int first = verticalScrollBar()->value();
    const int visible = visibleRowCount();
    switch (hint) {
    case PositionAtTop:
        verticalScrollBar()->setValue(row);
        break;
    case PositionAtBottom:
        verticalScrollBar()->setValue(row - visible + 1);
        break;
    case PositionAtCenter:
        verticalScrollBar()->setValue(row - visible / 2);
        break;
    case EnsureVisible:
        if (row < first)
            verticalScrollBar()->setValue(row);
        else if (row >= first + visible)
            verticalScrollBar()->setValue(row - visible + 1);
        break;
    }
    if (isColumnHidden(index.column()))
        return;
    const int left = m_header->sectionViewportPosition(index.column());
    const int right = left + m_header->sectionSize(index.column());
    QScrollBar *bar = horizontalScrollBar();
    if (left < 0)
        bar->setValue(bar->value() + left);
    else if (right > viewport()->width())
        bar->setValue(bar->value() + qMin(left, right - viewport()->width()));
}

QModelIndex EventLogTable::indexAt(const QPoint &point) const
{
    const int row = rowAt(point.y());
    const int column = m_header->logicalIndexAt(point.x());
    if (row < 0 || column < 0)
        return {};
    return model()->index(row, column, rootIndex());
}

QModelIndex EventLogTable::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    const int rows = rowCount();
    if (rows == 0)
        return {};
    const QModelIndex current = currentIndex();
    const int column = current.isValid() ? current.column() : firstVisibleColumn();
    if (!current.isValid())
        return indexAtRow(0, column);
    const int row = current.row();
    switch (cursorAction) {
    case MoveUp:
    case MovePrevious:
        return indexAtRow(qMax(0, row - 1), column);
    case MoveDown:
    case MoveNext:
        return indexAtRow(qMin(rows - 1, row + 1), column);
    case MovePageUp:
        return indexAtRow(qMax(0, row - visibleRowCount()), column);
    case MovePageDown:
        return indexAtRow(qMin(rows - 1, row + visibleRowCount()), column);
    case MoveHome:
        return indexAtRow(0, column);
    case MoveEnd:
        return indexAtRow(rows - 1, column);
    case MoveLeft:
    case MoveRight:
        return current; // selection is by rows: left and right move nothing
    }
    return current;
}

int EventLogTable::horizontalOffset() const
{
    return horizontalScrollBar()->value();
}

int EventLogTable::verticalOffset() const
{
    return verticalScrollBar()->value() * m_rowHeight;
}

bool EventLogTable::isIndexHidden(const QModelIndex &index) const
{
    return isColumnHidden(index.column());
}

void EventLogTable::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    const QRect area = rect.normalized();
    const int rows = rowCount();
    const int columns = model() ? model()->columnCount(rootIndex()) : 0;
    QItemSelection selection;
    if (rows > 0 && columns > 0 && area.bottom() >= 0) {
        const int top = qMax(0, verticalScrollBar()->value() + qMax(0, area.top()) / m_rowHeight);
        const int bottom = qMin(rows - 1, verticalScrollBar()->value() + area.bottom() / m_rowHeight);
        if (top <= bottom)
            selection.select(model()->index(top, 0, rootIndex()), model()->index(bottom, columns - 1, rootIndex()));
    }
    selectionModel()->select(selection, command);
}

QRegion EventLogTable::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    const QRect shown = viewport()->rect();
    const qint64 first = verticalScrollBar()->value();
    for (const QItemSelectionRange &range : selection) {
        if (!range.isValid() || range.parent() != rootIndex())
            continue;
        // Whole rows (selection is by rows), clamped to the viewport before they can overflow an int.
        const qint64 top = qMax<qint64>(-1, range.top() - first) * m_rowHeight;
        const qint64 bottom = qMin<qint64>(visibleRowCount() + 1, range.bottom() - first + 1) * m_rowHeight;
        if (bottom > top)
            region += QRect(0, int(top), shown.width(), int(bottom - top)).intersected(shown);
    }
    return region;
}

void EventLogTable::paintEvent(QPaintEvent *event)
{
    const SlowTurnLog::Section section("log.paint");
    const int rows = rowCount();
    if (rows == 0 || !model())
        return;
    QPainter painter(viewport());
    QStyleOptionViewItem base;
    initViewItemOption(&base);
    base.showDecorationSelected = true; // as QTableView: a selected row is selected across its cells
    const QRect area = event->rect();
    const QModelIndex current = currentIndex();
    const QItemSelectionModel *selection = selectionModel();
    const int first = rowAt(qMax(0, area.top()));
    if (first < 0)
        return;
    const int last = qMin(rows - 1, first + area.height() / m_rowHeight + 1);
    for (int row = first; row <= last; ++row) {
        const int y = (row - verticalScrollBar()->value()) * m_rowHeight;
        for (int visual = 0; visual < m_header->count(); ++visual) {
            const int column = m_header->logicalIndex(visual);
            if (m_header->isSectionHidden(column))
                continue;
            const QRect cell(m_header->sectionViewportPosition(column), y, m_header->sectionSize(column), m_rowHeight);
            if (!cell.intersects(area))
                continue;
            const QModelIndex index = model()->index(row, column, rootIndex());
            QStyleOptionViewItem option = base;
            option.rect = cell;
            if (selection && selection->isSelected(index))
                option.state |= QStyle::State_Selected;
            if (index == current && hasFocus())
                option.state |= QStyle::State_HasFocus;
            itemDelegateForIndex(index)->paint(&painter, option, index);
        }
    }
}

void EventLogTable::updateGeometries()
{
    // Setting the margins resizes the viewport, which asks for this again.
    if (m_inGeometryUpdate)
        return;
    m_inGeometryUpdate = true;
    const int headerHeight = m_header->isHidden()
        ? 0
        : qBound(m_header->minimumHeight(), m_header->sizeHint().height(), m_header->maximumHeight());
    setViewportMargins(0, headerHeight, 0, 0);
    const QRect shown = viewport()->geometry();
    m_header->setGeometry(shown.left(), shown.top() - headerHeight, shown.width(), headerHeight);

    const int visible = visibleRowCount();
    verticalScrollBar()->setSingleStep(1);
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, qMax(0, rowCount() - visible));
    horizontalScrollBar()->setSingleStep(qMax(1, fontMetrics().horizontalAdvance(QLatin1Char('0')) * 2));
    horizontalScrollBar()->setPageStep(shown.width());
    horizontalScrollBar()->setRange(0, qMax(0, m_header->length() - shown.width()));
    m_inGeometryUpdate = false;
    QAbstractItemView::updateGeometries();
}

void EventLogTable::scrollContentsBy(int dx, int dy)
{
    if (dx != 0)
        m_header->setOffset(horizontalScrollBar()->value());
    if (dx != 0 || dy != 0)
        viewport()->update();
}

void EventLogTable::rowsInserted(const QModelIndex &parent, int start, int end)
{
    const SlowTurnLog::Section section("table.insert");
    QAbstractItemView::rowsInserted(parent, start, end);
    if (parent != rootIndex())
        return;
    // Only the scroll range changes, and the rows that land in sight need painting.
    updateGeometries();
    const int first = verticalScrollBar()->value();
    if (end >= first && start <= first + visibleRowCount())
        viewport()->update();
}

} // namespace wsi
