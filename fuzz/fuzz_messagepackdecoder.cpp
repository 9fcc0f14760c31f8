// libFuzzer target: MessagePackDecoder (MessagePack) on arbitrary bytes. Besides crashes and sanitizer reports it
// checks the decoder's promises: a note has its id and text, the tree stays within the depth and node limits, and
// auto-detection (BinaryCodec) agrees with a decode that explains every byte.
#include "codectreepromises.h"
#include "decode/messagepackdecoder.h"

using namespace wsi;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    fuzz::checkCodecTreePromises(MessagePackDecoder::decode(bytes), QLatin1String("msgpack"),
        MessagePackDecoder::kMaxNodes, MessagePackDecoder::kMaxDepth, bytes);
    return 0;
}
