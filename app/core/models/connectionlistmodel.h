// ConnectionListModel: the connections sidebar: every connection with its state and counters.
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace wsi {

class Connection;
class Workspace;

// The sidebar list: one row per connection, newest last. Counter updates are coalesced into one dataChanged
// range per flush. New rows normally appear at once, but when connections arrive in a burst (thousands of test
// server clients) they are inserted in batches, one beginInsertRows per event-loop turn or per 50 ms while the
// burst lasts: each insert makes the views and the window do work, and 10,000 of them froze the window.
// The model keeps its own row list and a Connection-to-row hash so that every lookup is O(1).
class ConnectionListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ConnectionRole = Qt::UserRole, // QObject* of the Connection
        StateRole, // int: Connection::State
        StateTextRole, // QString: "open", "failed", ...
        CountersTextRole, // QString: "12 in, 3 out"
        UrlRole, // QString
        StatusTextRole, // QString: why it failed/closed
        GroupRole, // int: auto-reconnect endpoint group (the first attempt's id), 0 if none
        AttemptRole, // int: 1 for the first connection to the endpoint, 2 for the first reconnect...
        TitleRole, // QString: the URL, or for a test server's client "client PEER TARGET"
    };

    explicit ConnectionListModel(Workspace *workspace, QObject *parent = nullptr);

    // After a language change: the texts made on demand (tooltips, counts) are asked for again.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    Connection *connectionAt(int row) const;
    // -1 if the connection is not listed (yet: it may wait in a batch of a burst).
    int rowOf(const Connection *connection) const;
    // Connections added to the workspace but not yet inserted as rows.
    int pendingCount() const { return int(m_pending.size()); }
    // Inserts the waiting connections now (tests, and callers that need every connection listed).
    void flushPendingRows();
    // URLs and titles (DisplayRole, UrlRole, TitleRole, tooltips) have their secret query values and passwords masked
    // unless revealed.
    void setRevealSecrets(bool reveal);

private:
    void onConnectionAdded(Connection *connection);
    void onConnectionAboutToBeRemoved(Connection *connection);
    void onConnectionChanged(Connection *connection);
    void appendRows(const QList<Connection *> &connections);
    void flushChanges();

    QList<Connection *> m_rows;
    QHash<const Connection *, int> m_rowOf;
    QList<Connection *> m_pending;
    QTimer m_insertTimer; // running: a row was inserted recently, so further arrivals wait for the batch
    QSet<Connection *> m_dirty;
    QTimer m_coalesceTimer;
    bool m_reveal = false;
};

} // namespace wsi
