// ProxiedStep: one recording call a ProxiedClient made on the proxy thread, for the GUI thread to make in order.
#include "proxy/proxiedstep.h"

#include "connection/proxiedtransport.h"

#include <utility>

namespace wsi {

ProxiedStep ProxiedStep::leg(ConnectionLeg::Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes,
    qsizetype from, qsizetype size)
{
    ProxiedStep step;
    step.kind = Kind::Leg;
    step.facing = facing;
    step.direction = direction;
    step.timeUs = timeUs;
    step.bytes = bytes;
    step.from = from;
    step.size = size;
    return step;
}

ProxiedStep ProxiedStep::forwarded(
    ConnectionLeg::Facing facing, qint64 timeUs, const QByteArray &bytes, quint64 streamOffset)
{
    ProxiedStep step;
    step.kind = Kind::Forwarded;
    step.facing = facing;
    step.timeUs = timeUs;
    step.bytes = bytes;
    step.size = bytes.size();
    step.streamOffset = streamOffset;
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

void ProxiedStep::applyTo(ProxiedTransport &transport) const
{
    switch (kind) {
    case Kind::Leg:
        transport.setStepTime(-1); // the bytes carry their own time
        if (from == 0 && size == bytes.size()) {
            transport.recordLeg(facing, direction, timeUs, bytes);
        } else {
            // A view of the piece, not a copy: the recorder decodes what it is given and keeps copies only
            // (WireRecorder::record reads it through a QByteArrayView), and this step's buffer outlives the call.
            const QByteArray piece = QByteArray::fromRawData(bytes.constData() + from, size);
            transport.recordLeg(facing, direction, timeUs, piece);
        }
        break;
    case Kind::Forwarded:
        transport.setStepTime(-1);
        transport.recordForwarded(facing, timeUs, bytes, streamOffset);
        break;
    case Kind::Call:
        transport.setStepTime(timeUs);
        function(transport);
        break;
    case Kind::Rules:
        break;
    }
}

} // namespace wsi
