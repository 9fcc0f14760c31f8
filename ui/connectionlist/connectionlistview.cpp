#include "connectionlist/connectionlistview.h"

#include "connectionlist/connectiondelegate.h"

#include <QPainter>

namespace wsi {

ConnectionListView::ConnectionListView(QWidget *parent)
    : QListView(parent)
{
    setObjectName(QStringLiteral("connectionList"));
    setItemDelegate(new ConnectionDelegate(this));
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setMouseTracking(true);
    // What the delegate does with a long URL; the full text is in the tooltip.
    setTextElideMode(Qt::ElideMiddle);
}

ConnectionListView::~ConnectionListView() = default;

void ConnectionListView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (model() && model()->rowCount() > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(12, 12, -12, -12), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
        tr("No connections yet.\nEach connection you open is listed here with its state and counters."));
}

} // namespace wsi
