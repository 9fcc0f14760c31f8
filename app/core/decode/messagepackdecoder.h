// MessagePackDecoder: a MessagePack message as a tree, sans-IO, bounded in depth and nodes.
#pragma once

#include "decode/codectree.h"

#include <QByteArrayView>

namespace wsi {

// Hand-written rather than Debian's libmsgpack-dev (msgpack-c 4.0): the format is 36 type bytes, a reader
// is ~250 lines, and ours checks every declared length against the bytes that are really left before it
// allocates anything, stops at kMaxDepth and kMaxNodes, and never throws. msgpack-c's unpacker would have
// to be tuned (unpack_limit, exceptions on every malformation) to give the same promises on peer bytes, and
// would add a dependency to the core for that. Covers the whole spec: nil, bool, ints, floats, str, bin,
// arrays, maps with keys of any type, ext types (timestamp -1 read as a time) and sequences of values.
class MessagePackDecoder
{
public:
    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxNodes = 20000;

    static CodecTree decode(QByteArrayView bytes);
};

} // namespace wsi
