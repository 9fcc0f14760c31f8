// ProxiedStep: one recording call a ProxiedClient made on the proxy thread, for the GUI thread to make in order.
#pragma once

#include "connection/connectionleg.h"
#include "connection/decodedbatch.h"
#include "store/eventrecord.h"

#include <functional>

namespace wsi {

class Connection;
class ProxiedTransport;

// The socket bytes are not steps: the proxy thread decodes them itself (ProxiedDecoder) and a Rows step says how far
// the leg's decoded rows go at that point, a plain value (a flood makes a couple of them per read; a std::function
// holding bytes, facing, direction and time was past its small buffer, an allocation each). The rare calls (the dial,
// notes, the opening, the end, the rules' marks) stay calls, made between the rows they were made between.
struct ProxiedStep
{
    enum class Kind : quint8 { Rows, Call, Rules };

    // The rows the leg facing `facing` decoded since its last Rows step: its batch's (ProxiedBatch::decoded) up to
    // upTo (ProxiedTransport::applyDecoded).
    static ProxiedStep rows(ConnectionLeg::Facing facing, const DecodedPart &upTo);
    // Any other call, made when timeUs says (ProxiedTransport::setStepTime; -1: the call has its own time).
    static ProxiedStep call(qint64 timeUs, std::function<void(ProxiedTransport &)> call);

    // A call for the rules' side on the GUI thread (ProxyRuleSet: a relay opened, a hold, the relay's end), made even
    // when the user deleted the Connection (null then): a hold must still be answered, a held message let go.
    static ProxiedStep forRules(std::function<void(Connection *)> call);

    Kind kind = Kind::Call;
    ConnectionLeg::Facing facing = ConnectionLeg::Facing::Client; // Rows
    DecodedPart upTo; // Rows
    qint64 timeUs = -1; // Call
    std::function<void(ProxiedTransport &)> function;
    std::function<void(Connection *)> rulesCall;
};

} // namespace wsi
