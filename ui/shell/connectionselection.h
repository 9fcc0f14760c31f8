// ConnectionSelection: keeps the connection list's selection and the view state's current connection in step.
#pragma once

#include <QObject>

class QListView;
class QModelIndex;

namespace wsi {

class Connection;
class ConnectionListModel;
class ViewState;

// The list's current row is the connection every panel shows. New rows are selected when the user opened them;
// a client arriving at the test server is not, while something else is selected.
class ConnectionSelection : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionSelection(
        QListView *list, ConnectionListModel *model, ViewState *viewState, QObject *parent = nullptr);
    ~ConnectionSelection() override;

    void select(Connection *connection);
    // The selected connections, in list order.
    QList<Connection *> selected() const;

private:
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onCurrentRowChanged();
    void selectRow(int row);

    QListView *m_list;
    ConnectionListModel *m_model;
    ViewState *m_viewState;
};

} // namespace wsi
