// CloseAnswer: the code and reason of a Close frame the test server sends, within RFC 6455's limits.
#pragma once

#include "protocol/protocolviolation.h"

#include <QByteArray>
#include <QString>

namespace wsi {

class CloseAnswer
{
public:
    // A Close reason holds at most 123 bytes: the UTF-8 of text, cut at a character boundary.
    static QByteArray reason(const QString &text);
    // The code that fails a connection for a client's violation (RFC 6455 section 7.4.1).
    static int codeFor(ViolationKind kind);
};

} // namespace wsi
