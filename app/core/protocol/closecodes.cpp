// Close codes (RFC 6455 section 7.4, IANA registry): names, meanings, validity on the wire.
#include "protocol/closecodes.h"

#include <QCoreApplication>

namespace wsi {

namespace {

struct KnownCode
{
    int code;
    const char *name;
    const char *meaning;
};

// RFC 6455 section 7.4.1 plus the later IANA "WebSocket Close Code Number Registry" entries (1012-1015).
constexpr KnownCode kKnownCodes[] = {
    { 1000, "Normal Closure",
        QT_TRANSLATE_NOOP("wsi::CloseCodes", "The connection finished the job it was opened for.") },
    { 1001, "Going Away",
        QT_TRANSLATE_NOOP("wsi::CloseCodes",
            "The endpoint is going away, for example a server shutting down or a browser leaving the page.") },
    { 1002, "Protocol Error",
        QT_TRANSLATE_NOOP(
            "wsi::CloseCodes", "The endpoint is closing because the peer broke the WebSocket protocol.") },
    { 1003, "Unsupported Data",
        QT_TRANSLATE_NOOP("wsi::CloseCodes",
            "The endpoint received a type of data it cannot accept, for example binary when it only understands "
            "text.") },
    { 1004, "Reserved",
        QT_TRANSLATE_NOOP(
            "wsi::CloseCodes", "Reserved by RFC 6455 with no meaning yet; it must not be sent on the wire.") },
    { 1005, "No Status Received",
        QT_TRANSLATE_NOOP("wsi::CloseCodes",
            "Used locally when a Close frame carried no status code; it must not be sent on the wire.") },
    { 1006, "Abnormal Closure",
        QT_TRANSLATE_NOOP("wsi::CloseCodes",
            "Used locally when the connection dropped without a Close frame; it must not be sent on the wire.") },
    { 1007, "Invalid Frame Payload Data",
        QT_TRANSLATE_NOOP("wsi::CloseCodes",
            "The endpoint received data inconsistent with the message type, such as invalid UTF-8 in a text "
            "message.") },
    { 1008, "Policy Violation",
        QT_TRANSLATE_NOOP("wsi::CloseCodes",
            "The endpoint received a message that violates its policy; a generic code when no better one fits.") },
    { 1009, "Message Too Big",
        QT_TRANSLATE_NOOP("wsi::CloseCodes", "The endpoint received a message too big for it to process.") },
    { 1010, "Mandatory Extension",
        QT_TRANSLATE_NOOP("wsi::CloseCodes",
            "The client is closing because the server did not negotiate an extension the client requires.") },
    { 1011, "Internal Error",
        QT_TRANSLATE_NOOP(
            "wsi::CloseCodes", "The server hit an unexpected condition that kept it from fulfilling the request.") },
    { 1012, "Service Restart",
        QT_TRANSLATE_NOOP(
            "wsi::CloseCodes", "The server is restarting; the client may reconnect after a short delay.") },
    { 1013, "Try Again Later",
        QT_TRANSLATE_NOOP("wsi::CloseCodes",
            "The server is overloaded or temporarily unable to serve; the client should retry later.") },
    { 1014, "Bad Gateway",
        QT_TRANSLATE_NOOP(
            "wsi::CloseCodes", "A gateway or proxy received an invalid response from the upstream server.") },
    { 1015, "TLS Handshake",
        QT_TRANSLATE_NOOP(
            "wsi::CloseCodes", "Used locally when the TLS handshake failed; it must not be sent on the wire.") },
};

const KnownCode *findKnown(int code)
{
    for (const KnownCode &known : kKnownCodes) {
        if (known.code == code)
            return &known;
    }
    return nullptr;
}

} // namespace

QString closeCodeName(int code)
{
    if (const KnownCode *known = findKnown(code))
        return QString::fromLatin1(known->name);
    if (code >= 1016 && code <= 2999)
        return QStringLiteral("Unassigned");
    if (code >= 3000 && code <= 3999)
        return QStringLiteral("Registered");
    if (code >= 4000 && code <= 4999)
        return QStringLiteral("Private use");
    return QStringLiteral("Invalid");
}

QString closeCodeMeaning(int code)
{
    if (const KnownCode *known = findKnown(code))
        return QCoreApplication::translate("wsi::CloseCodes", known->meaning);
    if (code >= 1016 && code <= 2999)
        return QCoreApplication::translate("wsi::CloseCodes",
            "Reserved for future revisions of the WebSocket protocol; it must not be sent on the wire yet.");
    if (code >= 3000 && code <= 3999)
        return QCoreApplication::translate("wsi::CloseCodes",
            "Registered with IANA for use by libraries, frameworks and applications; the meaning is "
            "set by the registrant.");
    if (code >= 4000 && code <= 4999)
        return QCoreApplication::translate("wsi::CloseCodes",
            "Reserved for private use by the application; the meaning is agreed between client and server.");
    return QCoreApplication::translate(
        "wsi::CloseCodes", "Not a close code: status codes below 1000 and from 5000 up are never valid.");
}

bool isValidWireCloseCode(int code)
{
    if (code >= 1000 && code <= 1003)
        return true;
    if (code >= 1007 && code <= 1014)
        return true;
    return code >= 3000 && code <= 4999;
}

} // namespace wsi
