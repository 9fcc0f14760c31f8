// ProtobufWireDecoder: a protobuf message without its schema: field numbers and wire types, as a tree.
#pragma once

#include "decode/codectree.h"

#include <QByteArrayView>

namespace wsi {

// What the wire says and nothing more: each field's number, its wire type (varint, i64, len, i32) and its
// value. A len field is a guess, in this order: printable UTF-8 is shown as a string, bytes that parse
// completely as a message (up to kMaxDepth) as a nested message, anything else (packed repeated numbers
// among them) as raw bytes. Groups (wire types 3 and 4, deprecated) and the unused types 6 and 7 end the
// tree with a note. Work is bounded: each byte is parsed at most once per nesting level it sits in.
class ProtobufWireDecoder
{
public:
    static constexpr int kMaxDepth = 32;
    static constexpr int kMaxNodes = 20000;

    static CodecTree decode(QByteArrayView bytes);
};

} // namespace wsi
