// UpgradeAnswers: the local test server's answers to an upgrade request: 101 or a precise refusal.
#include "server/upgradeanswers.h"

#include "protocol/handshakecheck.h"
#include "protocol/httphead.h"

namespace wsi {

namespace {

bool hasToken(const QList<QByteArray> &values, QByteArrayView token)
{
    for (const QByteArray &value : values) {
        for (const QByteArray &part : value.split(',')) {
            if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

QByteArray UpgradeAnswers::plain(
    int status, const QByteArray &reason, const QByteArray &extraHeaders, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + extraHeaders
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray UpgradeAnswers::badRequest(const QByteArray &why)
{
    return plain(400, "Bad Request", {}, "Bad upgrade request: " + why + '\n');
}

QByteArray UpgradeAnswers::handshakeTimedOut(int timeoutMs)
{
    return plain(408, "Request Timeout", {},
        "No complete WebSocket upgrade request within " + QByteArray::number(timeoutMs)
            + " ms (the test server's handshake timeout).\n");
}

QByteArray UpgradeAnswers::problemWith(const HttpHead &request)
{
    if (request.method != "GET")
        return badRequest("a WebSocket upgrade uses GET, not " + request.method + '.');
    if (request.version != "HTTP/1.1")
        return badRequest("a WebSocket upgrade needs HTTP/1.1, not " + request.version + '.');
    if (!hasToken(request.values("Upgrade"), "websocket"))
        return badRequest("no \"Upgrade: websocket\" header; this is a WebSocket test server, so connect with a "
                          "WebSocket client (ws:// URL), not a plain HTTP request.");
    if (!hasToken(request.values("Connection"), "upgrade"))
        return badRequest("the Connection header does not contain \"Upgrade\" (RFC 6455 section 4.1).");
    const QByteArray version = request.value("Sec-WebSocket-Version");
    if (version != "13")
        return plain(426, "Upgrade Required", "Sec-WebSocket-Version: 13\r\n",
            "Unsupported Sec-WebSocket-Version \"" + version + "\": this server speaks version 13 (RFC 6455).\n");
    const QByteArray key = request.value("Sec-WebSocket-Key");
    if (key.isEmpty())
        return badRequest("no Sec-WebSocket-Key header (RFC 6455 section 4.1).");
    const auto decoded = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16)
        return badRequest("Sec-WebSocket-Key \"" + key + "\" is not the base64 of 16 bytes (RFC 6455 section 4.1).");
    return {};
}

QByteArray UpgradeAnswers::switchingProtocols(
    const HttpHead &request, const QStringList &subprotocols, const QByteArray &extensions)
{
    const AcceptComputation accept = computeAccept(request.value("Sec-WebSocket-Key"));
    QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Accept: "
        + accept.expected + "\r\n";
    const QByteArray subprotocol = chooseSubprotocol(request, subprotocols);
    if (!subprotocol.isEmpty())
        response += "Sec-WebSocket-Protocol: " + subprotocol + "\r\n";
    if (!extensions.isEmpty())
        response += "Sec-WebSocket-Extensions: " + extensions + "\r\n";
    response += "\r\n";
    return response;
}

QByteArray UpgradeAnswers::chooseSubprotocol(const HttpHead &request, const QStringList &subprotocols)
{
    if (subprotocols.isEmpty())
        return {};
    QList<QByteArray> offered;
    for (const QByteArray &value : request.values("Sec-WebSocket-Protocol")) {
        for (const QByteArray &part : value.split(','))
            offered << part.trimmed();
    }
    for (const QString &supported : subprotocols) {
        const QByteArray name = supported.toUtf8();
        if (offered.contains(name))
            return name;
    }
    return {};
}

} // namespace wsi
