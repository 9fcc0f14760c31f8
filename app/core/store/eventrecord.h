// EventRecord: one thin record of the event stream (type, direction, time, flags, payload location).
#pragma once

#include <QtGlobal>

namespace wsi {

enum class EventType : quint8 {
    HandshakeRequest,
    HandshakeResponse,
    Open,
    Message,
    Frame,
    Ping,
    Pong,
    Close,
    Error,
    Info,
    Tls, // the real server's TLS: chain, protocol, cipher, verification (payload: a one-line summary)
};

// Who sent it: Outgoing is client -> server for a client connection, Incoming is server -> client.
enum class Direction : quint8 { None, Outgoing, Incoming };

// Which layer an error belongs to; stable names in the session log format.
enum class ErrorLayer : quint8 { None, Dns, Tcp, Tls, Proxy, Http, WebSocket, App };

// Bits of EventRecord::flags.
enum EventFlag : quint8 {
    FlagFin = 0x01,
    FlagRsv1 = 0x02, // message: compressed with permessage-deflate (its first frame had RSV1), payload inflated
    FlagRsv2 = 0x04,
    FlagRsv3 = 0x08,
    FlagMasked = 0x10,
    FlagText = 0x20, // message: text (else binary)
    FlagFromSocket = 0x40, // seen only through QWebSocket's API, not decoded from the wire (e.g. encrypted wss)
    // message: sent by the app itself, not the user (a protocol duty: Engine.IO pong, STOMP heart-beat...)
    FlagAutomatic = 0x80,
};

// One row of a connection's log. Kept small: a million rows must fit comfortably (payload bytes live in the arena).
struct EventRecord
{
    qint64 timeUs = 0; // wall-clock microseconds since the Unix epoch, derived from a monotonic clock
    quint64 payloadOffset = 0; // in the store's PayloadArena
    quint64 value = 0; // Frame: payload length; Message: size; Close: code (or 0xFFFF... none); Pong: round trip us
    quint32 payloadSize = 0; // bytes stored in the arena for this row
    quint32 maskKey = 0; // Frame: mask key in wire order (big-endian); compressed Message: its wire length
    EventType type = EventType::Info;
    Direction dir = Direction::None;
    quint8 sub = 0; // Frame: opcode; Error: ErrorLayer; Message: frame count (saturating at 255)
    quint8 flags = 0; // EventFlag bits
    quint32 reserved = 0; // EventStore's own (it clears it on append)

    ErrorLayer layer() const { return static_cast<ErrorLayer>(sub); }
    bool hasFlag(EventFlag f) const { return (flags & f) != 0; }
};

// What each event stores as payload bytes:
// HandshakeRequest/Response: the raw head bytes (response: followed by the body bytes, value = head size)
// Message/Ping/Pong: the payload; Frame: the raw header bytes (value = payload length), and for a frame of a
//   compressed message (permessage-deflate) its payload after them, unmasked, as the compressor left it: the wire's
//   bytes of RFC 7692, which the Message row holds inflated
// Close: the reason bytes (value = code, or kNoCloseCode); Error/Info: the UTF-8 message text.
constexpr quint64 kNoCloseCode = 0xFFFFFFFFull;

const char *eventTypeId(EventType type); // "handshake_request", "message", ...
const char *errorLayerId(ErrorLayer layer); // "dns", "tcp", "tls", "proxy", "http", "websocket", "app"
const char *directionId(Direction dir); // "out", "in", ""

// Where a Frame row's header bytes end (its payload's compressed bytes, if kept, follow): read from the header's own
// length code and MASK bit, never past the bytes given.
qsizetype frameRowHeaderSize(const char *bytes, qsizetype size);

} // namespace wsi
