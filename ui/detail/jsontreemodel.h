#pragma once

#include "decode/codecnode.h"

#include <QAbstractItemModel>
#include <QJsonValue>
#include <memory>
#include <vector>

namespace wsi {

// A read-only tree over a parsed JSON document: Key | Value | Type. Built once per payload; very large
// documents are cut off at kMaxNodes with a note row, so the detail pane never stalls.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, NUM_COLUMNS };
    static constexpr int kMaxNodes = 50000;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    // Parses `json`; returns false (and keeps an empty tree) when it is not a JSON object or array.
    bool setJson(const QByteArray &json, QString *error = nullptr);
    // Top-level rows in this order (a QJsonObject would sort its keys), each value expanded like setJson's.
    void setEntries(const QList<QPair<QString, QJsonValue>> &entries);
    // A binary codec's tree (CBOR, MessagePack, protobuf) in its own order, with the format's type names.
    void setNodes(const QList<CodecNode> &nodes);
    void clear();
    bool truncated() const { return m_truncated; }
    int nodeCount() const { return m_nodeCount; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString key;
        QString value;
        QJsonValue::Type type = QJsonValue::Null;
        QString typeName; // a binary codec's own type; empty for JSON, whose type is `type`
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    void build(Node *node, const QJsonValue &value);
    void buildNodes(Node *parent, const QList<CodecNode> &nodes);
    Node *nodeOf(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
    int m_nodeCount = 0;
    bool m_truncated = false;
};

} // namespace wsi
