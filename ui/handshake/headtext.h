// HeadText: recorded HTTP head bytes as text a person can read, with or without its secrets masked.
#pragma once

#include <QByteArray>
#include <QString>

namespace wsi {

// The handshake's Raw tabs show the bytes as they crossed the wire, so nothing may be dropped or decoded:
// CRLF becomes a line break and every other control or non-ASCII byte an escape, never a guess at a charset.
class HeadText
{
public:
    static QString raw(const QByteArray &head);
    // The head with its secrets masked; the mask (UTF-8 bullets) is shown as bullets, not as byte escapes.
    static QString masked(const QByteArray &head);
};

} // namespace wsi
