// LessonCatalog: the Learn panel's lessons, in the order they are taught.
#include "learn/lessoncatalog.h"

#include <QCoreApplication>

namespace wsi {

namespace {

using A = LessonStep::Action;

LessonStep say(const char *text)
{
    return LessonStep { A::Explain, text, {}, 0 };
}

LessonStep act(A action, const char *text)
{
    return LessonStep { action, text, {}, 0 };
}

LessonStep point(const char *header, const char *text)
{
    return LessonStep { A::HighlightHeader, text, QByteArray(header), 0 };
}

Lesson why()
{
    return { QStringLiteral("why"), QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Why WebSocket"),
        QT_TRANSLATE_NOOP("wsi::LessonCatalog",
            "HTTP is request and response: the client asks, the server answers, and the server can never speak "
            "first. This lesson walks through the ways around it and what each one costs."),
        {
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "HTTP: the client sends a request and the server sends one response. Between requests the server "
                "has no way to reach the client.")),
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "Polling: the client asks again every few seconds. Most answers are empty, and a message waits "
                "for the next request (up to one interval of latency).")),
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "Long polling: the server holds the request until it has something to say. Under many messages it "
                "turns back into polling: one request per message.")),
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "Streaming: the server keeps one response open and keeps writing to it (chunked or "
                "text/event-stream). It goes one way only: to send, the client still makes separate requests.")),
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "Each of them repeats the HTTP headers (often several hundred bytes, cookies included) for a few "
                "bytes of data. A WebSocket frame header is 2 to 14 bytes.")),
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "WebSocket: one HTTP request upgrades the TCP connection, and from then on both sides send frames "
                "whenever they like. The next lessons show it on a real connection.")),
        } };
}

Lesson handshake()
{
    return { QStringLiteral("handshake"), QT_TRANSLATE_NOOP("wsi::LessonCatalog", "The opening handshake"),
        QT_TRANSLATE_NOOP("wsi::LessonCatalog",
            "A WebSocket starts as an HTTP request. This lesson connects to the test server and walks through the "
            "Handshake tab, header by header."),
        {
            act(A::StartServer,
                QT_TRANSLATE_NOOP(
                    "wsi::LessonCatalog", "Start the test server on loopback (the Test Server panel shows its URL).")),
            act(A::Connect,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "Connect a client to it. The new connection is selected in the list on the left.")),
            act(A::ShowHandshake,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "The Handshake tab: the request the client sent, and the response the server sent back.")),
            point("Origin",
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "Origin: the page the request comes from. Browsers always send it; a server checks it to refuse "
                    "other sites.")),
            point("Connection",
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "Connection: Upgrade: this request asks to change the protocol of this TCP connection.")),
            point("Upgrade", QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Upgrade: websocket: the protocol it asks for.")),
            point("Sec-WebSocket-Key",
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "Sec-WebSocket-Key: 16 random bytes in base64, new for every connection. It proves that the "
                    "server understood a WebSocket request; it is not a security measure.")),
            point("Sec-WebSocket-Version",
                QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Sec-WebSocket-Version: 13, the version of RFC 6455.")),
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "The response status, 101 Switching Protocols: from here on the connection carries WebSocket "
                "frames, not HTTP.")),
            point("Sec-WebSocket-Accept",
                QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Sec-WebSocket-Accept: the server's answer to the key.")),
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "Below the headers, the Accept computation: the key followed by the fixed GUID "
                "258EAFA5-E914-47DA-95CA-C5AB0DC85B11, hashed with SHA-1 and encoded in base64. The client checks "
                "that the server's value matches.")),
        } };
}

Lesson wss()
{
    return { QStringLiteral("wss"), QT_TRANSLATE_NOOP("wsi::LessonCatalog", "ws and wss"),
        QT_TRANSLATE_NOOP("wsi::LessonCatalog",
            "wss is WebSocket over TLS, as https is HTTP over TLS. This lesson opens a wss connection to a local TLS "
            "test server and shows its TLS pane."),
        {
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "ws:// sends everything as plain text: anyone on the path can read and change the frames. wss:// "
                "first sets up TLS on the TCP connection, then runs the same handshake inside it.")),
            act(A::StartTlsServer,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "Start a wss test server on loopback. Its certificate is issued by WS Inspector's own "
                    "certificate authority, which this client trusts.")),
            act(A::Connect, QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Connect to it with wss://.")),
            act(A::ShowHandshake,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "In the Handshake tab, the TLS pane shows the TLS version, the cipher and the certificate chain "
                    "the server presented. The upgrade request inside is the same as with ws.")),
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "On port 443, wss also passes proxies and firewalls that would break a plain ws upgrade.")),
        } };
}

Lesson events()
{
    return { QStringLiteral("events"), QT_TRANSLATE_NOOP("wsi::LessonCatalog", "The four events"),
        QT_TRANSLATE_NOOP("wsi::LessonCatalog",
            "A WebSocket API has four events: OPEN, MESSAGE, ERROR and CLOSE. This lesson sends, pings and closes, "
            "and selects each row of the log as it appears."),
        {
            act(A::StartServer,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Start the test server (it echoes every message).")),
            act(A::ShowMessages,
                QT_TRANSLATE_NOOP(
                    "wsi::LessonCatalog", "The Messages tab lists every event of the selected connection.")),
            act(A::Connect,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "OPEN: the handshake succeeded and the connection is open. Look at the selected row.")),
            act(A::SendText,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "MESSAGE: the client sends a text message and the server echoes it: one row out, one row in.")),
            act(A::Ping,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "A Ping and its Pong are control frames: the API has no event for them. They keep the "
                    "connection alive and measure the round trip.")),
            act(A::CloseClean,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "CLOSE: the client sends Close 1000 and the server answers with its own Close frame; the "
                    "connection ends cleanly.")),
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "ERROR: fired when something fails (a refused handshake, a broken frame, a dropped connection), and "
                "always followed by CLOSE. The next lesson makes one happen.")),
        } };
}

Lesson drop()
{
    return { QStringLiteral("drop"), QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Why it dropped"),
        QT_TRANSLATE_NOOP("wsi::LessonCatalog",
            "When a connection ends, the close code says why, unless no Close frame arrived. This lesson closes "
            "one connection cleanly and has the server drop another."),
        {
            act(A::StartServer, QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Start the test server.")),
            act(A::ShowMessages,
                QT_TRANSLATE_NOOP(
                    "wsi::LessonCatalog", "The Messages tab: the last row of a connection says how it ended.")),
            act(A::Connect, QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Connect a client.")),
            act(A::CloseClean,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "Close it cleanly: both sides send a Close frame. The status line and the last row of the log "
                    "say 1000, closed by the client.")),
            act(A::Connect, QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Connect again.")),
            act(A::DropFromServer,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "Now the server drops the TCP connection without a Close frame, as a crashed process or a lost "
                    "network would. The client reports 1006, abnormal closure.")),
            say(QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                "1006 never travels on the wire: it only says that no Close frame arrived. The cause has to be "
                "found elsewhere: the server's logs, a proxy's idle timeout, the network.")),
        } };
}

Lesson reconnect()
{
    return { QStringLiteral("reconnect"), QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Reconnect"),
        QT_TRANSLATE_NOOP("wsi::LessonCatalog",
            "A WebSocket never reconnects by itself: the application has to. This lesson turns auto-reconnect on, "
            "drops the connection and shows the backoff."),
        {
            act(A::StartServer, QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Start the test server.")),
            act(A::ConnectWithReconnect,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "Connect with auto-reconnect on (the first wait is 2 seconds and doubles after each failure).")),
            act(A::DropFromServer,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "The server drops the connection. Above the log, the reconnect strip counts down to the next "
                    "attempt.")),
            act(A::WaitReconnect,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "The next attempt opens a new connection in the same group. Every failed attempt doubles the "
                    "wait, with jitter, so that many clients do not all come back at the same moment.")),
            act(A::CloseClean,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "The lesson closes the connection: a close the user asked for is never reconnected.")),
        } };
}

Lesson many()
{
    LessonStep open = act(A::OpenIdleClients,
        QT_TRANSLATE_NOOP("wsi::LessonCatalog",
            "Open 50 idle clients. Each one is two sockets in this process: the client's and the server's."));
    open.count = LessonCatalog::idleClients;
    return { QStringLiteral("many"), QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Many connections"),
        QT_TRANSLATE_NOOP("wsi::LessonCatalog",
            "Every open WebSocket holds a socket and buffers at both ends, even when idle. This lesson opens idle "
            "clients to the test server and measures this process, which is both the clients and the server."),
        {
            act(A::StartServer, QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Start the test server.")),
            act(A::MeasureBefore,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "Measure this process's resident memory (VmRSS) and its open file descriptors.")),
            open,
            act(A::MeasureAfter,
                QT_TRANSLATE_NOOP("wsi::LessonCatalog",
                    "Measure again: the difference per connection is what an idle WebSocket costs here. A server "
                    "with 100,000 clients pays it 100,000 times, and needs a descriptor for each (ulimit -n).")),
            act(A::CloseIdleClients, QT_TRANSLATE_NOOP("wsi::LessonCatalog", "Close the idle clients.")),
        } };
}

} // namespace

const QList<Lesson> &LessonCatalog::lessons()
{
    static const QList<Lesson> all { why(), handshake(), wss(), events(), drop(), reconnect(), many() };
    return all;
}

const Lesson *LessonCatalog::find(const QString &id)
{
    for (const Lesson &lesson : lessons()) {
        if (lesson.id == id)
            return &lesson;
    }
    return nullptr;
}

QString LessonCatalog::text(const char *source)
{
    return QCoreApplication::translate("wsi::LessonCatalog", source);
}

} // namespace wsi
