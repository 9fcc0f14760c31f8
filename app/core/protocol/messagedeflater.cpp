// MessageDeflater: compresses messages for one direction with the negotiated permessage-deflate parameters.
#include "protocol/messagedeflater.h"

#include <algorithm>
#include <zlib.h>

namespace wsi {

struct MessageDeflater::Stream
{
    z_stream z {};
    bool ready = false;
};

MessageDeflater::MessageDeflater(int windowBits, bool noContextTakeover, int level)
    : m_stream(std::make_unique<Stream>())
    , m_noContextTakeover(noContextTakeover)
{
    // zlib refuses a raw 256-byte window; 9 bits keep every distance below 256 (its window minus lookahead).
    const int bits = std::clamp(windowBits, 9, 15);
    m_stream->ready = deflateInit2(&m_stream->z, level, Z_DEFLATED, -bits, 8, Z_DEFAULT_STRATEGY) == Z_OK;
}

MessageDeflater::~MessageDeflater()
{
    if (m_stream->ready)
        deflateEnd(&m_stream->z);
}

bool MessageDeflater::isValid() const
{
    return m_stream->ready;
}

QByteArray MessageDeflater::deflateMessage(QByteArrayView payload)
{
    if (!m_stream->ready)
        return {};
    z_stream &z = m_stream->z;
    QByteArray out;
    out.resize(qsizetype(deflateBound(&z, uLong(payload.size()))) + 16);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(payload.data()));
    z.avail_in = uInt(payload.size());
    qsizetype have = 0;
    for (;;) {
        z.next_out = reinterpret_cast<Bytef *>(out.data() + have);
        z.avail_out = uInt(out.size() - have);
        const int ret = deflate(&z, Z_SYNC_FLUSH);
        have = out.size() - qsizetype(z.avail_out);
        if (ret != Z_OK && ret != Z_BUF_ERROR) {
            m_stream->ready = false;
            deflateEnd(&z);
            return {};
        }
        if (z.avail_out != 0)
            break; // all input taken and flushed
        out.resize(out.size() * 2);
    }
    out.resize(have);
    if (out.endsWith(QByteArrayView("\x00\x00\xff\xff", 4)))
        out.chop(4);
    // zlib flushes nothing twice in a row: an empty message after another flush came out as no bytes.
    if (out.isEmpty())
        out = QByteArray(1, '\0');
    if (m_noContextTakeover)
        deflateReset(&z);
    m_uncompressedBytes += quint64(payload.size());
    m_compressedBytes += quint64(out.size());
    return out;
}

} // namespace wsi
