// ProtocolDuties: what a client owes the protocol riding on its WebSocket to stay connected (pongs, heart-beats).
#pragma once

#include "decode/decodedmessage.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace wsi {

// Sans-IO: shown every decoded message of one connection in order (both directions, with the time it was
// recorded), it says which texts the client must send, now or when due:
// - Socket.IO over Engine.IO 4: the server pings ("2"), the client answers "3" (with the ping's data);
//   over Engine.IO 3 the client pings ("2") every pingInterval of the open packet;
// - STOMP: after CONNECTED, an end-of-line heart-beat every max(cx, sy) ms, where cx is what the client's
//   CONNECT offered and sy what the server's CONNECTED asked for (STOMP 1.2 "Heart-beating");
// - graphql-transport-ws: {"type":"ping"} from the server is answered {"type":"pong"}.
// The caller sends the texts as automatic rows and calls due() when nextDueUs() comes.
class ProtocolDuties
{
public:
    // protocol: a ProtocolDecoder id; variant: what detection learned ("EIO=3"...).
    ProtocolDuties(const QString &protocol, const QString &variant);

    // Whether the protocol has duties at all: a caller may stop watching a connection without any.
    static bool hasDuties(const QString &protocol);

    // Whether a WebSocket message can matter to the duties, judged from its bytes before any decoding: a
    // caller that decodes only for the duties skips the others. Socket.IO's duties read Engine.IO packets
    // (open, ping, close), never the MESSAGE packets ("4...") and binary attachments a busy connection is
    // made of; graphql-ws's only the texts that can be a ping; every STOMP frame counts.
    bool concerns(QByteArrayView message, bool isText) const;

    // A decoded message; returns what to send at once.
    QStringList onMessage(const DecodedMessage &message, DecodeDirection direction, qint64 timeUs);
    // When the next periodic duty is due (recorded-time microseconds), or -1 when none is.
    qint64 nextDueUs() const { return m_intervalUs > 0 ? m_nextDueUs : -1; }
    // The periodic duty, when nowUs has reached nextDueUs(); the next one is then an interval later.
    QStringList due(qint64 nowUs);

    qint64 intervalMs() const { return m_intervalUs / 1000; }

private:
    void onSocketIo(const DecodedMessage &message, DecodeDirection direction, qint64 timeUs, QStringList &out);
    void onStomp(const DecodedMessage &message, DecodeDirection direction, qint64 timeUs);
    void schedule(qint64 intervalMs, qint64 fromUs);

    QString m_protocol;
    int m_engineIoVersion = 4;
    QString m_beat; // the text a periodic duty sends
    qint64 m_clientOffersMs = 0; // STOMP: cx of the client's CONNECT
    qint64 m_intervalUs = 0; // 0: no periodic duty
    qint64 m_nextDueUs = -1;
};

} // namespace wsi
