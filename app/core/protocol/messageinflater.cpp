// MessageInflater: inflates one direction's permessage-deflate messages (RFC 7692 7.2.2), capped and sans-IO.
#include "protocol/messageinflater.h"

#include <QCoreApplication>
#include <algorithm>
#include <zlib.h>

namespace wsi {

namespace {

// Output is produced at most this much at a time, so that no step allocates more than the cap allows.
constexpr quint64 kChunk = 64 * 1024;
constexpr unsigned char kTail[] = { 0x00, 0x00, 0xff, 0xff };

// Words of a violation's detail: recorded in English, shown in the window's language (DeflateViolation::text()).
RecordedText said(const char *source)
{
    return RecordedText("wsi::MessageInflater", source);
}

} // namespace

struct MessageInflater::Stream
{
    z_stream z {};
    bool ready = false;
};

MessageInflater::MessageInflater(int windowBits, bool noContextTakeover, quint64 maxMessageSize)
    : m_stream(std::make_unique<Stream>())
    , m_windowBits(std::clamp(windowBits, 8, 15))
    , m_noContextTakeover(noContextTakeover)
    , m_maxMessageSize(maxMessageSize)
{
    // Negative window bits: raw DEFLATE, no zlib header or checksum (RFC 7692 section 7.2.1).
    m_stream->ready = inflateInit2(&m_stream->z, -m_windowBits) == Z_OK;
    if (!m_stream->ready)
        fail(DeflateViolationKind::CorruptCompressedData,
            said(QT_TRANSLATE_NOOP("wsi::MessageInflater", "zlib could not start an inflater")));
}

MessageInflater::~MessageInflater()
{
    if (m_stream->ready)
        inflateEnd(&m_stream->z);
}

bool MessageInflater::feed(QByteArrayView compressed, QByteArray *out)
{
    if (m_failed)
        return false;
    m_compressedBytes += quint64(compressed.size());
    m_messageCompressedSize += quint64(compressed.size());
    return run(compressed, out);
}

bool MessageInflater::finishMessage(QByteArray *out)
{
    if (m_failed)
        return false;
    // No compressed bytes at all is the empty message (zlib's deflate sends that right after a flush). The tail
    // alone would start a stored block that the next message's bytes would then be read into.
    if (m_messageCompressedSize > 0) {
        if (!run(QByteArrayView(reinterpret_cast<const char *>(kTail), sizeof kTail), out))
            return false;
        // After the tail a well-formed message stands between two blocks; anything else means it was cut short.
        if (!(m_stream->z.data_type & 128))
            return fail(DeflateViolationKind::CorruptCompressedData,
                said(QT_TRANSLATE_NOOP("wsi::MessageInflater", "the message ends inside a DEFLATE block")));
    }
    ++m_messages;
    m_messageSize = 0;
    m_messageCompressedSize = 0;
    if (m_noContextTakeover && inflateReset(&m_stream->z) != Z_OK)
        return fail(DeflateViolationKind::CorruptCompressedData,
            said(QT_TRANSLATE_NOOP("wsi::MessageInflater", "zlib could not reset the inflater")));
    return true;
}

bool MessageInflater::inflateMessage(QByteArrayView compressed, QByteArray *out)
{
    return feed(compressed, out) && finishMessage(out);
}

bool MessageInflater::run(QByteArrayView input, QByteArray *out)
{
    z_stream &z = m_stream->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
    z.avail_in = uInt(input.size());
    for (;;) {
        const quint64 room = m_maxMessageSize - m_messageSize;
        const qsizetype before = out->size();
        const qsizetype chunk = qsizetype(std::min(room, kChunk));
        char probe = 0;
        if (chunk > 0) {
            // Grow geometrically for speed, but never past what the cap still allows.
            if (out->capacity() < before + chunk)
                out->reserve(qsizetype(std::min<quint64>(
                    quint64(before) + room, std::max<quint64>(quint64(before + chunk), quint64(out->capacity()) * 2))));
            out->resize(before + chunk);
            z.next_out = reinterpret_cast<Bytef *>(out->data() + before);
            z.avail_out = uInt(chunk);
        } else {
            // At the cap: one byte more, into a probe, tells a bomb from a message that ends exactly there.
            z.next_out = reinterpret_cast<Bytef *>(&probe);
            z.avail_out = 1;
        }
        const int ret = ::inflate(&z, Z_SYNC_FLUSH);
        const qsizetype produced = (chunk > 0 ? chunk : 1) - qsizetype(z.avail_out);
        if (chunk > 0) {
            out->resize(before + produced);
        } else if (produced > 0) {
            return fail(DeflateViolationKind::DeflateBomb,
                said(QT_TRANSLATE_NOOP("wsi::MessageInflater",
                         "the message inflates to more than %1 bytes; %2 compressed bytes had been read"))
                    .arg(m_maxMessageSize)
                    .arg(m_compressedBytes));
        }
        m_messageSize += quint64(produced);
        m_inflatedBytes += quint64(produced);
        if (ret == Z_STREAM_END) {
            // A block with BFINAL set (RFC 7692 section 7.2.3.4): the next block starts a new stream.
            if (!restartStream())
                return false;
            if (z.avail_in == 0)
                return true;
            continue;
        }
        if (ret == Z_BUF_ERROR)
            return true; // no progress possible: the input is used up and all its output delivered
        if (ret != Z_OK)
            return fail(DeflateViolationKind::CorruptCompressedData,
                z.msg ? RecordedText::plain(QString::fromLatin1(z.msg))
                      : said(QT_TRANSLATE_NOOP("wsi::MessageInflater", "zlib error %1")).arg(ret));
        if (z.avail_in == 0 && z.avail_out != 0)
            return true;
    }
}

bool MessageInflater::restartStream()
{
    z_stream &z = m_stream->z;
    if (m_noContextTakeover)
        return inflateReset(&z) == Z_OK
            || fail(DeflateViolationKind::CorruptCompressedData,
                said(QT_TRANSLATE_NOOP("wsi::MessageInflater", "zlib could not reset the inflater")));
    // Context takeover: the next stream may refer back into this one's window, so carry the window over.
    unsigned char window[1 << 15];
    uInt size = sizeof window;
    const Bytef *nextIn = z.next_in;
    const uInt availIn = z.avail_in;
    if (inflateGetDictionary(&z, window, &size) != Z_OK || inflateReset(&z) != Z_OK
        || (size > 0 && inflateSetDictionary(&z, window, size) != Z_OK))
        return fail(DeflateViolationKind::CorruptCompressedData,
            said(QT_TRANSLATE_NOOP("wsi::MessageInflater", "zlib could not carry the window over")));
    z.next_in = const_cast<Bytef *>(nextIn);
    z.avail_in = availIn;
    return true;
}

bool MessageInflater::fail(DeflateViolationKind kind, const RecordedText &detail)
{
    m_failed = true;
    m_violation = DeflateViolation::of(kind, detail);
    return false;
}

} // namespace wsi
