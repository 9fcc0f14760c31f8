// FlowLayout: a row of widget groups that wraps onto further lines when the row is narrower than all of them.
#include "common/flowlayout.h"

#include <QHBoxLayout>
#include <QSpacerItem>
#include <QStyle>
#include <QWidget>

namespace wsi {

namespace {

// A spacer is "empty" to Qt, yet it takes part: it has no width of its own and no gap beside it, as in a QBoxLayout.
bool takesPart(QLayoutItem *item)
{
    return !item->isEmpty() || item->spacerItem();
}

} // namespace

FlowLayout::FlowLayout(QWidget *parent, int spacing)
    : QLayout(parent)
{
    setContentsMargins(0, 0, 0, 0);
    if (spacing >= 0)
        setSpacing(spacing);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

QBoxLayout *FlowLayout::addGroup(Growth growth)
{
    auto *group = new QHBoxLayout;
    group->setContentsMargins(0, 0, 0, 0);
    addChildLayout(group);
    m_items.append(group);
    if (growth == Growth::TakesRoomLeft)
        m_growingGroups.append(group);
    invalidate();
    return group;
}

void FlowLayout::addStretch()
{
    addItem(new QSpacerItem(0, 0, QSizePolicy::Expanding, QSizePolicy::Minimum));
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
    invalidate();
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    QLayoutItem *item = m_items.takeAt(index);
    m_growingGroups.removeOne(item);
    invalidate();
    return item;
}

// Spacers and widgets that expand (a filter field) take the room left on their line. A group only when asked: one
// with a line edit in it would otherwise widen its push buttons too.
bool FlowLayout::grows(QLayoutItem *item) const
{
    if (m_growingGroups.contains(item))
        return true;
    return (item->spacerItem() || item->widget()) && (item->expandingDirections() & Qt::Horizontal);
}

// A growing widget given a minimum width needs only that much of a line: it takes what the line leaves after the
// items beside it (a filter field shares its line with the toggles instead of taking one of its own).
int FlowLayout::placedWidth(QLayoutItem *item) const
{
    const int hint = item->sizeHint().width();
    const QWidget *widget = item->widget();
    if (widget && widget->minimumWidth() > 0 && grows(item))
        return qMin(hint, widget->minimumWidth());
    return hint;
}

int FlowLayout::gap() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *owner = parentWidget();
    return owner ? owner->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, owner) : 6;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins margins = contentsMargins();
    size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
    if (m_laidOutHeight > 0)
        size.setHeight(m_laidOutHeight);
    return size;
}

QSize FlowLayout::sizeHint() const
{
    // One line: what the row would take if nothing wrapped.
    int width = 0;
    int height = 0;
    int shown = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue; // a spacer adds nothing
        width += item->sizeHint().width();
        height = qMax(height, item->sizeHint().height());
        ++shown;
    }
    width += gap() * qMax(0, shown - 1);
    const QMargins margins = contentsMargins();
    height += margins.top() + margins.bottom();
    return { width + margins.left() + margins.right(), qMax(height, m_laidOutHeight) };
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    const int height = arrange(rect, true);
    if (height != m_laidOutHeight) {
        // The row wrapped onto more or fewer lines: the layouts above ask for the new minimum on their next pass
        // (posted, and it settles: the same width gives the same lines).
        m_laidOutHeight = height;
        invalidate();
    }
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int space = gap();
    int top = area.y();
    int index = 0;
    while (index < m_items.size()) {
        // Gather one line: as many items as fit (at least one, however narrow the row).
        QList<QLayoutItem *> line;
        int used = 0;
        int height = 0;
        for (; index < m_items.size(); ++index) {
            QLayoutItem *item = m_items.at(index);
            if (!takesPart(item))
                continue;
            const int width = placedWidth(item);
            const int needed = used + width + (used > 0 && !item->spacerItem() ? space : 0);
            if (!line.isEmpty() && needed > area.width())
                break;
            line.append(item);
            used = needed;
            height = qMax(height, item->sizeHint().height());
        }
        if (line.isEmpty())
            break;
        // The room left goes to what grows on this line; an item wider than the row is narrowed to it.
        int stretches = 0;
        for (QLayoutItem *item : line)
            stretches += grows(item);
        const int left = qMax(0, area.width() - used);
        if (apply) {
            int x = area.x();
            for (QLayoutItem *item : line) {
                int width = qMin(placedWidth(item), area.width());
                if (grows(item))
                    width = qMin(width + left / stretches, item->maximumSize().width());
                width = qMax(width, qMin(item->minimumSize().width(), area.width()));
                // Items of a line share its height and are centred in it, as a QHBoxLayout's are.
                const int itemHeight = qMin(height, qMax(item->sizeHint().height(), item->minimumSize().height()));
                item->setGeometry(QRect(x, top + (height - itemHeight) / 2, width, itemHeight));
                x += width + (item->spacerItem() ? 0 : space);
            }
        }
        top += height + space;
    }
    const QMargins margins = contentsMargins();
    const int used = top - area.y() - (top > area.y() ? space : 0);
    return used + margins.top() + margins.bottom();
}

} // namespace wsi
