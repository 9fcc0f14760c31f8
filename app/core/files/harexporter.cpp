// HarExporter: connections as a HAR 1.2 file with Chrome's _webSocketMessages.
#include "files/harexporter.h"

#include "connection/connection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUrlQuery>

namespace wsi {

namespace {

QString isoTime(qint64 timeUs)
{
    return QDateTime::fromMSecsSinceEpoch(timeUs / 1000, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonArray headerList(const HttpHead &head)
{
    QJsonArray list;
    for (const HttpHeader &h : head.headers)
        list.append(QJsonObject { { QStringLiteral("name"), QString::fromLatin1(h.name) },
            { QStringLiteral("value"), QString::fromUtf8(h.value) } });
    return list;
}

double ms(qint64 us)
{
    return us < 0 ? -1.0 : double(us) / 1000.0;
}

} // namespace

QJsonObject HarExporter::entry(const Connection &connection)
{
    const HandshakeRecord &hs = connection.handshake();
    const EventStore &events = connection.events();
    qint64 startUs = connection.startedUs();
    if (events.size() > 0 && (startUs == 0 || events.at(0).timeUs < startUs))
        startUs = events.at(0).timeUs;

    const QUrl url = connection.url();
    QJsonArray query;
    for (const auto &item : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        query.append(QJsonObject { { QStringLiteral("name"), item.first }, { QStringLiteral("value"), item.second } });
    const QJsonObject request {
        { QStringLiteral("method"),
            hs.request.method.isEmpty() ? QStringLiteral("GET") : QString::fromLatin1(hs.request.method) },
        { QStringLiteral("url"), url.toString(QUrl::FullyEncoded) },
        { QStringLiteral("httpVersion"),
            hs.request.version.isEmpty() ? QStringLiteral("HTTP/1.1") : QString::fromLatin1(hs.request.version) },
        { QStringLiteral("cookies"), QJsonArray() },
        { QStringLiteral("headers"), headerList(hs.request) },
        { QStringLiteral("queryString"), query },
        { QStringLiteral("headersSize"), hs.requestComplete ? hs.request.raw.size() : -1 },
        { QStringLiteral("bodySize"), 0 },
    };

    QJsonObject content { { QStringLiteral("size"), hs.responseBody.size() },
        { QStringLiteral("mimeType"),
            hs.response.has("Content-Type") ? QString::fromLatin1(hs.response.value("Content-Type"))
                                            : QStringLiteral("x-unknown") } };
    if (!hs.responseBody.isEmpty()) {
        if (hs.responseBody.isValidUtf8()) {
            content.insert(QStringLiteral("text"), QString::fromUtf8(hs.responseBody));
        } else {
            content.insert(QStringLiteral("text"), QString::fromLatin1(hs.responseBody.toBase64()));
            content.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
        }
    }
    const QJsonObject response {
        { QStringLiteral("status"), hs.responseComplete ? hs.response.status : 0 },
        { QStringLiteral("statusText"), QString::fromLatin1(hs.response.reason) },
        { QStringLiteral("httpVersion"),
            hs.response.version.isEmpty() ? QStringLiteral("HTTP/1.1") : QString::fromLatin1(hs.response.version) },
        { QStringLiteral("cookies"), QJsonArray() },
        { QStringLiteral("headers"), headerList(hs.response) },
        { QStringLiteral("content"), content },
        { QStringLiteral("redirectURL"), QString::fromLatin1(hs.response.value("Location")) },
        { QStringLiteral("headersSize"), hs.responseComplete ? hs.response.raw.size() : -1 },
        { QStringLiteral("bodySize"), hs.responseBody.size() },
    };

    const ConnectionTimings &t = connection.timings();
    const QJsonObject timings {
        { QStringLiteral("blocked"), -1 },
        { QStringLiteral("dns"), ms(t.dnsUs) },
        { QStringLiteral("connect"), ms(t.tcpUs) },
        { QStringLiteral("ssl"), ms(t.tlsUs) },
        { QStringLiteral("send"), 0 },
        { QStringLiteral("wait"), t.upgradeUs < 0 ? 0.0 : ms(t.upgradeUs) },
        { QStringLiteral("receive"), 0 },
    };

    // Chrome's perspective is the browser's: "send" is what the client sent. For a client of the local
    // server that is what came in.
    const bool outgoingIsClient = connection.kind() == Connection::Kind::Outgoing;
    QJsonArray messages;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const EventRecord &r = events.at(i);
        if (r.type != EventType::Message)
            continue;
        const QByteArrayView payload = events.payload(i);
        const bool clientSent = (r.dir == Direction::Outgoing) == outgoingIsClient;
        const bool text = r.hasFlag(FlagText);
        QJsonObject m {
            { QStringLiteral("type"), clientSent ? QStringLiteral("send") : QStringLiteral("receive") },
            { QStringLiteral("time"), double(r.timeUs) / 1e6 },
            { QStringLiteral("opcode"), text ? 1 : 2 },
            { QStringLiteral("data"),
                text ? QString::fromUtf8(payload) : QString::fromLatin1(payload.toByteArray().toBase64()) },
        };
        // Text that is not UTF-8 cannot be a JSON string without loss: keep the bytes alongside (our extension).
        if (text && !payload.isValidUtf8())
            m.insert(QStringLiteral("_dataBase64"), QString::fromLatin1(payload.toByteArray().toBase64()));
        messages.append(m);
    }

    double totalMs = ms(t.totalUs);
    if (totalMs < 0)
        totalMs = events.size() > 0 ? ms(events.at(events.size() - 1).timeUs - startUs) : 0.0;
    QJsonObject e {
        { QStringLiteral("startedDateTime"), isoTime(startUs) },
        { QStringLiteral("time"), totalMs },
        { QStringLiteral("request"), request },
        { QStringLiteral("response"), response },
        { QStringLiteral("cache"), QJsonObject() },
        { QStringLiteral("timings"), timings },
        { QStringLiteral("_resourceType"), QStringLiteral("websocket") },
        { QStringLiteral("_webSocketMessages"), messages },
    };
    // English whatever the window's language, like every recorded text.
    if (const QString status = connection.recordedStatusText(); !status.isEmpty())
        e.insert(QStringLiteral("comment"), status);
    return e;
}

QJsonObject HarExporter::document(const QList<const Connection *> &connections)
{
    QJsonArray entries;
    for (const Connection *c : connections)
        entries.append(entry(*c));
    const QString version = QCoreApplication::applicationVersion();
    return QJsonObject { { QStringLiteral("log"),
        QJsonObject { { QStringLiteral("version"), QStringLiteral("1.2") },
            { QStringLiteral("creator"),
                QJsonObject { { QStringLiteral("name"), QStringLiteral("WS Inspector") },
                    { QStringLiteral("version"), version.isEmpty() ? QStringLiteral("0.1.0") : version } } },
            { QStringLiteral("pages"), QJsonArray() }, { QStringLiteral("entries"), entries } } } };
}

QByteArray HarExporter::toJson(const QList<const Connection *> &connections)
{
    return QJsonDocument(document(connections)).toJson(QJsonDocument::Indented);
}

bool HarExporter::writeFile(const QString &path, const QList<const Connection *> &connections, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson(connections)) < 0 || !file.commit()) {
        if (error)
            *error
                = QCoreApplication::translate("wsi::HarExporter", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace wsi
