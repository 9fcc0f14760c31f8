// PerMessageDeflateOffer: the parameters of one permessage-deflate element (RFC 7692 section 7.1), validated.
#pragma once

#include "protocol/deflateviolation.h"
#include "protocol/extensionheader.h"

#include <QByteArray>
#include <QList>

namespace wsi {

// One permessage-deflate element of Sec-WebSocket-Extensions: a client's offer (a client may send several,
// in preference order) or, read with the response rules, a server's answer.
struct PerMessageDeflateOffer
{
    bool serverNoContextTakeover = false;
    bool clientNoContextTakeover = false;
    int serverMaxWindowBits = 0; // 0: not given; else 8..15
    bool hasClientMaxWindowBits = false;
    int clientMaxWindowBits = 0; // 0 with hasClientMaxWindowBits: given without a value (only an offer may)

    static constexpr const char *kName = "permessage-deflate";

    // Reads one element's parameters with the rules of an offer (isResponse false) or a response. False with
    // *violation for an unknown or repeated parameter, or a bad value.
    static bool fromEntry(
        const ExtensionEntry &entry, bool isResponse, PerMessageDeflateOffer *out, DeflateViolation *violation);
    // Every valid permessage-deflate offer of a client's Sec-WebSocket-Extensions, in its order. An invalid one is
    // left out and named in *violations: a server declines it (RFC 7692 section 5), the connection goes on.
    static QList<PerMessageDeflateOffer> parseOffers(QByteArrayView header, QList<DeflateViolation> *violations);

    // "permessage-deflate; client_max_window_bits".
    QByteArray toHeaderValue() const;
    bool operator==(const PerMessageDeflateOffer &o) const;
};

} // namespace wsi
