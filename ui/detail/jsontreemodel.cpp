#include "detail/jsontreemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace wsi {

// The binary codecs count a container's children in English ("{2 entries}": the words the CLI and tools read);
// the window says the count in its language. Texts and bytes are the peer's words and never rewritten.
static QString shownCodecValue(const CodecNode &node)
{
    static const QStringList peerWords { QStringLiteral("text"), QStringLiteral("string"), QStringLiteral("str"),
        QStringLiteral("bytes"), QStringLiteral("bin") };
    if (peerWords.contains(node.type))
        return node.value;
    if (node.value == QLatin1String("(empty)"))
        return JsonTreeModel::tr("(empty)");
    static const QRegularExpression count(QStringLiteral("^[{\\[](\\d+) (entries|items|fields)[}\\]]$"));
    const QRegularExpressionMatch m = count.match(node.value);
    if (!m.hasMatch())
        return node.value;
    const int n = m.captured(1).toInt();
    if (m.captured(2) == QLatin1String("entries"))
        return JsonTreeModel::tr("{%n entries}", nullptr, n);
    if (m.captured(2) == QLatin1String("items"))
        return JsonTreeModel::tr("[%n items]", nullptr, n);
    return JsonTreeModel::tr("{%n fields}", nullptr, n);
}

static QString typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_nodeCount = 0;
    m_truncated = false;
    endResetModel();
}

bool JsonTreeModel::setJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_nodeCount = 0;
    m_truncated = false;
    const bool ok = parseError.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray());
    if (ok) {
        auto top = std::make_unique<Node>();
        top->parent = m_root.get();
        top->key = doc.isObject() ? QStringLiteral("(object)") : QStringLiteral("(array)");
        build(top.get(), doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
        m_root->children.push_back(std::move(top));
    } else if (error) {
        *error = parseError.error != QJsonParseError::NoError
            ? tr("Not JSON: %1 at byte %2.").arg(parseError.errorString()).arg(parseError.offset)
            : tr("Not a JSON object or array.");
    }
    endResetModel();
    return ok;
}

void JsonTreeModel::setEntries(const QList<QPair<QString, QJsonValue>> &entries)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_nodeCount = 0;
    m_truncated = false;
    for (const auto &entry : entries) {
        auto node = std::make_unique<Node>();
        node->key = entry.first;
        node->parent = m_root.get();
        node->row = int(m_root->children.size());
        build(node.get(), entry.second);
        m_root->children.push_back(std::move(node));
    }
    endResetModel();
}

void JsonTreeModel::setNodes(const QList<CodecNode> &nodes)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_nodeCount = 0;
    m_truncated = false;
    buildNodes(m_root.get(), nodes);
    endResetModel();
}

void JsonTreeModel::buildNodes(Node *parent, const QList<CodecNode> &nodes)
{
    for (const CodecNode &codecNode : nodes) {
        if (m_nodeCount >= kMaxNodes) {
            m_truncated = true;
            return;
        }
        ++m_nodeCount;
        auto n = std::make_unique<Node>();
        n->key = codecNode.key;
        n->value = shownCodecValue(codecNode);
        n->typeName = codecNode.type;
        n->parent = parent;
        n->row = int(parent->children.size());
        Node *raw = n.get();
        parent->children.push_back(std::move(n));
        buildNodes(raw, codecNode.children);
    }
}

void JsonTreeModel::build(Node *node, const QJsonValue &value)
{
    ++m_nodeCount;
    node->type = value.type();
    auto addChild = [&](const QString &key, const QJsonValue &child) {
        if (m_nodeCount >= kMaxNodes) {
            m_truncated = true;
            return false;
        }
        auto n = std::make_unique<Node>();
        n->key = key;
        n->parent = node;
        n->row = int(node->children.size());
        Node *raw = n.get();
        node->children.push_back(std::move(n));
        build(raw, child);
        return true;
    };
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        node->value = tr("{%n key(s)}", nullptr, int(object.size()));
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!addChild(it.key(), it.value()))
                break;
        }
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        node->value = tr("[%n item(s)]", nullptr, int(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!addChild(QString::number(i), array.at(i)))
                break;
        }
        break;
    }
    case QJsonValue::String:
        node->value = QLatin1Char('"') + value.toString() + QLatin1Char('"');
        break;
    case QJsonValue::Double:
        node->value = QString::number(value.toDouble(), 'g', 17);
        break;
    case QJsonValue::Bool:
        node->value = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        node->value = QStringLiteral("null");
        break;
    }
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    Node *p = nodeOf(parent);
    if (row < 0 || column < 0 || column >= NUM_COLUMNS || size_t(row) >= p->children.size())
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *p = nodeOf(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return NUM_COLUMNS;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeOf(index);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case KeyColumn:
            return n->key;
        case ValueColumn:
            return role == Qt::DisplayRole && n->value.size() > 500 ? n->value.left(500) + QChar(0x2026) : n->value;
        case TypeColumn:
            return n->typeName.isEmpty() ? typeName(n->type) : n->typeName;
        }
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}

} // namespace wsi
