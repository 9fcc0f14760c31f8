// FrameHook: the point between parsing a proxied frame and forwarding it (breakpoints and edits go here).
#pragma once

#include "protocol/frameheader.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wsi {

class Connection;

// The reverse proxy cuts each leg's stream into whole frames and hands every frame to its hook before it
// forwards anything. Without a hook, or with one that appends the frame as it is, the legs stay byte-identical
// (masks included). Breakpoints (hold a direction), match-and-replace and drops will be hooks: a hook decides
// what goes on in place of the frame, and the relay records whatever it writes on the other leg.
class FrameHook
{
public:
    enum class Toward { Server, Client };

    virtual ~FrameHook() = default;
    // frame: header and payload exactly as they arrived (valid during the call). Append what to forward to out:
    // the frame itself to pass it on unchanged, nothing to drop it, other bytes to replace it.
    virtual void onFrame(
        Connection *connection, Toward toward, const FrameHeader &header, QByteArrayView frame, QByteArray &out)
        = 0;
};

} // namespace wsi
