// OutgoingFailureText: the words, and the layer, for the ways an outgoing connection fails to open or drops.
#pragma once

#include "language/recordedtext.h"
#include "store/eventrecord.h"

#include <QAbstractSocket>
#include <QString>

namespace wsi {

// Qt's socket errors say little (a refused target is a proxy error behind the tap); these say which layer
// failed and what to try. Pure text: the OutgoingTransport decides when a failure still needs words.
class OutgoingFailureText
{
public:
    struct Text
    {
        ErrorLayer layer = ErrorLayer::WebSocket;
        RecordedText message; // recorded in English, shown in the window's language
    };

    // opened: the WebSocket had opened, so a closed socket is a drop. silentAfterTls: the tap's TLS with
    // the real server came up and the server closed before answering the upgrade.
    static Text socketError(QAbstractSocket::SocketError error, const QString &qtText, const QString &host, bool opened,
        bool silentAfterTls);
    // The connect deadline passed. tcpUp: the tap reached the server; awaitingUpgrade: the (readable) upgrade
    // request has no answer yet.
    static Text deadline(int timeoutMs, const QString &authority, bool tcpUp, bool awaitingUpgrade);
};

} // namespace wsi
