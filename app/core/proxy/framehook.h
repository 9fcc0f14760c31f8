// FrameHook: the point between parsing a proxied frame and forwarding it (breakpoints and edits go here).
#pragma once

#include "protocol/frameheader.h"
#include "protocol/httphead.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace wsi {

class Connection;
class FrameRelay;
class SharedRules;

// The reverse proxy cuts each leg's stream into whole frames and hands every frame to its hook before it
// forwards anything. Without a hook, or with one that appends the frame as it is, the legs stay byte-identical
// (masks included). Breakpoints (hold a direction), match-and-replace and drops are hooks (ProxyRuleSet): a hook
// decides what goes on in place of the frame, and the relay records whatever it writes on the other leg.
class FrameHook
{
public:
    enum class Toward { Server, Client };
    // Forwarded: out holds what goes on now. Held: out is written, then that direction of that connection stops
    // (its later data frames and its Close wait, the other direction flows) until the hook calls
    // FrameRelay::resume(). Its pings and pongs go on meanwhile without the hook: a keepalive must not time out.
    enum class Verdict { Forwarded, Held };

    virtual ~FrameHook() = default;
    // frame: header and payload exactly as they arrived (valid during the call). Append what to forward to out:
    // the frame itself to pass it on unchanged, nothing to drop it, other bytes to replace it.
    virtual Verdict onFrame(
        Connection *connection, Toward toward, const FrameHeader &header, QByteArrayView frame, QByteArray &out)
        = 0;
    // The WebSocket of connection is open end to end and relay writes on its legs (held messages, injections);
    // relay is valid until relayEnded(connection). request: the upgrade as the client sent it; response: the
    // 101 as the server sent it (the client got it unchanged), for the extensions they agreed on.
    virtual void relayStarted(
        Connection *connection, FrameRelay *relay, const HttpHead &request, const HttpHead &response)
    {
        Q_UNUSED(connection);
        Q_UNUSED(relay);
        Q_UNUSED(request);
        Q_UNUSED(response);
    }
    // connection may have been deleted by now: it is a key, not to be used.
    virtual void relayEnded(Connection *connection) { Q_UNUSED(connection); }
    // Issue 12: a hook that can act on the reverse proxy's own thread gives the rules it reads there (ProxyRuleSet);
    // the proxy then makes each client's hook there (ClientRules). Null: the proxy relays where the Connection is.
    virtual std::shared_ptr<SharedRules> rulesForRelayThread() { return nullptr; }
};

} // namespace wsi
