// The log's TYPE label of an event ("TEXT", "FRAME PING"), shared by the log, the filter and explanations.
#include "store/eventtypetext.h"

#include "protocol/frameheader.h"

namespace wsi {

QString eventTypeText(const EventRecord &record)
{
    switch (record.type) {
    case EventType::HandshakeRequest:
        return QStringLiteral("UPGRADE");
    case EventType::HandshakeResponse:
        return QStringLiteral("RESPONSE");
    case EventType::Open:
        return QStringLiteral("OPEN");
    case EventType::Message:
        return record.hasFlag(FlagText) ? QStringLiteral("TEXT") : QStringLiteral("BINARY");
    case EventType::Frame:
        return QStringLiteral("FRAME ") + opcodeName(record.sub);
    case EventType::Ping:
        return QStringLiteral("PING");
    case EventType::Pong:
        return QStringLiteral("PONG");
    case EventType::Close:
        return QStringLiteral("CLOSE");
    case EventType::Error:
        return QStringLiteral("ERROR");
    case EventType::Info:
        return QStringLiteral("INFO");
    case EventType::Tls:
        return QStringLiteral("TLS");
    }
    return {};
}

} // namespace wsi
