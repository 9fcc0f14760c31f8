// MessageInflation: one direction's permessage-deflate state as a recorder sees it: which message is compressed, its
// inflation.
#pragma once

#include "protocol/deflateviolation.h"
#include "protocol/frameheader.h"
#include "protocol/messageinflater.h"
#include "protocol/permessagedeflateparams.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wsi {

// The recorder keeps one per direction once a 101 negotiated permessage-deflate: the first data frame of a
// message says with RSV1 whether the message is compressed (RFC 7692 section 6.1), and a compressed message
// is inflated with the sender's negotiated window and context takeover, capped at the max message size.
class MessageInflation
{
public:
    MessageInflation(const PerMessageDeflateParams &params, bool sentByServer, quint64 maxMessageSize);

    // Every frame of this direction, before the message it completes.
    void onFrame(const FrameHeader &header);
    // The message being completed had RSV1 on its first frame.
    bool messageCompressed() const { return m_compressed; }
    // Inflates the message's reassembled compressed payload into *out. False once it is a bomb or corrupt:
    // violation() names it, and this direction inflates nothing more (the connection is failed).
    bool inflate(QByteArrayView compressed, QByteArray *out);
    bool failed() const { return m_inflater.failed(); }
    const DeflateViolation &violation() const { return m_inflater.violation(); }

    quint64 compressedBytes() const { return m_inflater.compressedBytes(); }
    quint64 inflatedBytes() const { return m_inflater.inflatedBytes(); }

private:
    MessageInflater m_inflater;
    bool m_compressed = false;
};

} // namespace wsi
