// BrowserHeaders: the request headers the transport comparison's HTTP and WebSocket clients send, like a browser.
#include "transports/browserheaders.h"

#include <QStringList>

namespace wsi {

BrowserHeaders::List BrowserHeaders::chromeDefaults()
{
    return {
        { "sec-ch-ua", "\"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\", \"Not-A.Brand\";v=\"99\"" },
        { "sec-ch-ua-mobile", "?0" },
        { "User-Agent",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
            "Safari/537.36" },
        { "sec-ch-ua-platform", "\"Linux\"" },
        { "Accept", "*/*" },
        { "Sec-Fetch-Site", "same-origin" },
        { "Sec-Fetch-Mode", "cors" },
        { "Sec-Fetch-Dest", "empty" },
        { "Referer", "http://127.0.0.1/app/dashboard" },
        { "Accept-Encoding", "gzip, deflate, br, zstd" },
        { "Accept-Language", "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7" },
        { "Cookie", "session=6f1c2a9e4b7d4e0f8a3b5c2d1e9f7a6b; theme=dark; _ga=GA1.1.1234567890.1714000000" },
    };
}

bool BrowserHeaders::isTransportOwned(QByteArrayView name)
{
    static const QList<QByteArray> owned = { "host", "content-length", "content-type", "connection", "keep-alive",
        "transfer-encoding", "upgrade", "te", "trailer", "proxy-connection", "last-event-id" };
    const QByteArray lower = name.toByteArray().toLower();
    return owned.contains(lower) || lower.startsWith("sec-websocket-");
}

BrowserHeaders::List BrowserHeaders::parse(const QString &text)
{
    List headers;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        // ":authority: example.com" (HTTP/2 pseudo-headers, as DevTools shows them) has its colon first.
        const qsizetype colon = trimmed.indexOf(QLatin1Char(':'), trimmed.startsWith(QLatin1Char(':')) ? 1 : 0);
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char(':')) || colon <= 0)
            continue;
        const QByteArray name = trimmed.left(colon).trimmed().toLatin1();
        const QByteArray value = trimmed.mid(colon + 1).trimmed().toUtf8();
        // A request line ("GET /path HTTP/1.1") pasted along with the headers is no header.
        if (name.contains(' ') || isTransportOwned(name))
            continue;
        headers.append({ name, value });
    }
    return headers;
}

QString BrowserHeaders::toText(const List &headers)
{
    QStringList lines;
    for (const auto &header : headers)
        lines << QString::fromUtf8(header.first + ": " + header.second);
    return lines.join(QLatin1Char('\n'));
}

} // namespace wsi
