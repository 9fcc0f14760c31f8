// libFuzzer target: MessagePackDecoder (MessagePack) on arbitrary bytes. Besides crashes and sanitizer reports it
// checks the decoder's promises: a note has its id and text, the tree stays within the depth and node limits, and
// auto-detection (BinaryCodec) agrees with a decode that explains every byte.
#include "decode/binarycodec.h"
#include "decode/messagepackdecoder.h"

#include <cstdlib>

using namespace wsi;

namespace {

int depthOf(const QList<CodecNode> &nodes)
{
    int deepest = 0;
    for (const CodecNode &n : nodes)
        deepest = std::max(deepest, 1 + depthOf(n.children));
    return deepest;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const CodecTree tree = MessagePackDecoder::decode(bytes);
    if (tree.format != QLatin1String("msgpack"))
        std::abort();
    if (tree.isMalformed() == tree.note.isEmpty())
        std::abort();
    if (tree.nodeCount > MessagePackDecoder::kMaxNodes + 1)
        std::abort();
    // A map key that is a container adds one level: twice the limit, plus the top and the key's branch.
    if (depthOf(tree.nodes) > 2 * MessagePackDecoder::kMaxDepth + 3)
        std::abort();
    const BinaryCodec::Format detected = BinaryCodec::detect(bytes);
    const CodecTree automatic = BinaryCodec::decode(BinaryCodec::Format::Auto, bytes);
    if ((detected == BinaryCodec::Format::Auto) != automatic.isMalformed())
        std::abort();
    return 0;
}
