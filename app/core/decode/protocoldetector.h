// ProtocolDetector: which application protocol a connection speaks, from override, subprotocol, URL, first frames.
#pragma once

#include "decode/decodedmessage.h"

#include <QByteArrayView>
#include <QString>
#include <QUrl>

namespace wsi {

// Sans-IO: told the user's override, the negotiated subprotocol and the URL, then shown the first messages.
// The strongest evidence wins: the override, then the subprotocol, then the URL, then the first frames.
// protocol() is a ProtocolDecoder id or empty; a protocol recognised but not decoded ("wamp") is named by
// unsupportedProtocol() instead.
class ProtocolDetector
{
public:
    // Frames looked at before detection gives up.
    static constexpr int kFramesExamined = 4;

    // "auto" (or empty) detects; "none" turns decoding off; a protocol id forces it.
    void setOverride(const QString &protocolOrAuto);
    void setSubprotocol(const QString &subprotocol);
    void setUrl(const QUrl &url);
    void observe(QByteArrayView message, DecodeDirection direction, bool isText);

    QString protocol() const;
    QString variant() const; // for ProtocolDecoder::create: "EIO=3", "v11.stomp", "graphql-transport-ws"...
    QString unsupportedProtocol() const;
    // How the protocol was found, e.g. "subprotocol v12.stomp", in the language in effect now: only the window
    // shows it (the detail pane, the log's tooltip), so it is said when asked and follows a switch.
    QString reason() const;

    // The protocol one first message shows, or empty. variant is set for Socket.IO's Engine.IO version.
    static QString protocolFromFrame(QByteArrayView message, bool isText);

private:
    struct Finding
    {
        QString protocol;
        QString variant;
        RecordedText reason;
        QString unsupported;
    };
    static Finding fromSubprotocol(const QString &subprotocol);
    static Finding fromUrl(const QUrl &url);

    QString m_override;
    Finding m_subprotocol;
    Finding m_url;
    Finding m_frames;
    int m_framesSeen = 0;
};

} // namespace wsi
