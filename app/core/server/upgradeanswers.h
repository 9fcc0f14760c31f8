// UpgradeAnswers: the local test server's answers to an upgrade request: 101 or a precise refusal.
#pragma once

#include <QByteArray>
#include <QStringList>

namespace wsi {

struct HttpHead;

// What the local test server answers to an upgrade request, as complete HTTP responses: the 101, or a
// refusal whose body says in plain words which rule the request broke (RFC 6455 section 4.2.1).
class UpgradeAnswers
{
public:
    // A text/plain response that closes the connection.
    static QByteArray plain(
        int status, const QByteArray &reason, const QByteArray &extraHeaders, const QByteArray &body);
    // 400 "Bad upgrade request: <why>".
    static QByteArray badRequest(const QByteArray &why);
    // 408: no complete upgrade request within the server's handshake timeout.
    static QByteArray handshakeTimedOut(int timeoutMs);
    // Empty for a valid upgrade request; else the refusal: 400 naming the broken rule (method, HTTP version,
    // Upgrade and Connection headers, the key), or 426 with the version this server speaks.
    static QByteArray problemWith(const HttpHead &request);
    // The 101 for a valid request: the Sec-WebSocket-Accept for its key, and the first of the server's
    // subprotocols (in the server's order of preference) that the client offered, if any; extensions, when
    // not empty, is the Sec-WebSocket-Extensions value the server accepted (permessage-deflate).
    static QByteArray switchingProtocols(
        const HttpHead &request, const QStringList &subprotocols, const QByteArray &extensions = {});
    static QByteArray chooseSubprotocol(const HttpHead &request, const QStringList &subprotocols);
};

} // namespace wsi
