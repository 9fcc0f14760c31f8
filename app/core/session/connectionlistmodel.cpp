#include "connectionlistmodel.h"

#include "connection.h"
#include "secretmasker.h"
#include "workspace.h"

namespace wsi {

ConnectionListModel::ConnectionListModel(Workspace *workspace, QObject *parent)
    : QAbstractListModel(parent)
    , m_workspace(workspace)
{
    // Counters change per message; the list repaints at most a few times a second.
    m_coalesceTimer.setSingleShot(true);
    m_coalesceTimer.setInterval(150);
    connect(&m_coalesceTimer, &QTimer::timeout, this, &ConnectionListModel::flushChanges);

    connect(workspace, &Workspace::connectionAdded, this, [this](Connection *) {
        const int row = rowCount() - 1;
        beginInsertRows({}, row, row);
        endInsertRows();
    });
    connect(workspace, &Workspace::connectionAboutToBeRemoved, this, [this](Connection *connection) {
        const int row = m_workspace->indexOf(connection);
        m_dirty.remove(connection);
        beginRemoveRows({}, row, row);
    });
    connect(workspace, &Workspace::connectionRemoved, this, [this](Connection *) { endRemoveRows(); });
    connect(workspace, &Workspace::connectionChanged, this, &ConnectionListModel::onConnectionChanged);
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_workspace->connections().size());
}

Connection *ConnectionListModel::connectionAt(int row) const
{
    return m_workspace->connections().value(row);
}

int ConnectionListModel::rowOf(const Connection *connection) const
{
    return m_workspace->indexOf(connection);
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
    const QString url = m_reveal ? c->url().toString() : SecretMasker::maskUrl(c->url().toString());
    switch (role) {
    case Qt::DisplayRole:
    case UrlRole:
        return url;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1\n%2").arg(url, Connection::stateText(c->state()));
        if (c->inGroup())
            tip += tr("\nattempt %1 at this endpoint").arg(c->attempt());
        if (!c->statusText().isEmpty())
            tip += QLatin1Char('\n') + c->statusText();
        return tip;
    }
    case ConnectionRole: return QVariant::fromValue<QObject *>(c);
    case StateRole: return int(c->state());
    case StateTextRole:
        // Reopened journals and imported files never connect: say so where the state is shown.
        return c->isImported() ? tr("%1 · read-only").arg(Connection::stateText(c->state()))
                               : Connection::stateText(c->state());
    case CountersTextRole: {
        const Connection::Counters &k = c->counters();
        QString text = tr("%1 in · %2 out").arg(k.messagesIn).arg(k.messagesOut);
        if (k.errors > 0)
            text += tr(" · %n error(s)", nullptr, int(k.errors));
        return text;
    }
    case StatusTextRole: return c->statusText();
    case GroupRole: return c->inGroup() ? c->groupId() : 0;
    case AttemptRole: return c->attempt();
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
    for (Connection *connection : std::as_const(m_dirty)) {
        const int row = rowOf(connection);
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row));
    }
    m_dirty.clear();
}

} // namespace wsi
