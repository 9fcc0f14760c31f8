// HarImporter: WebSocket entries of a HAR file (Chrome, Firefox) as read-only connections.
#include "files/harimporter.h"

#include "connection/connection.h"
#include "explain/closeexplainer.h"
#include "protocol/handshakecheck.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace wsi {

namespace {

QList<HttpHeader> headersFrom(const QJsonArray &list)
{
    QList<HttpHeader> headers;
    for (const QJsonValue &v : list) {
        const QJsonObject h = v.toObject();
        headers.append({ h.value(QLatin1String("name")).toString().toLatin1(),
            h.value(QLatin1String("value")).toString().toUtf8() });
    }
    return headers;
}

QByteArray rebuildHead(const QByteArray &firstLine, const QList<HttpHeader> &headers)
{
    QByteArray raw = firstLine + "\r\n";
    for (const HttpHeader &h : headers)
        raw += h.name + ": " + h.value + "\r\n";
    return raw + "\r\n";
}

bool isWebSocketEntry(const QJsonObject &entry)
{
    if (entry.value(QLatin1String("_resourceType")).toString() == QLatin1String("websocket"))
        return true;
    if (entry.contains(QLatin1String("_webSocketMessages")))
        return true;
    const QString url = entry.value(QLatin1String("request")).toObject().value(QLatin1String("url")).toString();
    return url.startsWith(QLatin1String("ws://")) || url.startsWith(QLatin1String("wss://"));
}

void append(Connection &c, EventType type, Direction dir, qint64 timeUs, const QByteArray &payload, quint64 value = 0,
    quint8 flags = 0)
{
    EventRecord r;
    r.type = type;
    r.dir = dir;
    r.timeUs = timeUs;
    r.value = value;
    r.flags = flags;
    if (type == EventType::Message)
        r.sub = 1;
    c.appendEvent(r, payload);
}

} // namespace

bool HarImporter::fail(const QString &message)
{
    m_error = message;
    m_connections.clear();
    return false;
}

bool HarImporter::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_notes.clear();
        return fail(
            QCoreApplication::translate("wsi::HarImporter", "Cannot open %1: %2").arg(path, file.errorString()));
    }
    return read(file.readAll());
}

bool HarImporter::read(const QByteArray &data)
{
    m_error.clear();
    m_notes.clear();
    m_creator.clear();
    m_connections.clear();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype line = data.left(parseError.offset).count('\n') + 1;
        return fail(QCoreApplication::translate("wsi::HarImporter", "Not a HAR file: %1 at line %2 (offset %3).")
                        .arg(parseError.errorString())
                        .arg(line)
                        .arg(parseError.offset));
    }
    const QJsonObject log = doc.object().value(QLatin1String("log")).toObject();
    if (log.isEmpty() || !log.value(QLatin1String("entries")).isArray())
        return fail(QCoreApplication::translate(
            "wsi::HarImporter", "Not a HAR file: there is no \"log\" object with \"entries\"."));
    const QString version = log.value(QLatin1String("version")).toString();
    if (!version.isEmpty() && version != QLatin1String("1.2") && version != QLatin1String("1.1"))
        m_notes
            << QCoreApplication::translate("wsi::HarImporter", "HAR version %1 is not 1.2; read as 1.2.").arg(version);
    const QJsonObject creator = log.value(QLatin1String("creator")).toObject();
    m_creator
        = QStringLiteral("%1 %2")
              .arg(creator.value(QLatin1String("name")).toString(), creator.value(QLatin1String("version")).toString())
              .trimmed();

    int skipped = 0;
    const QJsonArray entries = log.value(QLatin1String("entries")).toArray();
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        if (!isWebSocketEntry(entry)) {
            ++skipped;
            continue;
        }
        const QJsonObject request = entry.value(QLatin1String("request")).toObject();
        const QJsonObject response = entry.value(QLatin1String("response")).toObject();
        ConnectionOptions options;
        options.url = QUrl(request.value(QLatin1String("url")).toString());
        auto connection = std::make_unique<Connection>(options);

        HandshakeRecord hs;
        HttpHead &req = hs.request;
        req.isRequest = true;
        req.method = request.value(QLatin1String("method")).toString(QStringLiteral("GET")).toLatin1();
        req.target = options.url.path(QUrl::FullyEncoded).toLatin1();
        if (req.target.isEmpty())
            req.target = "/";
        if (options.url.hasQuery())
            req.target += '?' + options.url.query(QUrl::FullyEncoded).toLatin1();
        req.version = request.value(QLatin1String("httpVersion")).toString().toLatin1();
        if (req.version.isEmpty() || !req.version.startsWith("HTTP/"))
            req.version = "HTTP/1.1";
        req.headers = headersFrom(request.value(QLatin1String("headers")).toArray());
        req.raw = rebuildHead(req.method + ' ' + req.target + ' ' + req.version, req.headers);
        hs.requestComplete = true;

        const int status = response.value(QLatin1String("status")).toInt();
        HttpHead &res = hs.response;
        res.status = status;
        res.reason = response.value(QLatin1String("statusText")).toString().toLatin1();
        res.version = response.value(QLatin1String("httpVersion")).toString().toLatin1();
        if (res.version.isEmpty() || !res.version.startsWith("HTTP/"))
            res.version = "HTTP/1.1";
        res.headers = headersFrom(response.value(QLatin1String("headers")).toArray());
        res.raw = rebuildHead(res.version + ' ' + QByteArray::number(status) + ' ' + res.reason, res.headers);
        hs.responseComplete = status > 0;
        const QJsonObject content = response.value(QLatin1String("content")).toObject();
        const QString bodyText = content.value(QLatin1String("text")).toString();
        hs.responseBody = content.value(QLatin1String("encoding")).toString() == QLatin1String("base64")
            ? QByteArray::fromBase64(bodyText.toLatin1())
            : bodyText.toUtf8();
        if (status == 101)
            hs.accept = computeAccept(req.value("Sec-WebSocket-Key"), res.value("Sec-WebSocket-Accept"));
        if (hs.responseComplete)
            hs.checks = checkHandshake(req, res);

        const QDateTime started
            = QDateTime::fromString(entry.value(QLatin1String("startedDateTime")).toString(), Qt::ISODateWithMs);
        const qint64 startUs = started.isValid() ? started.toMSecsSinceEpoch() * 1000 : 0;
        const QJsonObject timings = entry.value(QLatin1String("timings")).toObject();
        const double waitMs = qMax(0.0, timings.value(QLatin1String("wait")).toDouble());
        const qint64 responseUs = startUs + qint64(std::llround(waitMs * 1000.0));

        // The app's own words: English in an exported session, the window's language when shown.
        const RecordedText source = m_creator.isEmpty()
            ? RecordedText("wsi::HarImporter", QT_TRANSLATE_NOOP("wsi::HarImporter", "a HAR file"))
            : RecordedText::plain(m_creator);
        EventRecord info;
        info.type = EventType::Info;
        info.timeUs = startUs;
        connection->appendTextEvent(info,
            RecordedText("wsi::HarImporter",
                QT_TRANSLATE_NOOP("wsi::HarImporter",
                    "Imported from HAR (%1): the handshake heads are rebuilt from the HAR's headers, not recorded "
                    "from the wire; HAR holds no frames, pings or Close frames."))
                .arg(source));
        append(*connection, EventType::HandshakeRequest, Direction::Outgoing, startUs, req.raw);
        if (hs.responseComplete)
            append(*connection, EventType::HandshakeResponse, Direction::Incoming, responseUs,
                res.raw + hs.responseBody, quint64(res.raw.size()));
        if (status == 101)
            append(*connection, EventType::Open, Direction::None, responseUs, res.value("Sec-WebSocket-Protocol"));

        int unknown = 0;
        for (const QJsonValue &mv : entry.value(QLatin1String("_webSocketMessages")).toArray()) {
            const QJsonObject m = mv.toObject();
            const QString type = m.value(QLatin1String("type")).toString();
            const int opcode = m.value(QLatin1String("opcode")).toInt(-1);
            const qint64 timeUs = qint64(std::llround(m.value(QLatin1String("time")).toDouble() * 1e6));
            const QString data = m.value(QLatin1String("data")).toString();
            const Direction dir = type == QLatin1String("send") ? Direction::Outgoing : Direction::Incoming;
            if (type != QLatin1String("send") && type != QLatin1String("receive")) {
                // Chrome records failures of the socket as frames of type "error".
                EventRecord r;
                r.type = EventType::Error;
                r.timeUs = timeUs;
                r.sub = quint8(ErrorLayer::WebSocket);
                connection->appendEvent(r, data.toUtf8());
                continue;
            }
            switch (opcode) {
            case 1: {
                const QJsonValue exact = m.value(QLatin1String("_dataBase64"));
                const QByteArray bytes
                    = exact.isString() ? QByteArray::fromBase64(exact.toString().toLatin1()) : data.toUtf8();
                append(*connection, EventType::Message, dir, timeUs, bytes, quint64(bytes.size()), FlagText);
                break;
            }
            case 2: {
                const QByteArray bytes = QByteArray::fromBase64(data.toLatin1());
                append(*connection, EventType::Message, dir, timeUs, bytes, quint64(bytes.size()));
                break;
            }
            case 8:
                append(*connection, EventType::Close, dir, timeUs, data.toUtf8(), kNoCloseCode);
                break;
            case 9:
                append(*connection, EventType::Ping, dir, timeUs, data.toUtf8());
                break;
            case 10:
                append(*connection, EventType::Pong, dir, timeUs, data.toUtf8());
                break;
            default:
                ++unknown;
                break;
            }
        }
        if (unknown > 0)
            m_notes << QCoreApplication::translate(
                "wsi::HarImporter", "%1: skipped %n message(s) with an unknown opcode.", nullptr, unknown)
                           .arg(options.url.toString());

        ConnectionTimings t;
        t.upgradeUs = qint64(std::llround(waitMs * 1000.0));
        const double total = entry.value(QLatin1String("time")).toDouble(-1);
        t.totalUs = total < 0 ? -1 : qint64(std::llround(total * 1000.0));
        auto timing = [&timings](const char *name) {
            const double v = timings.value(QLatin1String(name)).toDouble(-1);
            return v < 0 ? qint64(-1) : qint64(std::llround(v * 1000.0));
        };
        t.dnsUs = timing("dns");
        t.tcpUs = timing("connect");
        t.tlsUs = timing("ssl");
        const Connection::State state = status == 101 ? Connection::State::Closed : Connection::State::Failed;
        connection->restoreImported(hs, t, state, {});
        Connection *imported = connection.get();
        const QString comment = entry.value(QLatin1String("comment")).toString();
        // HAR has no Close frames, so "the TCP connection dropped" would be a guess: prefer what the file says.
        connection->restoreImported(hs, t, state,
            !comment.isEmpty()  ? RecordedText::plain(comment)
                : status == 101 ? RecordedText("wsi::HarImporter",
                      QT_TRANSLATE_NOOP("wsi::HarImporter", "Imported from HAR: how it closed is not recorded."))
                                : imported->closeExplanation().summaryWords);
        m_connections.push_back(std::move(connection));
    }
    if (skipped > 0)
        m_notes << QCoreApplication::translate("wsi::HarImporter", "Skipped %1 entries that are not WebSockets.")
                       .arg(skipped);
    if (m_connections.empty())
        m_notes << QCoreApplication::translate("wsi::HarImporter", "The HAR file holds no WebSocket entries.");
    return true;
}

std::vector<std::unique_ptr<Connection>> HarImporter::takeConnections()
{
    std::vector<std::unique_ptr<Connection>> taken = std::move(m_connections);
    m_connections.clear();
    return taken;
}

} // namespace wsi
