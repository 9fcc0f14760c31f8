// EventRecord: one thin record of the event stream (type, direction, time, flags, payload location).
#include "store/eventrecord.h"

#include "protocol/frameheader.h"

namespace wsi {

const char *eventTypeId(EventType type)
{
    switch (type) {
    case EventType::HandshakeRequest:
        return "handshake_request";
    case EventType::HandshakeResponse:
        return "handshake_response";
    case EventType::Open:
        return "open";
    case EventType::Message:
        return "message";
    case EventType::Frame:
        return "frame";
    case EventType::Ping:
        return "ping";
    case EventType::Pong:
        return "pong";
    case EventType::Close:
        return "close";
    case EventType::Error:
        return "error";
    case EventType::Info:
        return "info";
    case EventType::Tls:
        return "tls";
    }
    return "info";
}

const char *errorLayerId(ErrorLayer layer)
{
    switch (layer) {
    case ErrorLayer::Dns:
        return "dns";
    case ErrorLayer::Tcp:
        return "tcp";
    case ErrorLayer::Tls:
        return "tls";
    case ErrorLayer::Proxy:
        return "proxy";
    case ErrorLayer::Http:
        return "http";
    case ErrorLayer::WebSocket:
        return "websocket";
    case ErrorLayer::App:
    case ErrorLayer::None:
        return "app";
    }
    return "app";
}

const char *directionId(Direction dir)
{
    switch (dir) {
    case Direction::Outgoing:
        return "out";
    case Direction::Incoming:
        return "in";
    case Direction::None:
        return "";
    }
    return "";
}

qsizetype frameRowHeaderSize(const char *bytes, qsizetype size)
{
    if (size < 2)
        return size;
    return qMin(qsizetype(frameHeaderSize(quint8(bytes[1]))), size);
}

} // namespace wsi
