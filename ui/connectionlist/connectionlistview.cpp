#include "connectionlist/connectionlistview.h"

#include "connectionlist/connectiondelegate.h"
#include "models/connectionlistmodel.h"

#include <QEvent>
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

void ConnectionListView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // The rows' state and counters are words the model makes when asked; the delegate paints its tags.
        if (auto *connections = qobject_cast<ConnectionListModel *>(model()))
            connections->retranslate();
        viewport()->update();
    }
    QListView::changeEvent(event);
}

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
