// ProxiedStep: one recording call a ProxiedClient made on the proxy thread, for the GUI thread to make in order.
#include "proxy/proxiedstep.h"

#include <utility>

namespace wsi {

ProxiedStep ProxiedStep::rows(ConnectionLeg::Facing facing, const DecodedPart &upTo)
{
    ProxiedStep step;
    step.kind = Kind::Rows;
    step.facing = facing;
    step.upTo = upTo;
    return step;
}

ProxiedStep ProxiedStep::call(qint64 timeUs, std::function<void(ProxiedTransport &)> call)
{
    ProxiedStep step;
    step.timeUs = timeUs;
    step.function = std::move(call);
    return step;
}

ProxiedStep ProxiedStep::forRules(std::function<void(Connection *)> call)
{
    ProxiedStep step;
    step.kind = Kind::Rules;
    step.rulesCall = std::move(call);
    return step;
}

} // namespace wsi
