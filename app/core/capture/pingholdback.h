// PingHoldBack: passes the server's bytes on to the tap's WebSocket, holding back its pings (auto-pong off).
#pragma once

#include "protocol/frameboundaryscanner.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace wsi {

// QWebSocket answers every ping by itself. To turn auto-pong off, the tap must keep the server's pings from
// reaching it, so while holding it passes the server's bytes on in whole pieces: the HTTP response head,
// then one frame at a time, leaving out pings. Sans-IO: the tap hands in bytes and writes what comes out.
class PingHoldBack
{
public:
    using Write = std::function<void(QByteArrayView bytes)>;
    using Held = std::function<void()>;

    // write gets every piece to pass on, held is called for every ping left out, both in wire order.
    PingHoldBack(Write write, Held held);

    bool holding() const { return m_holding; }
    // Turning it off passes on what waited for its frame to complete, as it is.
    void setHolding(bool hold);

    // Bytes from the server, in order; a partial head or frame waits for its rest.
    void push(const QByteArray &data);

private:
    Write m_write;
    Held m_held;
    bool m_holding = false;
    bool m_headDone = false; // past the HTTP response head: frames follow
    QByteArray m_head; // the response head while it is incomplete
    FrameBoundaryScanner m_frames;
};

} // namespace wsi
