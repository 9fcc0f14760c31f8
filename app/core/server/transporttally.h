// TransportTally: what the test server's transport endpoints counted for one transport, on its own sockets.
#pragma once

#include <QtGlobal>

namespace wsi {

// Counted by the server as the bytes cross its sockets, never computed: a head is the request or status line
// and header lines up to the blank line (or a WebSocket frame header), the payload is what follows it.
struct TransportTally
{
    int connections = 0; // accepted TCP connections whose first request named this transport
    int requests = 0; // HTTP requests parsed (the WebSocket upgrade is one)
    qint64 headerBytes = 0; // request and response heads, WebSocket frame headers, both ways
    qint64 payloadBytes = 0; // bodies and WebSocket frame payloads, both ways
    int clientMessages = 0; // messages the client sent up (a POST body or a WebSocket message)
};

} // namespace wsi
