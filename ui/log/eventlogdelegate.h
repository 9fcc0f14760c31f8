#pragma once

#include <QStyledItemDelegate>

namespace wsi {

// Paints event log cells: error rows get a red wash, directions a colour, all without per-cell widgets.
class EventLogDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EventLogDelegate(QObject *parent = nullptr);
    ~EventLogDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace wsi
