// ConnectionListModel: the connections sidebar: every connection with its state and counters.
#include "models/connectionlistmodel.h"

#include "connection/connection.h"
#include "connection/workspace.h"
#include "explain/secretmasker.h"

namespace wsi {

namespace {
// While a burst lasts, rows are inserted at most this often; a single arrival is listed at once.
constexpr int kBurstBatchMs = 50;
} // namespace

ConnectionListModel::ConnectionListModel(Workspace *workspace, QObject *parent)
    : QAbstractListModel(parent)
{
    // Counters change per message; the list repaints at most a few times a second.
    m_coalesceTimer.setSingleShot(true);
    m_coalesceTimer.setInterval(150);
    connect(&m_coalesceTimer, &QTimer::timeout, this, &ConnectionListModel::flushChanges);

    // Starts at 0 ms (the rest of this event-loop turn); stretched to kBurstBatchMs once a batch held more than
    // one arrival, and back to 0 when arrivals come one at a time again.
    m_insertTimer.setSingleShot(true);
    m_insertTimer.setInterval(0);
    connect(&m_insertTimer, &QTimer::timeout, this, [this] {
        const bool burst = m_pending.size() > 1;
        flushPendingRows();
        m_insertTimer.setInterval(burst ? kBurstBatchMs : 0);
        if (burst)
            m_insertTimer.start(); // the burst goes on: keep batching until a window passes with at most one
    });

    appendRows(workspace->connections());
    connect(workspace, &Workspace::connectionAdded, this, &ConnectionListModel::onConnectionAdded);
    connect(
        workspace, &Workspace::connectionAboutToBeRemoved, this, &ConnectionListModel::onConnectionAboutToBeRemoved);
    connect(workspace, &Workspace::connectionChanged, this, &ConnectionListModel::onConnectionChanged);
}

void ConnectionListModel::retranslate()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0));
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

Connection *ConnectionListModel::connectionAt(int row) const
{
    return m_rows.value(row);
}

int ConnectionListModel::rowOf(const Connection *connection) const
{
    return m_rowOf.value(connection, -1);
}

void ConnectionListModel::flushPendingRows()
{
    if (m_pending.isEmpty())
        return;
    const QList<Connection *> batch = std::exchange(m_pending, {});
    appendRows(batch);
}

void ConnectionListModel::onConnectionAdded(Connection *connection)
{
    if (m_insertTimer.isActive()) {
        m_pending.append(connection);
        return;
    }
    appendRows({ connection });
    m_insertTimer.start();
}

void ConnectionListModel::appendRows(const QList<Connection *> &connections)
{
    if (connections.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(connections.size()) - 1);
    for (Connection *connection : connections) {
        m_rowOf.insert(connection, int(m_rows.size()));
        m_rows.append(connection);
    }
    endInsertRows();
}

void ConnectionListModel::onConnectionAboutToBeRemoved(Connection *connection)
{
    m_dirty.remove(connection);
    const int row = rowOf(connection);
    if (row < 0) {
        m_pending.removeOne(connection);
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_rowOf.remove(connection);
    for (int r = row; r < m_rows.size(); ++r)
        m_rowOf[m_rows.at(r)] = r;
    endRemoveRows();
}

void ConnectionListModel::setRevealSecrets(bool reveal)
{
    if (m_reveal == reveal)
        return;
    m_reveal = reveal;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    Connection *c = connectionAt(index.row());
    if (!c)
        return {};
    // Only for the roles that show it: the delegate asks for several roles per row on every paint.
    const auto shownUrl = [this, c] {
        const QString url = c->url().toString();
        return m_reveal ? url : SecretMasker::maskUrl(url);
    };
    switch (role) {
    case Qt::DisplayRole:
    case UrlRole:
        return shownUrl();
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1\n%2").arg(shownUrl(), Connection::stateText(c->state()));
        if (c->inGroup())
            tip += tr("\nattempt %1 at this endpoint").arg(c->attempt());
        if (!c->statusText().isEmpty())
            tip += QLatin1Char('\n') + c->statusText();
        return tip;
    }
    case ConnectionRole:
        return QVariant::fromValue<QObject *>(c);
    case StateRole:
        return int(c->state());
    case StateTextRole:
        // Reopened journals and imported files never connect: say so where the state is shown.
        return c->isImported() ? tr("%1 · read-only").arg(Connection::stateText(c->state()))
                               : Connection::stateText(c->state());
    case CountersTextRole: {
        const Connection::Counters &k = c->counters();
        QString text = tr("%1 in · %2 out").arg(k.messagesIn).arg(k.messagesOut);
        if (k.errors > 0)
            text += k.errors == 1 ? tr(" · 1 error") : tr(" · %1 errors").arg(k.errors);
        return text;
    }
    case StatusTextRole:
        return c->statusText();
    case GroupRole:
        return c->inGroup() ? c->groupId() : 0;
    case AttemptRole:
        return c->attempt();
    case TitleRole:
        return c->shownTitle(m_reveal);
    }
    return {};
}

void ConnectionListModel::onConnectionChanged(Connection *connection)
{
    m_dirty.insert(connection);
    if (!m_coalesceTimer.isActive())
        m_coalesceTimer.start();
}

void ConnectionListModel::flushChanges()
{
    // One range for all changed rows: a burst of state changes is one repaint, not one signal per row.
    int first = int(m_rows.size());
    int last = -1;
    for (Connection *connection : std::as_const(m_dirty)) {
        const int row = rowOf(connection);
        if (row < 0)
            continue; // still waiting in a batch: it is painted fresh when inserted
        first = qMin(first, row);
        last = qMax(last, row);
    }
    m_dirty.clear();
    if (last >= 0)
        Q_EMIT dataChanged(index(first), index(last));
}

} // namespace wsi
