// FittedColumn: keeps one column of a view as wide as its contents, and never more than a share of the view.
#include "common/fittedcolumn.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>

namespace wsi {

FittedColumn::FittedColumn(QAbstractItemView *view, QHeaderView *header, int column, int maxPercent)
    : QObject(view)
    , m_view(view)
    , m_header(header)
    , m_column(column)
    , m_maxPercent(maxPercent)
{
    header->setSectionResizeMode(column, QHeaderView::Interactive);
    view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &FittedColumn::fitSoon);
    connect(model, &QAbstractItemModel::rowsInserted, this, &FittedColumn::fitSoon);
    connect(model, &QAbstractItemModel::dataChanged, this, &FittedColumn::fitSoon);
    fit();
}

void FittedColumn::fitSoon()
{
    // Posted: a view being destroyed deletes its model after its header, and the model's last reset would reach a
    // header that is gone; this object goes with the view before any posted call runs. It also makes one fit of a
    // burst of changes.
    if (m_fitPosted)
        return;
    m_fitPosted = true;
    QMetaObject::invokeMethod(this, &FittedColumn::fit, Qt::QueuedConnection);
}

bool FittedColumn::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void FittedColumn::fit()
{
    m_fitPosted = false;
    const int contents = qMax(m_view->sizeHintForColumn(m_column), m_header->sectionSizeHint(m_column));
    const int cap = m_view->viewport()->width() * m_maxPercent / 100;
    m_header->resizeSection(m_column, qMax(40, qMin(contents, cap)));
}

} // namespace wsi
