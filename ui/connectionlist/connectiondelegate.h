#pragma once

#include <QStyledItemDelegate>

namespace wsi {

// A sidebar row: the URL on top, a coloured state badge and the counters below.
class ConnectionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ConnectionDelegate(QObject *parent = nullptr);
    ~ConnectionDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Tooltip: the full URL, state and, when something went wrong, why.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;
};

} // namespace wsi
