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
    return m_inflater.inflateMessage(compressed, out);
}

} // namespace wsi
