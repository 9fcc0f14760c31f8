// ProtocolViolation: every RFC 6455 rule a peer can break on the wire, with its words and close code.
#include "protocol/protocolviolation.h"

#include <QCoreApplication>

namespace wsi {

namespace {

// Kept as words: the connection records their English and shows them in the window's language; describe()
// renders them in the language of the moment (the test server's Close reason is made inside an EnglishScope).
RecordedText say(const char *source)
{
    return RecordedText("wsi::ProtocolViolation", source);
}

} // namespace

QString ProtocolViolation::describe() const
{
    return text().translated();
}

RecordedText ProtocolViolation::text() const
{
    RecordedText rule;
    switch (kind) {
    case ViolationKind::ReservedOpcode:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Frame uses a reserved opcode: only 0x0-0x2 and 0x8-0xA are defined (RFC 6455 section 5.2)"));
        break;
    case ViolationKind::ReservedBitSet:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Reserved bit (RSV1/RSV2/RSV3) is set without a negotiated extension that defines it "
            "(RFC 6455 section 5.2)"));
        break;
    case ViolationKind::FragmentedControlFrame:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Control frame is fragmented (FIN=0): control frames must not be fragmented (RFC 6455 section 5.5)"));
        break;
    case ViolationKind::OversizedControlFrame:
        rule = say(QT_TRANSLATE_NOOP(
            "wsi::ProtocolViolation", "Control frame payload is longer than 125 bytes (RFC 6455 section 5.5)"));
        break;
    case ViolationKind::MaskedServerFrame:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Server sent a masked frame: a server must not mask frames it sends to a client (RFC 6455 section 5.1)"));
        break;
    case ViolationKind::UnmaskedClientFrame:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Client sent an unmasked frame: a client must mask every frame it sends to a server (RFC "
            "6455 section 5.1)"));
        break;
    case ViolationKind::NonMinimalLength:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Payload length is not encoded in the minimal number of bytes (RFC 6455 section 5.2)"));
        break;
    case ViolationKind::LengthHighBitSet:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Most significant bit of the 64-bit payload length is set: it must be 0 (RFC 6455 section 5.2)"));
        break;
    case ViolationKind::UnexpectedContinuation:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Continuation frame arrived with no fragmented message in progress (RFC 6455 section 5.4)"));
        break;
    case ViolationKind::ExpectedContinuation:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "New text or binary frame arrived while a fragmented message was still in progress: a "
            "continuation frame was expected (RFC 6455 section 5.4)"));
        break;
    case ViolationKind::InvalidUtf8Text:
        rule = say(QT_TRANSLATE_NOOP(
            "wsi::ProtocolViolation", "Text message is not valid UTF-8 (RFC 6455 sections 5.6 and 8.1)"));
        break;
    case ViolationKind::InvalidUtf8CloseReason:
        rule = say(
            QT_TRANSLATE_NOOP("wsi::ProtocolViolation", "Close reason is not valid UTF-8 (RFC 6455 section 5.5.1)"));
        break;
    case ViolationKind::InvalidCloseCode:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Close frame carries a status code that may not be sent on the wire (RFC 6455 section 7.4)"));
        break;
    case ViolationKind::OneByteClosePayload:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Close frame payload is one byte long: it must be empty or start with a two-byte status "
            "code (RFC 6455 section 5.5.1)"));
        break;
    case ViolationKind::FrameAfterClose:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Frame sent after the Close frame: nothing may follow a Close frame (RFC 6455 section 5.5.1)"));
        break;
    case ViolationKind::MessageTooLarge:
        rule = say(QT_TRANSLATE_NOOP(
            "wsi::ProtocolViolation", "Message is larger than the inspector's size limit, so decoding stopped"));
        break;
    case ViolationKind::CompressedControlFrame:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Control frame has RSV1 set: permessage-deflate compresses only data messages, "
            "never control frames (RFC 7692 section 6.1)"));
        break;
    case ViolationKind::CompressedContinuation:
        rule = say(QT_TRANSLATE_NOOP("wsi::ProtocolViolation",
            "Continuation frame has RSV1 set: with permessage-deflate only the first frame of a "
            "message carries RSV1 (RFC 7692 section 6.1)"));
        break;
    }
    if (detail.isEmpty())
        return rule;
    return rule + RecordedText::plain(QStringLiteral(": "))
        + (shownDetail.isEmpty() ? RecordedText::plain(detail) : shownDetail);
}

QString violationId(ViolationKind kind)
{
    switch (kind) {
    case ViolationKind::ReservedOpcode:
        return QStringLiteral("reserved_opcode");
    case ViolationKind::ReservedBitSet:
        return QStringLiteral("reserved_bit_set");
    case ViolationKind::FragmentedControlFrame:
        return QStringLiteral("fragmented_control_frame");
    case ViolationKind::OversizedControlFrame:
        return QStringLiteral("oversized_control_frame");
    case ViolationKind::MaskedServerFrame:
        return QStringLiteral("masked_server_frame");
    case ViolationKind::UnmaskedClientFrame:
        return QStringLiteral("unmasked_client_frame");
    case ViolationKind::NonMinimalLength:
        return QStringLiteral("non_minimal_length");
    case ViolationKind::LengthHighBitSet:
        return QStringLiteral("length_high_bit_set");
    case ViolationKind::UnexpectedContinuation:
        return QStringLiteral("unexpected_continuation");
    case ViolationKind::ExpectedContinuation:
        return QStringLiteral("expected_continuation");
    case ViolationKind::InvalidUtf8Text:
        return QStringLiteral("invalid_utf8_text");
    case ViolationKind::InvalidUtf8CloseReason:
        return QStringLiteral("invalid_utf8_close_reason");
    case ViolationKind::InvalidCloseCode:
        return QStringLiteral("invalid_close_code");
    case ViolationKind::OneByteClosePayload:
        return QStringLiteral("one_byte_close_payload");
    case ViolationKind::FrameAfterClose:
        return QStringLiteral("frame_after_close");
    case ViolationKind::MessageTooLarge:
        return QStringLiteral("message_too_large");
    case ViolationKind::CompressedControlFrame:
        return QStringLiteral("compressed_control_frame");
    case ViolationKind::CompressedContinuation:
        return QStringLiteral("compressed_continuation");
    }
    return QStringLiteral("unknown");
}

} // namespace wsi
