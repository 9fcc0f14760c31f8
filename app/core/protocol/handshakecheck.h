// HandshakeCheck: the opening handshake's checks and the Sec-WebSocket-Accept computation, step by step.
#pragma once

#include "protocol/httphead.h"

#include <QList>
#include <QString>

namespace wsi {

// The RFC 6455 section 4.2.2 computation, kept step by step so the UI can show it.
struct AcceptComputation
{
    QByteArray key; // Sec-WebSocket-Key as sent
    QByteArray concatenated; // key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
    QByteArray sha1Hex; // SHA-1 of that, as lowercase hex
    QByteArray expected; // base64 of the SHA-1
    QByteArray received; // Sec-WebSocket-Accept as received (empty if absent)
    bool valid = false; // expected == received
};

AcceptComputation computeAccept(const QByteArray &key, const QByteArray &received = {});

// The checks' words: English for what is recorded (error events, journals, the CLI), translated for the window.
enum class TextLanguage { English, Translated };

// One line of the handshake verdict: Accept, Upgrade, Connection, Subprotocol, Extensions, Status.
struct HandshakeCheckItem
{
    QString name; // "Sec-WebSocket-Accept", "Upgrade", ...
    bool passed = false;
    QString expected;
    QString actual;
    QString explanation; // plain words for a failure (empty when passed, except for a note worth
                         // knowing such as "permessage-deflate was accepted but Qt cannot decode it")
};

// Checks a response against the request that caused it (RFC 6455 section 4.1 client requirements).
// Items come in the order Status, Upgrade, Connection, Sec-WebSocket-Accept, Sec-WebSocket-Protocol,
// Sec-WebSocket-Extensions. When the status is not 101 only the Status item is returned: the other
// checks mean nothing for a refused upgrade.
QList<HandshakeCheckItem> checkHandshake(
    const HttpHead &request, const HttpHead &response, TextLanguage language = TextLanguage::English);

// One line explaining a standard header, e.g. for "Sec-WebSocket-Key"; empty for unknown headers. Shown only in
// the window, so it is always in the user's language.
QString headerExplanation(QByteArrayView name);

// Plain words for a non-101 answer to an upgrade, e.g. 403: "The server refused the upgrade: ...".
QString upgradeStatusExplanation(int status, TextLanguage language = TextLanguage::English);

} // namespace wsi
