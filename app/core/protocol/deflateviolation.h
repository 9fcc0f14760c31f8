// DeflateViolation: every permessage-deflate rule (RFC 7692) a peer can break, named, in plain words.
#pragma once

#include "language/recordedtext.h"

#include <QString>
#include <QtGlobal>

namespace wsi {

// The rules of RFC 7692 a client's offer, a server's response or a compressed message can break. The frame
// rules (RSV1 on a control or continuation frame) are FrameDecoder's ViolationKind.
enum class DeflateViolationKind : quint8 {
    MalformedExtensionHeader, // Sec-WebSocket-Extensions is not an extension list (RFC 6455 section 9.1)
    UnknownParameter, // a parameter permessage-deflate does not define (RFC 7692 section 7)
    DuplicateParameter, // a parameter given twice in one offer or response (RFC 7692 section 7)
    InvalidParameterValue, // a window bits value outside 8..15, or a value on a parameter that takes none (7.1)
    ResponseParameterNotAllowed, // the response has a parameter, or a value, the offer did not allow (7.1)
    ResponseMissesParameter, // the offer asked for a parameter the accepting response must echo (7.1)
    ExtensionNotOffered, // the response names an extension the client never offered (RFC 6455 section 9.1)
    ExtensionRepeated, // the response accepts permessage-deflate twice (RFC 7692 section 5)
    DeflateBomb, // a message inflates past the size limit: inflating stopped at the limit
    CorruptCompressedData, // a message's payload is not valid DEFLATE data (RFC 7692 section 7.2.2)
};

struct DeflateViolation
{
    DeflateViolationKind kind = DeflateViolationKind::MalformedExtensionHeader;
    QString detail; // the specific values, e.g. "server_max_window_bits=16", in English
    RecordedText shownDetail; // the same words for the window; empty: the detail is shown as it is

    // The rule in plain words with its RFC section, then the detail, in the language of the moment.
    QString describe() const;
    // The same as words: English in the record, the window's language when shown, following a switch.
    RecordedText text() const;
    // A violation whose detail is words (spelled with QT_TRANSLATE_NOOP): their English is `detail`.
    static DeflateViolation of(DeflateViolationKind kind, const RecordedText &detail)
    {
        return DeflateViolation { kind, detail.english(), detail };
    }
    // Short stable identifier for JSON output, e.g. "deflate_bomb".
    static QString id(DeflateViolationKind kind);
};

} // namespace wsi
