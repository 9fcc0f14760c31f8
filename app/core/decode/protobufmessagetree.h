// ProtobufMessageTree: a parsed protobuf message (any type, read by reflection) as a tree of CodecNodes.
#pragma once

#include "decode/codectree.h"

namespace google::protobuf {
class Message;
} // namespace google::protobuf

namespace wsi {

// Known fields in field-number order under their names (what the schema says: uint64, enum shop.Status,
// map<string, int32>...), then the fields the schema lacks under their numbers and wire types. Each node
// counts in tree.nodeCount; past maxNodes the tree stops with a note.
class ProtobufMessageTree
{
public:
    static void write(const google::protobuf::Message &message, CodecTree &tree, int maxNodes);
};

} // namespace wsi
