// HandshakeCheck: the opening handshake's checks and the Sec-WebSocket-Accept computation, step by step.
#include "protocol/handshakecheck.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QStringList>

namespace wsi {

namespace {

const char kWebSocketGuid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

// Comma-separated list items over every occurrence of a header: "a, b" and two headers "a" and "b" are the same list.
QList<QByteArray> listItems(const HttpHead &head, QByteArrayView name)
{
    QList<QByteArray> items;
    for (const QByteArray &value : head.values(name)) {
        for (const QByteArray &item : value.split(',')) {
            const QByteArrayView trimmed = trimmedOws(item);
            if (!trimmed.isEmpty())
                items.append(trimmed.toByteArray());
        }
    }
    return items;
}

// The extension name without its parameters: "permessage-deflate; client_max_window_bits" -> "permessage-deflate".
QByteArray extensionName(const QByteArray &item)
{
    const qsizetype semicolon = item.indexOf(';');
    return trimmedOws(semicolon < 0 ? QByteArrayView(item) : QByteArrayView(item).first(semicolon))
        .toByteArray()
        .toLower();
}

QString joined(const QList<QByteArray> &items)
{
    QStringList out;
    for (const QByteArray &item : items)
        out << QString::fromLatin1(item);
    return out.join(QStringLiteral(", "));
}

// Translated only for the window: the recorded error messages that quote a check stay in English.
QString say(TextLanguage language, const char *source)
{
    return language == TextLanguage::Translated ? QCoreApplication::translate("wsi::HandshakeCheck", source)
                                                : QString::fromUtf8(source);
}

QString shown(const QList<QByteArray> &values, TextLanguage language)
{
    return values.isEmpty() ? say(language, QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "(absent)")) : joined(values);
}

HandshakeCheckItem statusItem(const HttpHead &response, TextLanguage language)
{
    HandshakeCheckItem item;
    item.name = say(language, QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "Status"));
    item.expected = QStringLiteral("101 Switching Protocols");
    item.actual = QString::number(response.status);
    if (!response.reason.isEmpty())
        item.actual += QLatin1Char(' ') + QString::fromLatin1(response.reason);
    item.passed = response.status == 101;
    if (!item.passed)
        item.explanation = upgradeStatusExplanation(response.status, language);
    return item;
}

HandshakeCheckItem upgradeItem(const HttpHead &response, TextLanguage language)
{
    HandshakeCheckItem item;
    item.name = QStringLiteral("Upgrade");
    item.expected = QStringLiteral("websocket");
    const QList<QByteArray> values = response.values("Upgrade");
    item.actual = shown(values, language);
    item.passed = values.size() == 1 && trimmedOws(values.first()).compare("websocket", Qt::CaseInsensitive) == 0;
    if (values.isEmpty())
        item.explanation = say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The response has no Upgrade header; a server accepting a WebSocket must "
                "send \"Upgrade: websocket\" (RFC 6455 section 4.2.2)."));
    else if (!item.passed)
        item.explanation = say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The Upgrade header must be exactly \"websocket\" (any letter case) (RFC 6455 section 4.1)."));
    return item;
}

HandshakeCheckItem connectionItem(const HttpHead &response, TextLanguage language)
{
    HandshakeCheckItem item;
    item.name = QStringLiteral("Connection");
    item.expected = say(language, QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "a list containing \"Upgrade\""));
    item.actual = shown(response.values("Connection"), language);
    for (const QByteArray &token : listItems(response, "Connection")) {
        if (token.compare("upgrade", Qt::CaseInsensitive) == 0)
            item.passed = true;
    }
    if (!item.passed)
        item.explanation = say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The Connection header must contain the token \"Upgrade\" (any letter case) (RFC 6455 section 4.1)."));
    return item;
}

HandshakeCheckItem acceptItem(const HttpHead &request, const HttpHead &response, TextLanguage language)
{
    HandshakeCheckItem item;
    item.name = QStringLiteral("Sec-WebSocket-Accept");
    const QList<QByteArray> received = response.values("Sec-WebSocket-Accept");
    item.actual = shown(received, language);
    const QByteArray key = request.value("Sec-WebSocket-Key");
    if (key.isEmpty()) {
        item.expected = say(language, QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "(cannot be computed)"));
        item.explanation = say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The request has no Sec-WebSocket-Key, so the expected accept value cannot be computed."));
        return item;
    }
    const AcceptComputation computation = computeAccept(key, received.value(0));
    item.expected = QString::fromLatin1(computation.expected);
    item.passed = received.size() == 1 && computation.valid;
    if (received.isEmpty())
        item.explanation = say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The response has no Sec-WebSocket-Accept header; the server must prove it "
                "read the key (RFC 6455 section 4.2.2)."));
    else if (received.size() > 1)
        item.explanation = say(language,
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "The response has %1 Sec-WebSocket-Accept headers; there must be exactly one."))
                               .arg(received.size());
    else if (!item.passed)
        item.explanation = say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "Sec-WebSocket-Accept must be base64(SHA-1(key + \"%1\")) of the request's Sec-WebSocket-Key; "
                "this value does not match, so the server did not answer this request correctly (RFC 6455 section "
                "4.2.2)."))
                               .arg(QLatin1String(kWebSocketGuid));
    return item;
}

HandshakeCheckItem protocolItem(const HttpHead &request, const HttpHead &response, TextLanguage language)
{
    HandshakeCheckItem item;
    item.name = QStringLiteral("Sec-WebSocket-Protocol");
    const QList<QByteArray> offered = listItems(request, "Sec-WebSocket-Protocol");
    const QList<QByteArray> chosen = response.values("Sec-WebSocket-Protocol");
    item.expected = offered.isEmpty()
        ? say(language, QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "(absent)"))
        : say(language, QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "absent, or one of: %1")).arg(joined(offered));
    item.actual = shown(chosen, language);
    if (chosen.isEmpty()) {
        item.passed = true;
        return item;
    }
    const QByteArray value = trimmedOws(chosen.first()).toByteArray();
    if (chosen.size() > 1 || value.contains(',')) {
        item.explanation = say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server must choose exactly one subprotocol, but it sent several (RFC 6455 section 4.2.2)."));
        return item;
    }
    item.passed = offered.contains(value);
    if (!item.passed && offered.isEmpty())
        item.explanation = say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server chose subprotocol \"%1\" but the client offered none (RFC 6455 section 4.1)."))
                               .arg(QString::fromLatin1(value));
    else if (!item.passed)
        item.explanation = say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server chose subprotocol \"%1\", which the client did not offer (RFC 6455 section 4.1)."))
                               .arg(QString::fromLatin1(value));
    return item;
}

HandshakeCheckItem extensionsItem(const HttpHead &request, const HttpHead &response, TextLanguage language)
{
    HandshakeCheckItem item;
    item.name = QStringLiteral("Sec-WebSocket-Extensions");
    const QList<QByteArray> offered = listItems(request, "Sec-WebSocket-Extensions");
    const QList<QByteArray> accepted = listItems(response, "Sec-WebSocket-Extensions");
    item.expected = offered.isEmpty()
        ? say(language, QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "(absent)"))
        : say(language, QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "absent, or among: %1")).arg(joined(offered));
    item.actual
        = accepted.isEmpty() ? say(language, QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "(absent)")) : joined(accepted);
    QList<QByteArray> offeredNames;
    for (const QByteArray &extension : offered)
        offeredNames.append(extensionName(extension));
    QStringList unoffered;
    bool deflate = false;
    for (const QByteArray &extension : accepted) {
        const QByteArray name = extensionName(extension);
        if (name == "permessage-deflate")
            deflate = true;
        if (!offeredNames.contains(name))
            unoffered << QString::fromLatin1(name);
    }
    item.passed = unoffered.isEmpty();
    QStringList notes;
    if (!item.passed)
        notes << say(language,
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "The server enabled %1, which the client did not offer (RFC 6455 section 4.1)."))
                     .arg(unoffered.join(QStringLiteral(", ")));
    if (deflate)
        notes << say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "permessage-deflate means compressed frames (RSV1 set); Qt WebSockets does not support "
                "permessage-deflate "
                "and fails the connection with close code 1002 at the first compressed frame."));
    item.explanation = notes.join(QLatin1Char(' '));
    return item;
}

} // namespace

AcceptComputation computeAccept(const QByteArray &key, const QByteArray &received)
{
    AcceptComputation c;
    c.key = key;
    c.concatenated = key + QByteArray(kWebSocketGuid);
    const QByteArray digest = QCryptographicHash::hash(c.concatenated, QCryptographicHash::Sha1);
    c.sha1Hex = digest.toHex();
    c.expected = digest.toBase64();
    c.received = received;
    c.valid = !received.isEmpty() && received == c.expected;
    return c;
}

QList<HandshakeCheckItem> checkHandshake(const HttpHead &request, const HttpHead &response, TextLanguage language)
{
    QList<HandshakeCheckItem> items;
    items.append(statusItem(response, language));
    if (response.status != 101)
        return items;
    items.append(upgradeItem(response, language));
    items.append(connectionItem(response, language));
    items.append(acceptItem(request, response, language));
    items.append(protocolItem(request, response, language));
    items.append(extensionsItem(request, response, language));
    return items;
}

} // namespace wsi

namespace wsi {

QString headerExplanation(QByteArrayView name)
{
    struct Entry
    {
        const char *name;
        const char *text;
    };
    static constexpr Entry kEntries[] = {
        { "host",
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The host name and port the client is connecting to; required in every HTTP/1.1 request.") },
        { "origin",
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The web page origin that opened the connection; browsers always send it, and servers use it to refuse "
                "cross-site connections.") },
        { "upgrade",
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "Asks to switch protocols; \"websocket\" in both the request and the 101 response.") },
        { "connection",
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "Must contain \"Upgrade\" so that proxies know the Upgrade header is meant for the next hop.") },
        { "sec-websocket-key",
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "A random 16-byte base64 nonce from the client; the server proves it read the request by hashing it "
                "into "
                "Sec-WebSocket-Accept.") },
        { "sec-websocket-version",
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "The WebSocket protocol version the client speaks; always 13 (RFC 6455).") },
        { "sec-websocket-accept",
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "base64(SHA-1(Sec-WebSocket-Key + \"258EAFA5-E914-47DA-95CA-C5AB0DC85B11\")): proof that the server "
                "understood the WebSocket request.") },
        { "sec-websocket-protocol",
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "Subprotocols the client offers (request) or the single one the server chose (response).") },
        { "sec-websocket-extensions",
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "Extensions offered (request) or accepted (response), such as permessage-deflate, which Qt WebSockets "
                "does "
                "not support.") },
        { "user-agent", QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "The client software and version.") },
        { "cookie",
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "Cookies the client sends back to the server, often the login session.") },
        { "set-cookie",
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "A cookie the server asks the client to store and send back later.") },
        { "authorization",
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "Credentials for the server, such as a Basic password or a Bearer token; treat the value as a "
                "secret.") },
        { "server", QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "The server software and version.") },
        { "date", QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "When the response was generated, by the server's clock.") },
        { "content-type",
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "The media type of the body, such as text/html or application/json.") },
        { "content-length",
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The body size in bytes; absent on a 101 response, whose body is the WebSocket stream.") },
    };
    for (const Entry &entry : kEntries) {
        if (name.compare(entry.name, Qt::CaseInsensitive) == 0)
            return QCoreApplication::translate("wsi::HandshakeCheck", entry.text);
    }
    return {};
}

QString upgradeStatusExplanation(int status, TextLanguage language)
{
    switch (status) {
    case 101:
        return say(language,
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "The server accepted the upgrade and switched to the WebSocket protocol."));
    case 200:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server answered as for an ordinary web page: nothing at this address speaks "
                "WebSocket, or a proxy ignored the Upgrade header."));
    case 301:
    case 302:
    case 303:
    case 307:
    case 308:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server redirected the upgrade elsewhere (see the Location header); Qt WebSockets "
                "does not follow redirects, so connect to that address instead."));
    case 400:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server refused the upgrade as a bad request: a header is missing, malformed or sent "
                "twice, or the WebSocket version is not supported."));
    case 401:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server refused the upgrade because it needs authentication: add credentials, such "
                "as an Authorization header or a cookie."));
    case 403:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server refused the upgrade: it understood the request but will not allow it, often "
                "because of the Origin, a missing token, or the client address."));
    case 404:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server refused the upgrade because nothing is at this path: check the URL path."));
    case 405:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server refused the upgrade because this path does not accept the GET method used by WebSocket."));
    case 407:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "A proxy between here and the server needs authentication before it will forward the upgrade."));
    case 426:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server requires a different protocol version: see its Sec-WebSocket-Version header "
                "or whether it wants TLS (wss://)."));
    case 429:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server refused the upgrade because the client sent too many requests; wait before retrying."));
    case 500:
        return say(language,
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "The server failed with an internal error while handling the upgrade."));
    case 502:
        return say(language,
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "A gateway or proxy could not get a valid answer from the server behind it."));
    case 503:
        return say(language,
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "The server is unavailable, overloaded or in maintenance; try again later."));
    case 504:
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "A gateway or proxy timed out waiting for the server behind it."));
    default:
        break;
    }
    if (status >= 100 && status < 200)
        return say(language,
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "The server sent an informational status instead of 101 Switching Protocols."));
    if (status >= 200 && status < 300)
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server answered with success but did not switch protocols: it does not speak WebSocket here."));
    if (status >= 300 && status < 400)
        return say(language,
            QT_TRANSLATE_NOOP(
                "wsi::HandshakeCheck", "The server redirected the upgrade; Qt WebSockets does not follow redirects."));
    if (status >= 400 && status < 500)
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck",
                "The server refused the upgrade because of something in the request (client error %1)."))
            .arg(status);
    if (status >= 500 && status < 600)
        return say(language,
            QT_TRANSLATE_NOOP("wsi::HandshakeCheck", "The server failed while handling the upgrade (server error %1)."))
            .arg(status);
    return say(language,
        QT_TRANSLATE_NOOP(
            "wsi::HandshakeCheck", "The server answered with status %1, which is not a valid HTTP status code."))
        .arg(status);
}

} // namespace wsi
