// StompDecoder: STOMP 1.0, 1.1 and 1.2 frames (command, headers with their escaping, body, heart-beats).
#pragma once

#include "decode/protocoldecoder.h"

namespace wsi {

// A WebSocket message holds one or more frames, each ended by NUL, or only end-of-lines (a heart-beat).
// State: the STOMP version, from the subprotocol ("v11.stomp") or the CONNECTED frame, which decides how
// header values are unescaped.
class StompDecoder : public ProtocolDecoder
{
public:
    // variant: "v10.stomp", "v11.stomp" or "v12.stomp"; anything else reads as 1.2 until CONNECTED says.
    explicit StompDecoder(const QString &variant = {});

    QString protocolId() const override { return QStringLiteral("stomp"); }
    QList<DecodedMessage> decode(QByteArrayView message, DecodeDirection direction, bool isText) override;

    QString version() const { return m_version; }

private:
    // Reads the frame at at, moves at past it; at == -1 afterwards when nothing more can be read.
    DecodedMessage decodeFrame(QByteArrayView bytes, qsizetype &at);
    bool unescape(QByteArrayView raw, const QString &command, QString &out) const;

    QString m_version;
};

} // namespace wsi
