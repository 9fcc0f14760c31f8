// FrameRelay: what a FrameHook may do later on a proxied connection (write a held message, inject one).
#pragma once

#include "proxy/framehook.h"

#include <QByteArray>

namespace wsi {

// One proxied connection's ordered writers, one per direction. Bytes given here are whole frames; the relay
// writes them between the frames it forwards (never inside one) and records them on the leg they cross.
class FrameRelay
{
public:
    virtual ~FrameRelay() = default;
    // Ends a hold of that direction: writes bytes (the held message as it goes on, or nothing to drop it), then
    // relays the frames that waited behind it.
    virtual void resume(FrameHook::Toward toward, const QByteArray &bytes) = 0;
    // Writes bytes on that leg now (an injected message); the hook keeps them out of a fragmented message.
    virtual void write(FrameHook::Toward toward, const QByteArray &bytes) = 0;
};

} // namespace wsi
