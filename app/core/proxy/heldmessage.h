// HeldMessage: one message a breakpoint holds, as the Proxy panel and the CLI show it.
#pragma once

#include "proxy/framehook.h"

#include <QByteArray>

namespace wsi {

struct HeldMessage
{
    quint64 id = 0; // unique in the run, from 1
    int connectionId = 0; // Connection::id()
    FrameHook::Toward toward = FrameHook::Toward::Server; // Server: the client sent it (out)
    quint8 opcode = 0x1; // 1 text, 2 binary
    QByteArray payload; // what goes on if forwarded as it is (after the replace rules), unmasked and inflated
    QByteArray original; // as the sender sent it (equal to payload when no replace rule changed it)
    qint64 timeUs = 0; // when it was held (wall clock)
    // Which relay holds it and its number there (ProxyRuleLink): a decision reaches that hold only.
    quint64 relay = 0;
    quint64 holdNumber = 0;
    quint64 ordinal = 0; // its ordinal among the sender's messages: where a drop is marked

    bool isText() const { return opcode == 0x1; }
};

} // namespace wsi
