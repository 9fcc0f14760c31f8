// CborTreeDecoder: a CBOR message (RFC 8949) as a tree, sans-IO, bounded in depth and nodes.
#pragma once

#include "decode/codectree.h"

#include <QByteArrayView>

namespace wsi {

// QtCore's QCborStreamReader does the reading (no extra dependency, and it reports every malformation as a
// QCborError); this class walks it with its own depth and node limits, so a nesting bomb or a declared
// length of 2^64 costs no more than the bytes that are really there. Several top-level items are read
// as a CBOR sequence (RFC 8742).
class CborTreeDecoder
{
public:
    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxNodes = 20000;

    static CodecTree decode(QByteArrayView bytes);
};

} // namespace wsi
