// LessonStep: one step of a Learn lesson: what the window does, and the sentence that says what to look at.
#pragma once

#include <QByteArray>

namespace wsi {

struct LessonStep
{
    // What the lesson runner does before it highlights the next step; Explain does nothing but wait.
    enum class Action {
        Explain,
        StartServer, // the built-in test server, on loopback, when it is not running
        StartTlsServer, // a wss test server on loopback (the app's own CA issues its certificate)
        Connect, // a client to the server just started; the step ends when it is open
        ConnectWithReconnect, // the same with auto-reconnect on (short backoff)
        ShowHandshake,
        HighlightHeader, // `header`: a request or response header of the handshake view
        ShowMessages,
        SendText, // a text message; the step ends when the echo comes back
        Ping, // the step ends when the Pong comes back
        CloseClean, // Close 1000 from the client; the step ends when the closing handshake is done
        DropFromServer, // the server side drops the TCP connection without a Close frame (1006)
        WaitReconnect, // until auto-reconnect has opened the next attempt
        MeasureBefore, // the process's resident memory and open descriptors
        OpenIdleClients, // `count` idle clients; the step ends when all are open
        MeasureAfter, // the same again, and the difference per connection
        CloseIdleClients,
    };

    Action action = Action::Explain;
    // Source text, translated through LessonCatalog::text(); says what happens and where to look.
    const char *text = nullptr;
    QByteArray header; // HighlightHeader
    int count = 0; // OpenIdleClients
};

} // namespace wsi
