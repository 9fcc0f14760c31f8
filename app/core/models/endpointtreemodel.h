// EndpointTreeModel: the saved endpoints as a tree of folders.
#pragma once

#include <QAbstractItemModel>
#include <QPointer>
#include <QStringList>

namespace wsi {

class EndpointStore;

// The saved endpoints as a tree: folders (sorted) with their endpoints, then the endpoints without a folder.
// Rebuilt from the store on every change: a user keeps tens of endpoints, not millions.
class EndpointTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Roles {
        EndpointIdRole = Qt::UserRole, // QString; empty for a folder row
        IsFolderRole, // bool
        FolderRole, // QString: the folder's name, or the endpoint's folder
        SearchTextRole, // QString: name, folder and URL (masked) for the search field
    };

    explicit EndpointTreeModel(EndpointStore *store, QObject *parent = nullptr);
    ~EndpointTreeModel() override;

    // URLs in tooltips and search text are masked unless revealed.
    void setRevealSecrets(bool reveal);

    // After a language change: the texts made on demand (tooltips, counts) are asked for again.
    void retranslate();

    QModelIndex indexOfEndpoint(const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Folder
    {
        QString name;
        QList<int> endpoints; // indexes into the store's list, sorted by name
    };
    void rebuild();
    // The store index of an endpoint row, or -1 for a folder row.
    int endpointAt(const QModelIndex &index) const;

    QPointer<EndpointStore> m_store;
    QList<Folder> m_folders; // named folders first; the last one (name "") holds the top-level endpoints
    bool m_reveal = false;
};

} // namespace wsi
