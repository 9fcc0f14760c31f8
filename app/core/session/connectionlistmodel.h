#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace wsi {

class Connection;
class Workspace;

// The sidebar list: one row per connection, newest last. Counter updates are coalesced.
class ConnectionListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ConnectionRole = Qt::UserRole, // QObject* of the Connection
        StateRole,                     // int: Connection::State
        StateTextRole,                 // QString: "open", "failed", ...
        CountersTextRole,              // QString: "12 in, 3 out"
        UrlRole,                       // QString
        StatusTextRole,                // QString: why it failed/closed
        GroupRole,                     // int: auto-reconnect endpoint group (the first attempt's id), 0 if none
        AttemptRole,                   // int: 1 for the first connection to the endpoint, 2 for the first reconnect...
    };

    explicit ConnectionListModel(Workspace *workspace, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    Connection *connectionAt(int row) const;
    int rowOf(const Connection *connection) const;
    // URLs (DisplayRole, UrlRole, tooltips) have their secret query values and passwords masked unless revealed.
    void setRevealSecrets(bool reveal);

private:
    void onConnectionChanged(Connection *connection);
    void flushChanges();

    Workspace *m_workspace;
    QSet<Connection *> m_dirty;
    QTimer m_coalesceTimer;
    bool m_reveal = false;
};

} // namespace wsi
