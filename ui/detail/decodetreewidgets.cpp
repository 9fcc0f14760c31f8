// DecodeTreeWidgets: the note label and the tree the Decoded and Binary tabs both show a decoded message with.
#include "detail/decodetreewidgets.h"

#include "common/theme.h"
#include "detail/jsontreemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>

namespace wsi {

QLabel *DecodeTreeWidgets::noteLabel(const QString &objectName, QWidget *parent)
{
    auto *note = new QLabel(parent);
    note->setObjectName(objectName);
    note->setWordWrap(true);
    note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette pal = note->palette();
    pal.setColor(QPalette::WindowText, theme::toneForeground(theme::Tone::Warning, pal));
    note->setPalette(pal);
    note->hide();
    return note;
}

QTreeView *DecodeTreeWidgets::tree(const QString &objectName, JsonTreeModel *model, QWidget *parent)
{
    auto *tree = new QTreeView(parent);
    tree->setObjectName(objectName);
    tree->setModel(model);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->header()->resizeSection(JsonTreeModel::KeyColumn, 200);
    tree->header()->resizeSection(JsonTreeModel::ValueColumn, 320);
    // It scrolls: a low minimum keeps the Decoded and Binary tabs from setting the payload pane's minimum
    // height, which the event log above it would pay for.
    tree->setMinimumHeight(40);
    return tree;
}

} // namespace wsi
