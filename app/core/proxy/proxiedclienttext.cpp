// ProxiedClientText: the words a reverse proxy client records on its legs (who closed, a stop, a limit, no answer).
#include "proxy/proxiedclienttext.h"

namespace wsi {

namespace {

RecordedText said(const char *source)
{
    return RecordedText("wsi::ProxiedClient", source);
}

} // namespace

RecordedText ProxiedClientText::closedItsSide(bool client)
{
    return client ? said(QT_TRANSLATE_NOOP("wsi::ProxiedClient", "The client closed its TCP connection."))
                  : said(QT_TRANSLATE_NOOP("wsi::ProxiedClient", "The server closed its TCP connection."));
}

RecordedText ProxiedClientText::closedOtherSide(bool clientLeft)
{
    return clientLeft ? said(QT_TRANSLATE_NOOP(
               "wsi::ProxiedClient", "The proxy closed the TCP connection to the server: the client's closed."))
                      : said(QT_TRANSLATE_NOOP("wsi::ProxiedClient",
                          "The proxy closed the TCP connection to the client: the server's closed."));
}

RecordedText ProxiedClientText::stopped(bool towardClient)
{
    return towardClient
        ? said(
            QT_TRANSLATE_NOOP("wsi::ProxiedClient", "The proxy stopped: it closed the TCP connection to the client."))
        : said(
            QT_TRANSLATE_NOOP("wsi::ProxiedClient", "The proxy stopped: it closed the TCP connection to the server."));
}

RecordedText ProxiedClientText::oversizedFrame(bool fromClient, qint64 limit)
{
    return said(QT_TRANSLATE_NOOP("wsi::ProxiedClient",
                    "A frame from the %1 is larger than the proxy's limit of %2 bytes: both sides closed."))
        .arg(fromClient ? said(QT_TRANSLATE_NOOP("wsi::ProxiedClient", "client"))
                        : said(QT_TRANSLATE_NOOP("wsi::ProxiedClient", "server")))
        .arg(limit);
}

RecordedText ProxiedClientText::unanswered(const QUrl &upstream)
{
    return said(QT_TRANSLATE_NOOP("wsi::ProxiedClient",
                    "HTTP failure at the upstream %1: the server closed the connection without answering the upgrade."))
        .arg(upstream.toString());
}

} // namespace wsi
