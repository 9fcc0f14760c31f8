// UpstreamRequest: the client's upgrade request rewritten for the upstream (target joined, Host rewritten).
#include "proxy/upstreamrequest.h"

#include "protocol/httphead.h"

#include <QRandomGenerator>

namespace wsi {

RecordedText UpstreamRequest::problemWithTarget(const QByteArray &target)
{
    if (target.startsWith('/') && !target.startsWith("//"))
        return {};
    // Recorded on the client leg and sent to the client in English (RecordedText::english()).
    return RecordedText("wsi::UpstreamRequest",
        QT_TRANSLATE_NOOP("wsi::UpstreamRequest",
            "the request target \"%1\" is not a path: this reverse proxy relays to its one upstream only, never to "
            "a target a client names"))
        .arg(printableExcerpt(target));
}

RecordedText UpstreamRequest::problemWithForwardTarget(const QByteArray &target, const QUrl &upstream)
{
    if (problemWithTarget(target).isEmpty())
        return {};
    const QUrl url(QString::fromLatin1(target), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool secure = scheme == QLatin1String("https") || scheme == QLatin1String("wss");
    const bool known = secure || scheme == QLatin1String("http") || scheme == QLatin1String("ws");
    const bool upstreamSecure = upstream.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
    if (known && url.isValid() && url.host().compare(upstream.host(), Qt::CaseInsensitive) == 0
        && url.port(secure ? 443 : 80) == upstream.port(upstreamSecure ? 443 : 80))
        return {};
    return RecordedText("wsi::UpstreamRequest",
        QT_TRANSLATE_NOOP("wsi::UpstreamRequest",
            "the request target \"%1\" names another server than the one this tunnel was opened to"))
        .arg(printableExcerpt(target));
}

QByteArray UpstreamRequest::originForm(const QByteArray &target)
{
    if (target.startsWith('/'))
        return target;
    const QUrl url(QString::fromLatin1(target));
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    return url.hasQuery() ? path + '?' + url.query(QUrl::FullyEncoded).toUtf8() : path;
}

QByteArray UpstreamRequest::joinTarget(const QUrl &upstream, const QByteArray &clientTarget)
{
    const qsizetype mark = clientTarget.indexOf('?');
    QByteArray clientPath = mark < 0 ? clientTarget : clientTarget.left(mark);
    const QByteArray clientQuery = mark < 0 ? QByteArray() : clientTarget.mid(mark + 1);
    QByteArray path = upstream.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    if (clientPath != "/" && !clientPath.isEmpty()) {
        if (path.endsWith('/'))
            path.chop(1);
        path += clientPath;
    }
    QByteArray query = upstream.query(QUrl::FullyEncoded).toUtf8();
    if (!clientQuery.isEmpty())
        query = query.isEmpty() ? clientQuery : query + '&' + clientQuery;
    return query.isEmpty() && mark < 0 ? path : path + '?' + query;
}

QByteArray UpstreamRequest::hostHeader(const QUrl &upstream)
{
    const bool tls = upstream.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
    QByteArray host = upstream.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = upstream.port(-1);
    if (port >= 0 && port != (tls ? 443 : 80))
        host += ':' + QByteArray::number(port);
    return host;
}

QByteArray UpstreamRequest::build(
    const HttpHead &client, const QUrl &upstream, bool keepHost, const QByteArray &viaToken)
{
    QByteArray head;
    head.reserve(client.raw.size() + 64 + viaToken.size());
    head += client.method + ' ' + joinTarget(upstream, originForm(client.target)) + ' ' + client.version + "\r\n";
    // RFC 9110 section 7.6.3: the protocol the request came in ("1.1"), then who received it.
    const QByteArray via = viaToken.isEmpty()
        ? QByteArray()
        : (client.version.startsWith("HTTP/") ? client.version.mid(5) : client.version) + ' ' + viaToken;
    qsizetype lastVia = -1;
    for (qsizetype i = 0; i < client.headers.size(); ++i) {
        if (client.headers[i].name.compare("Via", Qt::CaseInsensitive) == 0)
            lastVia = i;
    }
    bool hostWritten = false;
    for (qsizetype i = 0; i < client.headers.size(); ++i) {
        const HttpHeader &header = client.headers[i];
        if (i == lastVia && !via.isEmpty()) {
            head += header.name + ": " + header.value + ", " + via + "\r\n";
            continue;
        }
        if (header.name.compare("Host", Qt::CaseInsensitive) == 0) {
            if (hostWritten)
                continue; // one Host only (RFC 9112 section 3.2)
            hostWritten = true;
            head += header.name + ": " + (keepHost ? header.value : hostHeader(upstream)) + "\r\n";
            continue;
        }
        head += header.name + ": " + header.value + "\r\n";
    }
    if (!hostWritten)
        head += "Host: " + hostHeader(upstream) + "\r\n";
    if (lastVia < 0 && !via.isEmpty())
        head += "Via: " + via + "\r\n";
    head += "\r\n";
    return head;
}

QByteArray UpstreamRequest::newViaToken()
{
    const quint64 random = QRandomGenerator::system()->generate64();
    return "wsinspector-" + QByteArray::number(random, 16).rightJustified(16, '0');
}

bool UpstreamRequest::cameThrough(const HttpHead &request, const QByteArray &viaToken)
{
    if (viaToken.isEmpty())
        return false;
    for (const HttpHeader &header : request.headers) {
        if (header.name.compare("Via", Qt::CaseInsensitive) != 0)
            continue;
        // Each entry is "protocol received-by [comment]"; entries are separated by commas.
        for (const QByteArray &entry : header.value.split(',')) {
            const QList<QByteArray> parts = entry.simplified().split(' ');
            if (parts.size() >= 2 && parts[1].compare(viaToken, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

RecordedText UpstreamRequest::loopThroughVia(const QByteArray &viaToken)
{
    // Recorded on the client leg and sent to the client in English (RecordedText::english()).
    return RecordedText("wsi::UpstreamRequest",
        QT_TRANSLATE_NOOP("wsi::UpstreamRequest",
            "Loop detected: this request already went through this proxy (its Via header names %1), so the "
            "upstream leads back here through another proxy; relaying it again would loop."))
        .arg(QString::fromLatin1(viaToken));
}

} // namespace wsi
