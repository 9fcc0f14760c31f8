// ProtobufSchemaDecoder: a protobuf message read with its .proto schema: field names, types, enums, maps.
#pragma once

#include "decode/codectree.h"

#include <QByteArrayView>

namespace wsi {

class ProtobufSchema;

// libprotobuf parses the bytes into a dynamic message of the chosen type (its parser is the reference one,
// and it is the one the peer's code most likely ran); the tree is then read off its reflection. Known fields
// come in field-number order under their names, unknown ones after them under their numbers. Nesting deeper
// than kMaxDepth fails the parse (libprotobuf's recursion limit), and the tree stops at kMaxNodes nodes.
// Bytes that do not parse keep what the parser had read before it gave up, with a note.
class ProtobufSchemaDecoder
{
public:
    static constexpr int kMaxDepth = 32;
    static constexpr int kMaxNodes = 20000;

    static CodecTree decode(const ProtobufSchema &schema, const QString &messageType, QByteArrayView bytes);
};

} // namespace wsi
