// DecodedMessage: one application-protocol message (Socket.IO, STOMP, MQTT...) read from a WebSocket message.
#pragma once

#include <QJsonObject>
#include <QString>

namespace wsi {

// Which way a message went. Decoders keep their buffers and handshakes per direction, and a reply pairs
// with a request that went the other way.
enum class DecodeDirection { ClientToServer, ServerToClient };

// Whether a message opens or closes a request/reply pair (see PairMatcher).
enum class PairRole { None, Request, Reply };

// A value type: what the log column, the detail tree and the CLI's "decoded" object show.
struct DecodedMessage
{
    QString protocol; // "socketio", "stomp", "graphql-ws", "jsonrpc", "mqtt", "signalr"
    QString kind; // "EVENT", "SEND", "subscribe", "request", "PUBLISH", "invocation"...
    QString summary; // one line, what a log column shows
    QJsonObject fields; // the protocol's fields, in the order a reader expects them
    PairRole pairRole = PairRole::None;
    QString pairKey; // the same for a request and its reply, e.g. "jsonrpc:7"; empty when unpaired
    QString pairLabel; // what latency statistics group by: the method, event or command
    QString noteId; // stable name of what is malformed, e.g. "truncated-varint"; empty when well-formed
    QString note; // the same in a sentence, with the values involved

    bool isMalformed() const { return !noteId.isEmpty(); }

    // {"protocol", "kind", "summary", ...fields, "note"} as the CLI's JSON Lines carry it.
    QJsonObject toJson() const;

    // A message that could not be read: kind "malformed" unless the caller knows better.
    static DecodedMessage malformed(const QString &protocol, const QString &noteId, const QString &note,
        const QString &kind = QStringLiteral("malformed"));
};

} // namespace wsi
