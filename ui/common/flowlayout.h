// FlowLayout: a row of widget groups that wraps onto further lines when the row is narrower than all of them.
#pragma once

#include <QLayout>
#include <QList>

class QBoxLayout;

namespace wsi {

// A tool row that would otherwise set the window's minimum width: the composer's format bar and its control row
// held the messages area at 700-750 px, so a Test Server or Proxy dock beside them was squeezed to a sliver on a
// laptop screen. Laid out here, the row keeps its one-line look when there is room and wraps group by group
// (a label stays with its spin box) when there is not; the layout's minimum width is its widest group.
// A spacer (addStretch) or a widget that expands horizontally takes the room left on its line, as in a QHBoxLayout;
// such a widget with a minimum width set is placed at that width (else at its size hint) before it takes the rest.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr, int spacing = -1);
    ~FlowLayout() override;

    // A group of widgets that always stays on one line (owned by this layout; its widgets by the parent widget).
    // TakesRoomLeft: the group grows into the room left on its line, up to its maximum width, as an expanding widget
    // does (a find field with its arrows); give the widget that should take it a stretch factor in the group.
    enum class Growth { Fixed, TakesRoomLeft };
    QBoxLayout *addGroup(Growth growth = Growth::Fixed);
    // Takes the room left on its line.
    void addStretch();
    void addWidget(QWidget *widget) { QLayout::addWidget(widget); }

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return Qt::Horizontal; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Lays the items out in rect (or only measures when apply is false) and returns the height used.
    int arrange(const QRect &rect, bool apply) const;
    int gap() const;
    bool grows(QLayoutItem *item) const;
    int placedWidth(QLayoutItem *item) const;

    QList<QLayoutItem *> m_items;
    QList<QLayoutItem *> m_growingGroups;
    // The height the last layout took at its width. Splitters and docks ask for minimum sizes, not heights for a
    // width: the minimum height is that of the lines the row wraps onto now, so a wrapped line is never cut.
    int m_laidOutHeight = -1;
};

} // namespace wsi
