// FittedColumn: keeps one column of a view as wide as its contents, and never more than a share of the view.
#pragma once

#include <QObject>

class QAbstractItemView;
class QHeaderView;

namespace wsi {

// A label column (a header's name, a check's name) sized once, fixed or to its contents, hid the values beside it in
// a narrow pane (a laptop with a dock open left the Handshake view's panes ~200 px, the name column took 190 of them)
// and wasted room in a wide one. Fitted to its longest text whenever the rows or the view's width change, and capped
// at a share of the width, the columns that stretch beside it always keep the rest. For short lists (tens of rows):
// every row is measured.
class FittedColumn : public QObject
{
public:
    // Watches view's model and its viewport's width (parented to view); header is the view's horizontal header.
    FittedColumn(QAbstractItemView *view, QHeaderView *header, int column, int maxPercent);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitSoon();
    void fit();

    QAbstractItemView *m_view;
    QHeaderView *m_header;
    int m_column;
    int m_maxPercent;
    bool m_fitPosted = false;
};

} // namespace wsi
