// ProxiedClientText: the words a reverse proxy client records on its legs (who closed, a stop, a limit, no answer).
#pragma once

#include "language/recordedtext.h"

#include <QUrl>

namespace wsi {

// Pure text, recorded in English and shown in the window's language: ProxiedClient decides when each is said.
// The sources stay filed under ProxiedClient's context, where their translations were first made.
class ProxiedClientText
{
public:
    // The side that closed its TCP connection first (the client's or the server's).
    static RecordedText closedItsSide(bool client);
    // What the proxy did to the other side for it: clientLeft, the server's connection was closed.
    static RecordedText closedOtherSide(bool clientLeft);
    // The proxy stopped: the note on the leg facing the client (towardClient) or the server.
    static RecordedText stopped(bool towardClient);
    // A whole frame from the client (fromClient) or the server was larger than limit bytes.
    static RecordedText oversizedFrame(bool fromClient, qint64 limit);
    // The upstream closed before a whole answer head reached the proxy.
    static RecordedText unanswered(const QUrl &upstream);
};

} // namespace wsi
