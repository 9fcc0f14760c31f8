// CodecTree: what a binary codec made of one message: its nodes, and a named note when the bytes are malformed.
#include "decode/codectree.h"

#include <QJsonArray>
#include <QJsonObject>

namespace wsi {

namespace {

QJsonArray toJsonArray(const QList<CodecNode> &nodes)
{
    QJsonArray array;
    for (const CodecNode &n : nodes) {
        QJsonObject o { { QStringLiteral("key"), n.key }, { QStringLiteral("value"), n.value },
            { QStringLiteral("type"), n.type } };
        if (!n.children.isEmpty())
            o.insert(QStringLiteral("children"), toJsonArray(n.children));
        array.append(o);
    }
    return array;
}

} // namespace

void CodecTree::setNote(const QString &id, const RecordedText &text)
{
    if (noteId.isEmpty()) {
        noteId = id;
        note = text.english();
        shownNote = text;
    }
}

QJsonValue CodecTree::toJson() const
{
    return toJsonArray(nodes);
}

const CodecNode *CodecTree::find(const QString &path) const
{
    const QList<CodecNode> *level = &nodes;
    const CodecNode *found = nullptr;
    for (const QString &key : path.split(QLatin1Char('/'))) {
        found = nullptr;
        for (const CodecNode &n : *level) {
            if (n.key == key) {
                found = &n;
                break;
            }
        }
        if (!found)
            return nullptr;
        level = &found->children;
    }
    return found;
}

} // namespace wsi
