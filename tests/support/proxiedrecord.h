// proxiedRecord(): a proxied Connection with both legs recorded by hand, for tests of what shows two legs.
#pragma once

#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "wireframe.h"

#include <QByteArray>

namespace wsi {

// The wire as a reverse proxy would have recorded it, but written out here: the client's upgrade (Host: the
// proxy) and the one that went upstream (Host: the upstream), the server's 101 on both legs, one text message
// from the client on each leg (clientSent on the client leg, serverGot on the server leg: they differ only
// when a test wants an edited message) and the server's "echo" back on both. Times alternate legs.
inline Connection *proxiedRecord(const QByteArray &clientSent, const QByteArray &serverGot)
{
    using Facing = ConnectionLeg::Facing;
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://upstream.test:9000/"));
    auto *connection = new Connection(Connection::Kind::Proxied, options, QStringLiteral("127.0.0.1:50000"));
    ProxiedTransport *legs = connection->proxied();
    const QByteArray head = "GET /chat HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    const QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    legs->recordLeg(Facing::Client, Direction::Incoming, 1000, head + "Host: 127.0.0.1:8080\r\n\r\n");
    legs->recordLeg(Facing::Server, Direction::Outgoing, 1100, head + "Host: upstream.test:9000\r\n\r\n");
    legs->recordLeg(Facing::Server, Direction::Incoming, 1200, response);
    legs->recordLeg(Facing::Client, Direction::Outgoing, 1300, response);
    legs->opened();
    legs->recordLeg(Facing::Client, Direction::Incoming, 2000, wireFrame(0x81, clientSent, 0x11223344u));
    legs->recordLeg(Facing::Server, Direction::Outgoing, 2100, wireFrame(0x81, serverGot, 0x55667788u));
    legs->recordLeg(Facing::Server, Direction::Incoming, 2200, wireFrame(0x81, "echo"));
    legs->recordLeg(Facing::Client, Direction::Outgoing, 2300, wireFrame(0x81, "echo"));
    return connection;
}

// The mark on the message row of that leg and direction whose payload is `payload` (null when none or no such row).
inline const ProxyMark *markOf(const ConnectionLeg &leg, Direction direction, const QByteArray &payload)
{
    for (qsizetype i = 0; i < leg.events.size(); ++i) {
        const EventRecord &r = leg.events.at(i);
        if (r.type == EventType::Message && r.dir == direction && leg.events.payloadCopy(i) == payload) {
            const auto mark = leg.proxyMarks.constFind(i);
            return mark == leg.proxyMarks.constEnd() ? nullptr : &*mark;
        }
    }
    return nullptr;
}

} // namespace wsi
