// MessageInflation: one direction's permessage-deflate state as a recorder sees it: which message is compressed, its
// inflation.
#include "connection/messageinflation.h"

namespace wsi {

MessageInflation::MessageInflation(const PerMessageDeflateParams &params, bool sentByServer, quint64 maxMessageSize)
    : m_inflater(params.windowBits(sentByServer), params.noContextTakeover(sentByServer), maxMessageSize)
{ }

void MessageInflation::onFrame(const FrameHeader &header)
{
    // Only a message's first frame carries the bit; continuations and control frames leave the mark alone.
    if (header.opcode == quint8(Opcode::Text) || header.opcode == quint8(Opcode::Binary))
        m_compressed = header.rsv1;
}

bool MessageInflation::inflate(QByteArrayView compressed, QByteArray *out)
{
    if (m_inflater.failed())
        return false;
    // The inflater grows its output in 64 KiB steps: a message inflates into memory kept from the last one (one
    // buffer per recording thread, not per connection: 10,000 clients), and leaves with a buffer of its own
    // size. A flood of 256-byte messages ran at 0.17x plain zlib with a fresh buffer each.
    thread_local QByteArray scratch;
    constexpr qsizetype kKeptScratch = 256 * 1024; // beyond this a large message's buffer is handed over as is
    scratch.resize(0); // keeps the capacity
    if (!m_inflater.inflateMessage(compressed, &scratch)) {
        scratch = QByteArray();
        return false;
    }
    if (scratch.capacity() > kKeptScratch) {
        out->append(scratch); // a large message: its buffer goes with it (out is empty: shared, not copied)
        scratch = QByteArray();
    } else {
        out->append(scratch.constData(), scratch.size());
    }
    return true;
}

} // namespace wsi
