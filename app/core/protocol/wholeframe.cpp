// wholeFrameAt: where the whole frame at the front of some bytes ends, for code that cuts a stream into frames.
#include "protocol/wholeframe.h"

namespace wsi {

qsizetype wholeFrameAt(QByteArrayView bytes, FrameHeader *header)
{
    if (bytes.size() < 2)
        return 0;
    const auto *b = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype headerSize = frameHeaderSize(b[1]);
    if (bytes.size() < headerSize)
        return 0;
    readFrameHeader(b, *header);
    // Compared without adding, so that a 64-bit length near 2^64 cannot wrap around to a small total.
    if (header->payloadLength > quint64(bytes.size() - headerSize))
        return 0;
    return headerSize + qsizetype(header->payloadLength);
}

} // namespace wsi
