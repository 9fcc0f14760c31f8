// ProxiedStep: one recording call a ProxiedClient made on the proxy thread, for the GUI thread to make in order.
#pragma once

#include "connection/connectionleg.h"
#include "store/eventrecord.h"

#include <QByteArray>

#include <functional>

namespace wsi {

class Connection;
class ProxiedTransport;

// Why the socket bytes are plain values and not a std::function like the rest: a flood makes a few of them per
// read, and a lambda holding a QByteArray and its facing, direction and time is past std::function's small buffer,
// so each cost an allocation (issue 12, measured: the proxy thread cost 1.5x the CPU per 64 KiB echo of main).
// The rare calls (the dial, notes, the opening, the end) stay calls.
struct ProxiedStep
{
    enum class Kind : quint8 { Leg, Forwarded, Call, Rules };

    // ProxiedTransport::recordLeg of bytes[from, from + size): a piece of a read that is kept in a buffer the
    // relay shares (a written block, the unfinished frame waiting for the next read), not a copy of it.
    static ProxiedStep leg(ConnectionLeg::Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes,
        qsizetype from, qsizetype size);
    // ProxiedTransport::recordForwarded.
    static ProxiedStep forwarded(
        ConnectionLeg::Facing facing, qint64 timeUs, const QByteArray &bytes, quint64 streamOffset);
    // Any other call, made when timeUs says (ProxiedTransport::setStepTime; -1: the call has its own time).
    static ProxiedStep call(qint64 timeUs, std::function<void(ProxiedTransport &)> call);

    // A call for the rules' side on the GUI thread (ProxyRuleSet: a relay opened, a hold, the relay's end), made even
    // when the user deleted the Connection (null then): a hold must still be answered, a held message let go.
    static ProxiedStep forRules(std::function<void(Connection *)> call);

    // Not for Rules steps (ProxiedClients makes those with the Connection or null).
    void applyTo(ProxiedTransport &transport) const;

    Kind kind = Kind::Call;
    ConnectionLeg::Facing facing = ConnectionLeg::Facing::Client;
    Direction direction = Direction::Incoming;
    qint64 timeUs = -1;
    QByteArray bytes;
    qsizetype from = 0;
    qsizetype size = 0;
    quint64 streamOffset = 0;
    std::function<void(ProxiedTransport &)> function;
    std::function<void(Connection *)> rulesCall;
};

} // namespace wsi
