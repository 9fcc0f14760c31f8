// ProtocolDetector: which application protocol a connection speaks, from override, subprotocol, URL, first frames.
#include "decode/protocoldetector.h"

#include "decode/decodetext.h"
#include "decode/protocoldecoder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace wsi {

namespace {

// The reasons' words: spell each source as QT_TRANSLATE_NOOP("wsi::ProtocolDetector", "...") so lupdate sees it.
RecordedText said(const char *source)
{
    return RecordedText("wsi::ProtocolDetector", source);
}

} // namespace

void ProtocolDetector::setOverride(const QString &protocolOrAuto)
{
    m_override = protocolOrAuto == QLatin1String("auto") ? QString() : protocolOrAuto;
}

void ProtocolDetector::setSubprotocol(const QString &subprotocol)
{
    m_subprotocol = fromSubprotocol(subprotocol);
}

void ProtocolDetector::setUrl(const QUrl &url)
{
    m_url = fromUrl(url);
}

void ProtocolDetector::observe(QByteArrayView message, DecodeDirection, bool isText)
{
    if (m_framesSeen >= kFramesExamined || !m_frames.protocol.isEmpty())
        return;
    ++m_framesSeen;
    const QString found = protocolFromFrame(message, isText);
    if (!found.isEmpty())
        m_frames
            = Finding { found, QString(), said(QT_TRANSLATE_NOOP("wsi::ProtocolDetector", "first frames")), QString() };
}

QString ProtocolDetector::protocol() const
{
    if (!m_override.isEmpty())
        return m_override == QLatin1String("none") ? QString() : m_override;
    for (const Finding *f : { &m_subprotocol, &m_url, &m_frames }) {
        if (!f->protocol.isEmpty() || !f->unsupported.isEmpty())
            return f->protocol;
    }
    return {};
}

QString ProtocolDetector::variant() const
{
    // The URL's Engine.IO version or the subprotocol's STOMP version hold even when the protocol came
    // from elsewhere.
    if (!m_subprotocol.variant.isEmpty())
        return m_subprotocol.variant;
    return m_url.variant;
}

QString ProtocolDetector::unsupportedProtocol() const
{
    if (!m_override.isEmpty())
        return {};
    for (const Finding *f : { &m_subprotocol, &m_url, &m_frames }) {
        if (!f->protocol.isEmpty() || !f->unsupported.isEmpty())
            return f->unsupported;
    }
    return {};
}

QString ProtocolDetector::reason() const
{
    if (!m_override.isEmpty())
        return said(QT_TRANSLATE_NOOP("wsi::ProtocolDetector", "chosen by the user")).translated();
    for (const Finding *f : { &m_subprotocol, &m_url, &m_frames }) {
        if (!f->protocol.isEmpty() || !f->unsupported.isEmpty())
            return f->reason.translated();
    }
    return {};
}

ProtocolDetector::Finding ProtocolDetector::fromSubprotocol(const QString &subprotocol)
{
    const QString s = subprotocol.trimmed().toLower();
    const RecordedText reason
        = said(QT_TRANSLATE_NOOP("wsi::ProtocolDetector", "subprotocol %1")).arg(subprotocol.trimmed());
    if (s.isEmpty())
        return {};
    if (s == QLatin1String("mqtt") || s == QLatin1String("mqttv3.1"))
        return { QStringLiteral("mqtt"), QString(), reason, QString() };
    if (s == QLatin1String("graphql-transport-ws") || s == QLatin1String("graphql-ws"))
        return { QStringLiteral("graphql-ws"), s, reason, QString() };
    if (s == QLatin1String("v10.stomp") || s == QLatin1String("v11.stomp") || s == QLatin1String("v12.stomp"))
        return { QStringLiteral("stomp"), s, reason, QString() };
    if (s.startsWith(QLatin1String("wamp.")))
        return { QString(), QString(), reason, QStringLiteral("wamp") };
    if (s == QLatin1String("jsonrpc") || s == QLatin1String("jsonrpc2.0") || s == QLatin1String("json-rpc"))
        return { QStringLiteral("jsonrpc"), QString(), reason, QString() };
    return {};
}

ProtocolDetector::Finding ProtocolDetector::fromUrl(const QUrl &url)
{
    const QUrlQuery query(url);
    const QString path = url.path();
    const QString eio = query.queryItemValue(QStringLiteral("EIO"));
    if (path.contains(QLatin1String("/socket.io")) || !eio.isEmpty()) {
        const QString variant = eio == QLatin1String("3") ? QStringLiteral("EIO=3") : QStringLiteral("EIO=4");
        return { QStringLiteral("socketio"), variant,
            said(QT_TRANSLATE_NOOP("wsi::ProtocolDetector", "URL %1")).arg(path + QStringLiteral("?EIO=") + eio),
            QString() };
    }
    // ASP.NET Core SignalR: after negotiate, the client connects to the hub's path with ?id=<token>.
    const QString lastSegment = path.section(QLatin1Char('/'), -1).toLower();
    if (query.hasQueryItem(QStringLiteral("id"))
        && (lastSegment.endsWith(QLatin1String("hub")) || path.contains(QLatin1String("/hubs/"), Qt::CaseInsensitive)))
        return { QStringLiteral("signalr"), QString(),
            said(QT_TRANSLATE_NOOP("wsi::ProtocolDetector", "URL %1")).arg(path + QStringLiteral("?id=")), QString() };
    return {};
}

QString ProtocolDetector::protocolFromFrame(QByteArrayView m, bool isText)
{
    if (!isText) {
        // MQTT CONNECT: type 1, a remaining length, then the protocol name "MQTT" (or 3.1's "MQIsdp").
        if (m.size() >= 8 && quint8(m[0]) == 0x10) {
            qsizetype at = 1;
            while (at < m.size() && at < 5 && (quint8(m[at]) & 0x80))
                ++at;
            const QByteArrayView rest = m.sliced(qMin(at + 1, m.size()));
            if (rest.startsWith(QByteArrayView("\x00\x04MQTT", 6))
                || rest.startsWith(QByteArrayView("\x00\x06MQIsdp", 8)))
                return QStringLiteral("mqtt");
        }
        return {};
    }
    // Engine.IO open packet: 0{"sid":...}
    if (m.startsWith("0{")) {
        QJsonValue v;
        QString error;
        if (decodetext::parseJsonValue(m.sliced(1), v, error) && v.toObject().contains(QLatin1String("sid")))
            return QStringLiteral("socketio");
    }
    // SignalR handshake request: {"protocol":"json","version":1} then the record separator.
    if (m.endsWith('\x1e')) {
        QJsonValue v;
        QString error;
        if (decodetext::parseJsonValue(m.first(m.indexOf('\x1e')), v, error)
            && v.toObject().contains(QLatin1String("protocol")) && v.toObject().contains(QLatin1String("version")))
            return QStringLiteral("signalr");
    }
    for (const char *command : { "CONNECT\n", "CONNECT\r\n", "STOMP\n", "STOMP\r\n", "CONNECTED\n", "CONNECTED\r\n" }) {
        if (m.startsWith(command))
            return QStringLiteral("stomp");
    }
    if (m.startsWith("{") || m.startsWith("[")) {
        QJsonValue v;
        QString error;
        if (!decodetext::parseJsonValue(m, v, error))
            return {};
        const QJsonObject o = v.isArray() ? v.toArray().at(0).toObject() : v.toObject();
        if (o.value(QLatin1String("jsonrpc")).toString() == QLatin1String("2.0"))
            return QStringLiteral("jsonrpc");
        if (o.value(QLatin1String("type")).toString() == QLatin1String("connection_init"))
            return QStringLiteral("graphql-ws");
    }
    return {};
}

} // namespace wsi
