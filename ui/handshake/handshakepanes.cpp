#include "handshake/handshakepanes.h"

#include "common/fittedcolumn.h"
#include "common/theme.h"
#include "handshake/headertablemodel.h"

#include <QHeaderView>
#include <QPlainTextEdit>
#include <QTableView>

namespace wsi {

QTableView *HandshakePanes::headerTable(HeaderTableModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    new FittedColumn(view, view->horizontalHeader(), HeaderTableModel::NameColumn, 50);
    return view;
}

QPlainTextEdit *HandshakePanes::rawView(const QString &objectName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(theme::monospaceFont());
    return edit;
}

} // namespace wsi
