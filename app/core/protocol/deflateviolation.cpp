// DeflateViolation: every permessage-deflate rule (RFC 7692) a peer can break, named, in plain words.
#include "protocol/deflateviolation.h"

#include <QCoreApplication>

namespace wsi {

namespace {

// Kept as words: recorded in English, shown in the window's language (see text()).
RecordedText say(const char *source)
{
    return RecordedText("wsi::DeflateViolation", source);
}

} // namespace

QString DeflateViolation::describe() const
{
    return text().translated();
}

RecordedText DeflateViolation::text() const
{
    RecordedText rule;
    switch (kind) {
    case DeflateViolationKind::MalformedExtensionHeader:
        rule = say(QT_TRANSLATE_NOOP("wsi::DeflateViolation",
            "Sec-WebSocket-Extensions is not a list of extensions with parameters (RFC 6455 section 9.1)"));
        break;
    case DeflateViolationKind::UnknownParameter:
        rule = say(QT_TRANSLATE_NOOP("wsi::DeflateViolation",
            "permessage-deflate has a parameter it does not define, so the offer or response is invalid "
            "(RFC 7692 section 7)"));
        break;
    case DeflateViolationKind::DuplicateParameter:
        rule = say(QT_TRANSLATE_NOOP("wsi::DeflateViolation",
            "permessage-deflate has the same parameter twice, so the offer or response is invalid "
            "(RFC 7692 section 7)"));
        break;
    case DeflateViolationKind::InvalidParameterValue:
        rule = say(QT_TRANSLATE_NOOP("wsi::DeflateViolation",
            "A permessage-deflate parameter has an invalid value: window bits must be a number from 8 to "
            "15, and the context takeover parameters take no value (RFC 7692 section 7.1)"));
        break;
    case DeflateViolationKind::ResponseParameterNotAllowed:
        rule = say(QT_TRANSLATE_NOOP("wsi::DeflateViolation",
            "The server's permessage-deflate response has a parameter or value the client's offer did not "
            "allow; the client must fail the connection (RFC 7692 section 7.1)"));
        break;
    case DeflateViolationKind::ResponseMissesParameter:
        rule = say(QT_TRANSLATE_NOOP("wsi::DeflateViolation",
            "The server's permessage-deflate response leaves out a parameter the client's offer requires "
            "of a server that accepts it (RFC 7692 section 7.1)"));
        break;
    case DeflateViolationKind::ExtensionNotOffered:
        rule = say(QT_TRANSLATE_NOOP("wsi::DeflateViolation",
            "The server's response uses an extension the client never offered; the client must fail the "
            "connection (RFC 6455 section 9.1)"));
        break;
    case DeflateViolationKind::ExtensionRepeated:
        rule = say(QT_TRANSLATE_NOOP("wsi::DeflateViolation",
            "The server's response accepts permessage-deflate more than once (RFC 7692 section 5)"));
        break;
    case DeflateViolationKind::DeflateBomb:
        rule = say(QT_TRANSLATE_NOOP("wsi::DeflateViolation",
            "A compressed message inflates to more than the message size limit (a deflate bomb): "
            "inflating stopped at the limit"));
        break;
    case DeflateViolationKind::CorruptCompressedData:
        rule = say(QT_TRANSLATE_NOOP("wsi::DeflateViolation",
            "A compressed message is not valid DEFLATE data, so it cannot be inflated "
            "(RFC 7692 section 7.2.2)"));
        break;
    }
    if (detail.isEmpty())
        return rule;
    return rule + RecordedText::plain(QStringLiteral(": "))
        + (shownDetail.isEmpty() ? RecordedText::plain(detail) : shownDetail);
}

QString DeflateViolation::id(DeflateViolationKind kind)
{
    switch (kind) {
    case DeflateViolationKind::MalformedExtensionHeader:
        return QStringLiteral("malformed_extension_header");
    case DeflateViolationKind::UnknownParameter:
        return QStringLiteral("deflate_unknown_parameter");
    case DeflateViolationKind::DuplicateParameter:
        return QStringLiteral("deflate_duplicate_parameter");
    case DeflateViolationKind::InvalidParameterValue:
        return QStringLiteral("deflate_invalid_parameter_value");
    case DeflateViolationKind::ResponseParameterNotAllowed:
        return QStringLiteral("deflate_response_parameter_not_allowed");
    case DeflateViolationKind::ResponseMissesParameter:
        return QStringLiteral("deflate_response_misses_parameter");
    case DeflateViolationKind::ExtensionNotOffered:
        return QStringLiteral("extension_not_offered");
    case DeflateViolationKind::ExtensionRepeated:
        return QStringLiteral("extension_repeated");
    case DeflateViolationKind::DeflateBomb:
        return QStringLiteral("deflate_bomb");
    case DeflateViolationKind::CorruptCompressedData:
        return QStringLiteral("corrupt_compressed_data");
    }
    return QStringLiteral("unknown");
}

} // namespace wsi
