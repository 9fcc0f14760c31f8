// ConnectionSelection: keeps the connection list's selection and the view state's current connection in step.
#include "shell/connectionselection.h"

#include "common/viewstate.h"
#include "connection/connection.h"
#include "models/connectionlistmodel.h"

#include <QListView>

namespace wsi {

ConnectionSelection::ConnectionSelection(
    QListView *list, ConnectionListModel *model, ViewState *viewState, QObject *parent)
    : QObject(parent)
    , m_list(list)
    , m_model(model)
    , m_viewState(viewState)
{
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConnectionSelection::onRowsInserted);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ConnectionSelection::onCurrentRowChanged);
}

ConnectionSelection::~ConnectionSelection() = default;

void ConnectionSelection::onRowsInserted(const QModelIndex &, int first, int last)
{
    // What the user opened (a connection, an import) is shown at once. A client arriving at the test server
    // is only listed while another connection is selected: it must not take the composer away from the
    // connection the user is typing to, nor move the selection under a click.
    for (int row = last; row >= first; --row) {
        const Connection *c = m_model->connectionAt(row);
        const bool arrived = c && c->kind() == Connection::Kind::Incoming && !c->isImported();
        if (!arrived || !m_viewState->currentConnection()) {
            selectRow(row);
            return;
        }
    }
}

void ConnectionSelection::selectRow(int row)
{
    // The selection alone: QAbstractItemView::setCurrentIndex() would read the keyboard modifiers still held
    // from a shortcut (Ctrl+Shift+K: Connect to It) and add the row to the old selection instead.
    m_list->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ConnectionSelection::select(Connection *connection)
{
    const int row = connection ? m_model->rowOf(connection) : -1;
    if (row >= 0)
        selectRow(row);
    else if (connection)
        m_viewState->setCurrentConnection(connection); // not listed yet: the list will catch up
}

QList<Connection *> ConnectionSelection::selected() const
{
    QList<Connection *> connections;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows()) {
        if (Connection *c = m_model->connectionAt(index.row()))
            connections << c;
    }
    return connections;
}

void ConnectionSelection::onCurrentRowChanged()
{
    const QModelIndex current = m_list->currentIndex();
    m_viewState->setCurrentConnection(current.isValid() ? m_model->connectionAt(current.row()) : nullptr);
}

} // namespace wsi
