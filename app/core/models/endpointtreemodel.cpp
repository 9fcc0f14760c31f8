// EndpointTreeModel: the saved endpoints as a tree of folders.
#include "models/endpointtreemodel.h"

#include "endpoints/endpointstore.h"
#include "explain/secretmasker.h"

#include <algorithm>

namespace wsi {

// internalId 0: a top-level row (a folder, or an endpoint without folder); n > 0: a child of folder n - 1.

EndpointTreeModel::EndpointTreeModel(EndpointStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    connect(store, &EndpointStore::changed, this, &EndpointTreeModel::rebuild);
    rebuild();
}

EndpointTreeModel::~EndpointTreeModel() = default;

void EndpointTreeModel::setRevealSecrets(bool reveal)
{
    if (m_reveal == reveal)
        return;
    m_reveal = reveal;
    rebuild();
}

void EndpointTreeModel::rebuild()
{
    beginResetModel();
    m_folders.clear();
    if (m_store) {
        const QList<Endpoint> &all = m_store->endpoints();
        for (const QString &name : m_store->folders())
            m_folders.append({ name, {} });
        m_folders.append({ QString(), {} });
        for (int i = 0; i < all.size(); ++i) {
            const QString &folder = all.at(i).folder;
            auto it
                = std::find_if(m_folders.begin(), m_folders.end(), [&](const Folder &f) { return f.name == folder; });
            it->endpoints.append(i);
        }
        for (Folder &f : m_folders) {
            std::sort(f.endpoints.begin(), f.endpoints.end(),
                [&](int a, int b) { return all.at(a).name.compare(all.at(b).name, Qt::CaseInsensitive) < 0; });
        }
    }
    endResetModel();
}

int EndpointTreeModel::endpointAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return -1;
    if (index.internalId() > 0)
        return m_folders.at(int(index.internalId() - 1)).endpoints.at(index.row());
    const int named = int(m_folders.size()) - 1;
    if (index.row() < named)
        return -1;
    return m_folders.last().endpoints.at(index.row() - named);
}

QModelIndex EndpointTreeModel::indexOfEndpoint(const QString &id) const
{
    if (!m_store)
        return {};
    for (int f = 0; f < m_folders.size(); ++f) {
        const QList<int> &rows = m_folders.at(f).endpoints;
        for (int r = 0; r < rows.size(); ++r) {
            if (m_store->endpoints().at(rows.at(r)).id != id)
                continue;
            if (f == m_folders.size() - 1)
                return index(int(m_folders.size()) - 1 + r, 0);
            return index(r, 0, index(f, 0));
        }
    }
    return {};
}

void EndpointTreeModel::retranslate()
{
    for (int folder = 0; folder < rowCount(); ++folder) {
        const QModelIndex parent = index(folder, 0);
        Q_EMIT dataChanged(parent, parent);
        if (rowCount(parent) > 0)
            Q_EMIT dataChanged(index(0, 0, parent), index(rowCount(parent) - 1, 0, parent));
    }
}

QModelIndex EndpointTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column != 0 || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex EndpointTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int EndpointTreeModel::rowCount(const QModelIndex &parent) const
{
    if (m_folders.isEmpty())
        return 0;
    if (!parent.isValid())
        return int(m_folders.size()) - 1 + int(m_folders.last().endpoints.size());
    if (parent.internalId() != 0 || parent.column() != 0 || endpointAt(parent) >= 0)
        return 0;
    return int(m_folders.at(parent.row()).endpoints.size());
}

int EndpointTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant EndpointTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_store)
        return {};
    const int at = endpointAt(index);
    if (at < 0) {
        const Folder &folder = m_folders.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case FolderRole:
        case SearchTextRole:
            return folder.name;
        case Qt::ToolTipRole:
            return tr("Folder \u201c%1\u201d: %n endpoint(s)", nullptr, int(folder.endpoints.size())).arg(folder.name);
        case IsFolderRole:
            return true;
        case EndpointIdRole:
            return QString();
        default:
            return {};
        }
    }
    const Endpoint &e = m_store->endpoints().at(at);
    const QString url = m_reveal ? e.options.url.toString() : SecretMasker::maskUrl(e.options.url.toString());
    switch (role) {
    case Qt::DisplayRole:
        return e.name;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b><br/>%2").arg(e.name.toHtmlEscaped(), url.toHtmlEscaped());
        if (!e.options.headers.isEmpty())
            tip += QStringLiteral("<br/>") + tr("%n extra header(s)", nullptr, int(e.options.headers.size()));
        if (e.options.reconnect.enabled)
            tip += QStringLiteral("<br/>") + tr("Reconnects automatically");
        if (e.options.keepalive.enabled())
            tip += QStringLiteral("<br/>")
                + tr("Keepalive ping every %1 s").arg(e.options.keepalive.intervalMs / 1000.0);
        return tip + QStringLiteral("<br/><i>") + tr("Double-click or Enter to connect") + QStringLiteral("</i>");
    }
    case EndpointIdRole:
        return e.id;
    case IsFolderRole:
        return false;
    case FolderRole:
        return e.folder;
    case SearchTextRole:
        return e.name + QLatin1Char('\n') + e.folder + QLatin1Char('\n') + url;
    default:
        return {};
    }
}

} // namespace wsi
