// CodecNode: one node of a binary payload decoded as a tree (CBOR, MessagePack, protobuf).
#pragma once

#include <QList>
#include <QString>

namespace wsi {

// Key | value | type, in the order the bytes hold them: a QJsonObject would sort map keys and protobuf fields,
// and lose what a binary format says about a value's type (bytes, tag, ext, varint...).
struct CodecNode
{
    QString key; // map key, array index, or "<field number>" for protobuf
    QString value; // the value as shown; for a container a count ("{2 entries}", "[3 items]")
    QString type; // the format's own type name: "unsigned", "text", "bytes", "map", "varint", "len"...
    QList<CodecNode> children;
};

} // namespace wsi
