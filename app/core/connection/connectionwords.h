// ConnectionWords: what a connection says about itself in words: its title, its state, how it ended.
#pragma once

#include "connection/connection.h"
#include "language/recordedtext.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace wsi {

struct CloseExplanation;

// The wording of Connection's texts, apart from its state machine and record: pure functions of what they are
// given, in the "wsi::Connection" translation context as Connection's own tr() had them.
class ConnectionWords
{
public:
    // What the list shows: the URL of a connection this app opened, "client <peer> <target>" for a client of the
    // local server, "proxied <peer> <target> to <url>" for a client of the reverse proxy.
    static QString title(Connection::Kind kind, const QString &peer, const QByteArray &target, const QUrl &url);
    static QString stateText(Connection::State state); // "connecting", "open", ...
    // The status line once nothing more is recorded: who closed first, with which code and reason, from the
    // leg's last Close row in that direction (firstCloseDirection -1: no Close frame). status: the line so far,
    // kept when the wire dropped after it said why; socketCloseCode: what the socket reported (an opaque TLS
    // wire has no Close frames to read).
    static RecordedText closed(const ConnectionLeg &leg, Connection::Kind kind, int firstCloseDirection,
        const RecordedText &status, int socketCloseCode);
    // The explained status line in the current language: the explanation's summary (or the recorded words of a
    // connection that never opened), the effective close code and what to try. opaqueWire: TLS not intercepted.
    static QString explained(const CloseExplanation &why, bool opaqueWire, const QString &recordedStatus);
};

} // namespace wsi
