// The promises every binary codec decoder keeps on any input, checked by its fuzz target (fuzz_cbortreedecoder,
// fuzz_messagepackdecoder, fuzz_protobufwiredecoder): one place, so the three targets check the same things.
#pragma once

#include "decode/binarycodec.h"

#include <algorithm>
#include <cstdlib>

namespace wsi::fuzz {

inline int depthOf(const QList<CodecNode> &nodes)
{
    int deepest = 0;
    for (const CodecNode &n : nodes)
        deepest = std::max(deepest, 1 + depthOf(n.children));
    return deepest;
}

// Aborts (a libFuzzer finding) unless: the tree names its format, a note comes exactly with a malformed decode, the
// tree stays within the node and depth limits, and auto-detection agrees with a decode that explains every byte.
inline void checkCodecTreePromises(
    const CodecTree &tree, QLatin1String format, int maxNodes, int maxDepth, QByteArrayView bytes)
{
    if (tree.format != format)
        std::abort();
    if (tree.isMalformed() == tree.note.isEmpty())
        std::abort();
    if (tree.nodeCount > maxNodes + 1)
        std::abort();
    // A map key that is a container adds one level: twice the limit, plus the top and the key's branch.
    if (depthOf(tree.nodes) > 2 * maxDepth + 3)
        std::abort();
    const BinaryCodec::Format detected = BinaryCodec::detect(bytes);
    const CodecTree automatic = BinaryCodec::decode(BinaryCodec::Format::Auto, bytes);
    if ((detected == BinaryCodec::Format::Auto) != automatic.isMalformed())
        std::abort();
}

} // namespace wsi::fuzz
