// BrowserHeaders: the request headers the transport comparison's HTTP and WebSocket clients send, like a browser.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace wsi {

// The request headers of the comparison's clients: what a browser sends with every request is a large part of
// what polling costs, so the default is a real Chrome's set, and a user can paste their own browser's.
class BrowserHeaders
{
public:
    using List = QList<QPair<QByteArray, QByteArray>>;

    // A desktop Chrome's fetch() from a page of the same origin.
    static List chromeDefaults();
    // "Name: value" lines as DevTools copies them. HTTP/2 pseudo-headers (":authority") and the headers the
    // transport itself decides (Host, Content-Length, Connection, Upgrade, Sec-WebSocket-*, ...) are left out;
    // an empty result means the text held no usable header.
    static List parse(const QString &text);
    // The list as "Name: value" lines, for the box where the user edits them.
    static QString toText(const List &headers);
    // Whether the client's own framing owns this header (it is never taken from the user's list).
    static bool isTransportOwned(QByteArrayView name);
};

} // namespace wsi
