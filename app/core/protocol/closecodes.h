// Close codes (RFC 6455 section 7.4, IANA registry): names, meanings, validity on the wire.
#pragma once

#include <QString>

namespace wsi {

// Name and meaning of a close code from RFC 6455 section 7.4 and the IANA registry (1000-1015),
// "registered" (3000-3999), "private use" (4000-4999), or "invalid".
QString closeCodeName(int code); // e.g. "Normal Closure", "Going Away", "Private use"
QString closeCodeMeaning(int code); // one sentence
bool isValidWireCloseCode(int code); // may this code appear in a Close frame on the wire?

} // namespace wsi
