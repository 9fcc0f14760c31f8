// PerMessageDeflateParams: what a handshake negotiated for permessage-deflate, per direction (RFC 7692 7.1).
#include "protocol/permessagedeflateparams.h"

#include <QCoreApplication>

namespace wsi {

PerMessageDeflateParams PerMessageDeflateParams::fromResponse(const PerMessageDeflateOffer &response)
{
    PerMessageDeflateParams p;
    p.serverNoContextTakeover = response.serverNoContextTakeover;
    p.clientNoContextTakeover = response.clientNoContextTakeover;
    if (response.serverMaxWindowBits)
        p.serverMaxWindowBits = response.serverMaxWindowBits;
    if (response.hasClientMaxWindowBits && response.clientMaxWindowBits)
        p.clientMaxWindowBits = response.clientMaxWindowBits;
    return p;
}

PerMessageDeflateParams PerMessageDeflateParams::acceptingOffer(const PerMessageDeflateOffer &offer)
{
    PerMessageDeflateParams p;
    p.serverNoContextTakeover = offer.serverNoContextTakeover;
    p.clientNoContextTakeover = offer.clientNoContextTakeover;
    if (offer.serverMaxWindowBits)
        p.serverMaxWindowBits = offer.serverMaxWindowBits;
    if (offer.hasClientMaxWindowBits && offer.clientMaxWindowBits)
        p.clientMaxWindowBits = offer.clientMaxWindowBits;
    return p;
}

QByteArray PerMessageDeflateParams::toResponseValue() const
{
    PerMessageDeflateOffer response;
    response.serverNoContextTakeover = serverNoContextTakeover;
    response.clientNoContextTakeover = clientNoContextTakeover;
    response.serverMaxWindowBits = serverMaxWindowBits == 15 ? 0 : serverMaxWindowBits;
    response.hasClientMaxWindowBits = clientMaxWindowBits != 15;
    response.clientMaxWindowBits = response.hasClientMaxWindowBits ? clientMaxWindowBits : 0;
    return response.toHeaderValue();
}

QString PerMessageDeflateParams::summary() const
{
    const auto takeover = [](bool none) {
        return none ? QCoreApplication::translate("wsi::PerMessageDeflateParams", "reset after every message")
                    : QCoreApplication::translate("wsi::PerMessageDeflateParams", "kept across messages");
    };
    return QCoreApplication::translate("wsi::PerMessageDeflateParams",
        "server to client: window %1 bits, context %2; client to server: window %3 bits, context %4")
        .arg(serverMaxWindowBits)
        .arg(takeover(serverNoContextTakeover))
        .arg(clientMaxWindowBits)
        .arg(takeover(clientNoContextTakeover));
}

bool PerMessageDeflateParams::operator==(const PerMessageDeflateParams &o) const
{
    return serverNoContextTakeover == o.serverNoContextTakeover && clientNoContextTakeover == o.clientNoContextTakeover
        && serverMaxWindowBits == o.serverMaxWindowBits && clientMaxWindowBits == o.clientMaxWindowBits;
}

} // namespace wsi
