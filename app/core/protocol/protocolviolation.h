// ProtocolViolation: every RFC 6455 rule a peer can break on the wire, with its words and close code.
#pragma once

#include "language/recordedtext.h"

#include <QString>
#include <QtGlobal>

namespace wsi {

// Every RFC 6455 rule a peer can break on the wire that FrameDecoder detects.
enum class ViolationKind : quint8 {
    ReservedOpcode, // opcodes 0x3-0x7, 0xB-0xF (5.2)
    ReservedBitSet, // RSV1/2/3 without a negotiated extension (5.2); RSV1 usually means permessage-deflate
    FragmentedControlFrame, // control frame with FIN=0 (5.5)
    OversizedControlFrame, // control frame payload > 125 bytes (5.5)
    MaskedServerFrame, // server-to-client frame with MASK=1 (5.1)
    UnmaskedClientFrame, // client-to-server frame with MASK=0 (5.1)
    NonMinimalLength, // 16/64-bit length used for a value that fits a shorter form (5.2)
    LengthHighBitSet, // most significant bit of the 64-bit length set (5.2)
    UnexpectedContinuation, // continuation frame with no message in progress (5.4)
    ExpectedContinuation, // new text/binary frame while a fragmented message is in progress (5.4)
    InvalidUtf8Text, // text message that is not valid UTF-8 (5.6, 8.1)
    InvalidUtf8CloseReason, // close reason that is not valid UTF-8 (5.5.1)
    InvalidCloseCode, // close code that may not be sent on the wire: <1000, 1004-1006, 1015, 1016-2999, >=5000 (7.4)
    OneByteClosePayload, // close frame with exactly one payload byte (5.5.1)
    FrameAfterClose, // any frame after the peer's Close (5.5.1)
    MessageTooLarge, // reassembled message larger than the decoder's limit
    CompressedControlFrame, // RSV1 on a control frame with permessage-deflate negotiated (RFC 7692 section 6.1)
    CompressedContinuation, // RSV1 on a continuation frame with permessage-deflate negotiated (RFC 7692 6.1)
};

struct ProtocolViolation
{
    ViolationKind kind;
    quint64 streamOffset = 0; // offset in this direction's frame byte stream of the offending frame's first byte
    QString detail; // the specific values, e.g. "opcode 0x3" or "close code 1005", in English
    RecordedText shownDetail; // the same words for the window; empty: the detail is shown as it is

    // The rule and the detail as words: English in the record, the window's language when shown, following a
    // switch of language (unlike describe(), which says it once, in the language of the moment).
    RecordedText text() const;

    // Plain words naming the rule and the RFC 6455 section, e.g.
    // "Control frame is fragmented (FIN=0): control frames must not be fragmented (RFC 6455 section 5.5)".
    // In the language of the moment: English inside an EnglishScope (what goes on the wire or into a file).
    QString describe() const;
};

// Short stable identifier for JSON output, e.g. "reserved_opcode".
QString violationId(ViolationKind kind);

} // namespace wsi
