// ProtobufMessageTree: a parsed protobuf message (any type, read by reflection) as a tree of CodecNodes.
#include "decode/protobufmessagetree.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/unknown_field_set.h>

#include <algorithm>
#include <charconv>
#include <vector>

namespace wsi {

namespace {

namespace gp = google::protobuf;

constexpr qsizetype kMaxShownBytes = 4096;

QString hex(const std::string &data)
{
    const qsizetype shown = std::min(qsizetype(data.size()), kMaxShownBytes);
    return QString::fromLatin1(QByteArray(data.data(), shown).toHex(' '));
}

// The shortest text that reads back as the same number: 0.1f shows as 0.1, not 0.100000001.
template <typename Real> QString shortest(Real value)
{
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return QString::fromLatin1(buffer, end - buffer);
}

QString typeName(const gp::FieldDescriptor *field)
{
    switch (field->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_ENUM:
        return QStringLiteral("enum ") + QString::fromStdString(field->enum_type()->full_name());
    case gp::FieldDescriptor::CPPTYPE_MESSAGE:
        return QStringLiteral("message ") + QString::fromStdString(field->message_type()->full_name());
    default:
        return QString::fromLatin1(field->type_name());
    }
}

struct MapEntry
{
    QString key;
    qint64 signedKey = 0;
    quint64 unsignedKey = 0;
    const gp::Message *entry = nullptr;
};

class TreeWriter
{
public:
    TreeWriter(CodecTree &tree, int maxNodes)
        : m_tree(tree)
        , m_maxNodes(maxNodes)
    { }

    void message(const gp::Message &message, QList<CodecNode> &out)
    {
        const gp::Reflection *reflection = message.GetReflection();
        std::vector<const gp::FieldDescriptor *> fields;
        reflection->ListFields(message, &fields);
        for (const gp::FieldDescriptor *field : fields) {
            if (!count())
                return;
            CodecNode node;
            node.key = field->is_extension() ? QStringLiteral("[%1]").arg(QString::fromStdString(field->full_name()))
                                             : QString::fromStdString(field->name());
            if (field->is_map())
                map(message, field, node);
            else if (field->is_repeated())
                repeated(message, field, node);
            else
                value(message, field, -1, node);
            out.append(node);
        }
        unknown(reflection->GetUnknownFields(message), out);
    }

private:
    // Every node counts once, so a message of a million empty entries stops at the limit like any other.
    bool count()
    {
        if (++m_tree.nodeCount <= m_maxNodes)
            return true;
        m_tree.setNote(QStringLiteral("protobuf-schema-too-many-nodes"),
            CodecTree::noteText(
                QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf schema: more than %1 values; the tree stops here"))
                .arg(m_maxNodes));
        return false;
    }

    void repeated(const gp::Message &message, const gp::FieldDescriptor *field, CodecNode &node)
    {
        const int size = message.GetReflection()->FieldSize(message, field);
        node.type = QStringLiteral("repeated ") + typeName(field);
        node.value = QStringLiteral("[%1 items]").arg(size);
        for (int i = 0; i < size && count(); ++i) {
            CodecNode item;
            item.key = QString::number(i);
            value(message, field, i, item);
            node.children.append(item);
        }
    }

    // A map is a repeated entry message on the wire, in no defined order: shown sorted by key, as protoc
    // prints one.
    void map(const gp::Message &message, const gp::FieldDescriptor *field, CodecNode &node)
    {
        const gp::Reflection *reflection = message.GetReflection();
        const gp::FieldDescriptor *keyField = field->message_type()->map_key();
        const gp::FieldDescriptor *valueField = field->message_type()->map_value();
        std::vector<MapEntry> entries;
        const int size = reflection->FieldSize(message, field);
        for (int i = 0; i < size; ++i) {
            const gp::Message &entry = reflection->GetRepeatedMessage(message, field, i);
            MapEntry e;
            CodecNode keyNode;
            value(entry, keyField, -1, keyNode);
            e.key = keyNode.value;
            e.entry = &entry;
            const gp::Reflection *er = entry.GetReflection();
            switch (keyField->cpp_type()) {
            case gp::FieldDescriptor::CPPTYPE_INT32:
                e.signedKey = er->GetInt32(entry, keyField);
                break;
            case gp::FieldDescriptor::CPPTYPE_INT64:
                e.signedKey = er->GetInt64(entry, keyField);
                break;
            case gp::FieldDescriptor::CPPTYPE_UINT32:
                e.unsignedKey = er->GetUInt32(entry, keyField);
                break;
            case gp::FieldDescriptor::CPPTYPE_UINT64:
                e.unsignedKey = er->GetUInt64(entry, keyField);
                break;
            case gp::FieldDescriptor::CPPTYPE_BOOL:
                e.unsignedKey = er->GetBool(entry, keyField) ? 1 : 0;
                break;
            default: // string keys sort by their text
                break;
            }
            entries.push_back(e);
        }
        std::stable_sort(entries.begin(), entries.end(), [](const MapEntry &a, const MapEntry &b) {
            if (a.signedKey != b.signedKey)
                return a.signedKey < b.signedKey;
            if (a.unsignedKey != b.unsignedKey)
                return a.unsignedKey < b.unsignedKey;
            return a.key < b.key;
        });
        node.type = QStringLiteral("map<%1, %2>").arg(typeName(keyField), typeName(valueField));
        node.value = QStringLiteral("{%1 entries}").arg(entries.size());
        for (const MapEntry &e : entries) {
            if (!count())
                return;
            CodecNode child;
            value(*e.entry, valueField, -1, child);
            // A string key shows as it is: the quotes would make it a different key to search for.
            child.key
                = keyField->cpp_type() == gp::FieldDescriptor::CPPTYPE_STRING ? e.key.mid(1, e.key.size() - 2) : e.key;
            node.children.append(child);
        }
    }

    // One value of a field: the singular one (index -1) or the index'th of a repeated one.
    void value(const gp::Message &message, const gp::FieldDescriptor *field, int index, CodecNode &node)
    {
        const gp::Reflection *r = message.GetReflection();
        const bool one = index < 0;
        node.type = typeName(field);
        switch (field->cpp_type()) {
        case gp::FieldDescriptor::CPPTYPE_INT32:
            node.value
                = QString::number(one ? r->GetInt32(message, field) : r->GetRepeatedInt32(message, field, index));
            break;
        case gp::FieldDescriptor::CPPTYPE_INT64:
            node.value
                = QString::number(one ? r->GetInt64(message, field) : r->GetRepeatedInt64(message, field, index));
            break;
        case gp::FieldDescriptor::CPPTYPE_UINT32:
            node.value
                = QString::number(one ? r->GetUInt32(message, field) : r->GetRepeatedUInt32(message, field, index));
            break;
        case gp::FieldDescriptor::CPPTYPE_UINT64:
            node.value
                = QString::number(one ? r->GetUInt64(message, field) : r->GetRepeatedUInt64(message, field, index));
            break;
        case gp::FieldDescriptor::CPPTYPE_DOUBLE:
            node.value = shortest(one ? r->GetDouble(message, field) : r->GetRepeatedDouble(message, field, index));
            break;
        case gp::FieldDescriptor::CPPTYPE_FLOAT:
            node.value = shortest(one ? r->GetFloat(message, field) : r->GetRepeatedFloat(message, field, index));
            break;
        case gp::FieldDescriptor::CPPTYPE_BOOL:
            node.value = (one ? r->GetBool(message, field) : r->GetRepeatedBool(message, field, index))
                ? QStringLiteral("true")
                : QStringLiteral("false");
            break;
        case gp::FieldDescriptor::CPPTYPE_ENUM: {
            const int number = one ? r->GetEnumValue(message, field) : r->GetRepeatedEnumValue(message, field, index);
            const gp::EnumValueDescriptor *named = field->enum_type()->FindValueByNumber(number);
            // proto3 enums are open: a number the schema does not name is kept, and said so.
            node.value = named ? QStringLiteral("%1 (%2)").arg(QString::fromStdString(named->name())).arg(number)
                               : QStringLiteral("%1 (not in %2)")
                                     .arg(number)
                                     .arg(QString::fromStdString(field->enum_type()->full_name()));
            break;
        }
        case gp::FieldDescriptor::CPPTYPE_STRING: {
            std::string scratch;
            const std::string &s = one ? r->GetStringReference(message, field, &scratch)
                                       : r->GetRepeatedStringReference(message, field, index, &scratch);
            if (field->type() == gp::FieldDescriptor::TYPE_BYTES) {
                node.value = s.empty() ? QStringLiteral("(empty)") : hex(s);
            } else {
                const qsizetype shown = std::min(qsizetype(s.size()), kMaxShownBytes);
                node.value = QLatin1Char('"') + QString::fromUtf8(s.data(), shown) + QLatin1Char('"');
            }
            break;
        }
        case gp::FieldDescriptor::CPPTYPE_MESSAGE: {
            const gp::Message &inner
                = one ? r->GetMessage(message, field) : r->GetRepeatedMessage(message, field, index);
            this->message(inner, node.children);
            node.value = QStringLiteral("{%1 fields}").arg(node.children.size());
            break;
        }
        }
    }

    // Fields the schema does not name (a newer peer's additions): by number and wire type, as the wire
    // has them.
    void unknown(const gp::UnknownFieldSet &fields, QList<CodecNode> &out)
    {
        for (int i = 0; i < fields.field_count(); ++i) {
            if (!count())
                return;
            const gp::UnknownField &field = fields.field(i);
            CodecNode node;
            node.key = QString::number(field.number());
            switch (field.type()) {
            case gp::UnknownField::TYPE_VARINT:
                node.type = QStringLiteral("unknown varint");
                node.value = QString::number(field.varint());
                break;
            case gp::UnknownField::TYPE_FIXED32:
                node.type = QStringLiteral("unknown i32");
                node.value = QString::number(field.fixed32());
                break;
            case gp::UnknownField::TYPE_FIXED64:
                node.type = QStringLiteral("unknown i64");
                node.value = QString::number(field.fixed64());
                break;
            case gp::UnknownField::TYPE_LENGTH_DELIMITED:
                node.type = QStringLiteral("unknown len");
                node.value
                    = field.length_delimited().empty() ? QStringLiteral("(empty)") : hex(field.length_delimited());
                break;
            case gp::UnknownField::TYPE_GROUP:
                node.type = QStringLiteral("unknown group");
                unknown(field.group(), node.children);
                node.value = QStringLiteral("{%1 fields}").arg(node.children.size());
                break;
            }
            out.append(node);
        }
    }

    CodecTree &m_tree;
    const int m_maxNodes;
};

} // namespace

void ProtobufMessageTree::write(const google::protobuf::Message &message, CodecTree &tree, int maxNodes)
{
    TreeWriter(tree, maxNodes).message(message, tree.nodes);
}

} // namespace wsi
