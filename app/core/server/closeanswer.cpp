// CloseAnswer: the code and reason of a Close frame the test server sends, within RFC 6455's limits.
#include "server/closeanswer.h"

namespace wsi {

QByteArray CloseAnswer::reason(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= 123)
        return utf8;
    qsizetype end = 123;
    while (end > 0 && (quint8(utf8[end]) & 0xC0) == 0x80)
        --end;
    utf8.truncate(end);
    return utf8;
}

int CloseAnswer::codeFor(ViolationKind kind)
{
    switch (kind) {
    case ViolationKind::InvalidUtf8Text:
    case ViolationKind::InvalidUtf8CloseReason:
        return 1007; // Invalid frame payload data
    case ViolationKind::MessageTooLarge:
        return 1009; // Message Too Big
    default:
        return 1002; // Protocol error
    }
}

} // namespace wsi
