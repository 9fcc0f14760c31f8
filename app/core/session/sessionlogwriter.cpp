#include "sessionlogwriter.h"

#include "closecodes.h"
#include "connection.h"
#include "frameheader.h"
#include "handshakeparser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTimeZone>

namespace wsi {

namespace {

bool isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)decoder.decode(bytes);
    return !decoder.hasError();
}

// Text stays text; anything that is not valid UTF-8 goes out as base64 so that it round-trips byte-exact.
void putBytes(QJsonObject &object, const QString &textKey, QByteArrayView bytes)
{
    if (isValidUtf8(bytes))
        object.insert(textKey, QString::fromUtf8(bytes));
    else
        object.insert(textKey + QStringLiteral("_base64"), QString::fromLatin1(bytes.toByteArray().toBase64()));
}

QJsonArray headersJson(const HttpHead &head)
{
    QJsonArray headers;
    for (const HttpHeader &h : head.headers)
        headers.append(QJsonArray{QString::fromLatin1(h.name), QString::fromUtf8(h.value)});
    return headers;
}

QString hex32(quint32 value)
{
    return QStringLiteral("%1").arg(value, 8, 16, QLatin1Char('0'));
}

} // namespace

QString SessionLogWriter::isoTime(qint64 timeUs)
{
    return QDateTime::fromMSecsSinceEpoch(timeUs / 1000, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray SessionLogWriter::header(const QString &tool)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QString::fromLatin1(kFormat));
    o.insert(QStringLiteral("event"), QStringLiteral("session"));
    o.insert(QStringLiteral("t"), isoTime(QDateTime::currentMSecsSinceEpoch() * 1000));
    o.insert(QStringLiteral("tool"), tool);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray SessionLogWriter::eventLine(const Connection &connection, qsizetype eventIndex)
{
    const EventStore &store = connection.events();
    const EventRecord &r = store.at(eventIndex);
    const QByteArrayView payload = store.payload(eventIndex);

    QJsonObject o;
    o.insert(QStringLiteral("event"), QString::fromLatin1(eventTypeId(r.type)));
    o.insert(QStringLiteral("t"), isoTime(r.timeUs));
    o.insert(QStringLiteral("t_us"), double(r.timeUs));
    o.insert(QStringLiteral("conn"), connection.id());
    if (r.dir != Direction::None)
        o.insert(QStringLiteral("dir"), QString::fromLatin1(directionId(r.dir)));
    if (r.hasFlag(FlagFromSocket))
        o.insert(QStringLiteral("source"), QStringLiteral("socket"));

    switch (r.type) {
    case EventType::HandshakeRequest: {
        const HttpHead &head = connection.handshake().request;
        o.insert(QStringLiteral("url"), connection.url().toString());
        o.insert(QStringLiteral("method"), QString::fromLatin1(head.method));
        o.insert(QStringLiteral("target"), QString::fromLatin1(head.target));
        o.insert(QStringLiteral("headers"), headersJson(head));
        putBytes(o, QStringLiteral("raw"), payload);
        break;
    }
    case EventType::HandshakeResponse: {
        const HandshakeRecord &hs = connection.handshake();
        const qsizetype headSize = qsizetype(qMin<quint64>(r.value, quint64(payload.size())));
        o.insert(QStringLiteral("status"), hs.response.status);
        o.insert(QStringLiteral("reason"), QString::fromLatin1(hs.response.reason));
        o.insert(QStringLiteral("headers"), headersJson(hs.response));
        putBytes(o, QStringLiteral("raw"), payload.first(headSize));
        const QByteArrayView body = payload.sliced(headSize);
        if (!body.isEmpty())
            putBytes(o, QStringLiteral("body"), body);
        if (hs.response.status == 101) {
            o.insert(QStringLiteral("accept"), QJsonObject{
                {QStringLiteral("key"), QString::fromLatin1(hs.accept.key)},
                {QStringLiteral("expected"), QString::fromLatin1(hs.accept.expected)},
                {QStringLiteral("received"), QString::fromLatin1(hs.accept.received)},
                {QStringLiteral("valid"), hs.accept.valid},
            });
        }
        break;
    }
    case EventType::Open:
        o.insert(QStringLiteral("subprotocol"), QString::fromUtf8(payload));
        break;
    case EventType::Message:
        o.insert(QStringLiteral("type"), r.hasFlag(FlagText) ? QStringLiteral("text") : QStringLiteral("binary"));
        o.insert(QStringLiteral("size"), double(payload.size()));
        if (r.hasFlag(FlagText))
            putBytes(o, QStringLiteral("text"), payload);
        else
            o.insert(QStringLiteral("base64"), QString::fromLatin1(payload.toByteArray().toBase64()));
        if (r.sub > 1)
            o.insert(QStringLiteral("frames"), int(r.sub));
        break;
    case EventType::Frame:
        o.insert(QStringLiteral("fin"), r.hasFlag(FlagFin));
        o.insert(QStringLiteral("rsv1"), r.hasFlag(FlagRsv1));
        o.insert(QStringLiteral("rsv2"), r.hasFlag(FlagRsv2));
        o.insert(QStringLiteral("rsv3"), r.hasFlag(FlagRsv3));
        o.insert(QStringLiteral("opcode"), int(r.sub));
        o.insert(QStringLiteral("opcode_name"), opcodeName(r.sub));
        o.insert(QStringLiteral("masked"), r.hasFlag(FlagMasked));
        if (r.hasFlag(FlagMasked))
            o.insert(QStringLiteral("mask_key"), hex32(r.maskKey));
        o.insert(QStringLiteral("length"), double(r.value));
        o.insert(QStringLiteral("header_hex"), QString::fromLatin1(payload.toByteArray().toHex()));
        break;
    case EventType::Ping:
    case EventType::Pong:
        o.insert(QStringLiteral("size"), double(payload.size()));
        if (!payload.isEmpty())
            putBytes(o, QStringLiteral("payload"), payload);
        if (r.type == EventType::Pong && r.value > 0)
            o.insert(QStringLiteral("rtt_ms"), double(r.value) / 1000.0);
        break;
    case EventType::Close:
        if (r.value == kNoCloseCode) {
            o.insert(QStringLiteral("code"), QJsonValue::Null);
        } else {
            o.insert(QStringLiteral("code"), int(r.value));
            o.insert(QStringLiteral("code_name"), closeCodeName(int(r.value)));
        }
        putBytes(o, QStringLiteral("reason"), payload);
        break;
    case EventType::Error:
        o.insert(QStringLiteral("layer"), QString::fromLatin1(errorLayerId(r.layer())));
        o.insert(QStringLiteral("message"), QString::fromUtf8(payload));
        break;
    case EventType::Info:
        o.insert(QStringLiteral("message"), QString::fromUtf8(payload));
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace wsi
