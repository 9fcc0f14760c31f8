#pragma once

#include <QStyledItemDelegate>

class QFontMetrics;

namespace wsi {

// A sidebar row: the URL on top, a coloured state badge and the counters below.
class ConnectionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ConnectionDelegate(QObject *parent = nullptr);
    ~ConnectionDelegate() override;

    // A title that does not fit loses the middle of its path, never its host: "wss://host…/end". Names that are
    // no URL (a test server's client) lose their middle.
    static QString elidedTitle(const QString &title, const QFontMetrics &metrics, int width);

    // The URL line as painted in a row of this size: the title elided to the room left by "#id" and the arrow.
    static QString shownTitle(const QStyleOptionViewItem &option, const QModelIndex &index);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Tooltip: the full URL, state and, when something went wrong, why.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    struct TitleLine
    {
        QString idText;
        QRect idRect;
        QString title;
        QRect titleRect;
    };
    static TitleLine titleLine(const QStyleOptionViewItem &option, const QModelIndex &index);
};

} // namespace wsi
