// SessionLogWriter: writes events in the session log format (JSON Lines), one line per event.
#include "files/sessionlogwriter.h"

#include "connection/connection.h"
#include "connection/connectionleg.h"
#include "files/jsonline.h"
#include "files/repeatedpayloadtext.h"
#include "protocol/closecodes.h"
#include "protocol/frameheader.h"
#include "protocol/handshakeparser.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <array>

// Every line goes through JsonLine, which writes keys in the order they are added: keep the keys of each
// event sorted when adding fields, as QJsonDocument (the format's first writer) sorted them.

namespace wsi {

namespace {

// "leg" ("client" or "server") of a proxied connection's event; nothing for a connection with one wire.
void putLeg(JsonLine &line, const char *leg)
{
    if (leg)
        line.utf8("leg", leg);
}

// The first fields of every event line, in sorted key order around the type-specific ones. leg is written
// here when no type-specific key sorts between "group" and "leg"; else the caller writes it in its place.
void putConnDirEvent(
    JsonLine &line, const SessionLogWriter::LineContext &context, const EventRecord &r, const char *leg = nullptr)
{
    // Auto-reconnect: every attempt names its endpoint group and its number (absent otherwise).
    if (context.inGroup)
        line.integer("attempt", context.attempt);
    line.integer("conn", context.connectionId);
    if (r.dir != Direction::None)
        line.latin1("dir", directionId(r.dir));
    line.latin1("event", eventTypeId(r.type));
    if (context.inGroup)
        line.integer("group", context.groupId);
    putLeg(line, leg);
}

void putSource(JsonLine &line, const EventRecord &r)
{
    if (r.hasFlag(FlagFromSocket))
        line.utf8("source", "socket");
}

// Writes "yyyy-MM-ddTHH:mm:ss.zzzZ" (24 characters) for ms since the epoch in years 1970-9999;
// returns false outside that range.
bool formatIsoTime(qint64 ms, char *out)
{
    constexpr qint64 kEnd = 253402300800000; // 10000-01-01T00:00:00Z
    if (ms < 0 || ms >= kEnd)
        return false;
    const qint64 days = ms / 86400000;
    qint64 rest = ms % 86400000;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian).
    const qint64 z = days + 719468;
    const qint64 era = z / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    const int hour = int(rest / 3600000);
    rest %= 3600000;
    const int minute = int(rest / 60000);
    rest %= 60000;
    const int second = int(rest / 1000);
    const int milli = int(rest % 1000);
    auto put = [](char *p, int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            p[i] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(out, year, 4);
    out[4] = '-';
    put(out + 5, month, 2);
    out[7] = '-';
    put(out + 8, day, 2);
    out[10] = 'T';
    put(out + 11, hour, 2);
    out[13] = ':';
    put(out + 14, minute, 2);
    out[16] = ':';
    put(out + 17, second, 2);
    out[19] = '.';
    put(out + 20, milli, 3);
    out[23] = 'Z';
    return true;
}

void putTimes(JsonLine &line, const EventRecord &r)
{
    // Events come in bursts: the date and time of day are formatted once per second, per thread.
    thread_local qint64 cachedSecond = -1;
    thread_local char cached[24];
    const qint64 ms = r.timeUs / 1000;
    if (ms >= 0 && ms / 1000 == cachedSecond) {
        int milli = int(ms % 1000);
        for (int i = 22; i >= 20; --i, milli /= 10)
            cached[i] = char('0' + milli % 10);
        line.utf8("t", QByteArrayView(cached, sizeof cached));
    } else if (formatIsoTime(ms, cached)) {
        cachedSecond = ms / 1000;
        line.utf8("t", QByteArrayView(cached, sizeof cached));
    } else {
        line.text("t", SessionLogWriter::isoTime(r.timeUs));
    }
    line.largeInteger("t_us", r.timeUs);
}

void putMessage(JsonLine &line, int connectionId, const EventRecord &r, QByteArrayView payload,
    const char *leg = nullptr, const ProxyMark *mark = nullptr)
{
    const bool text = r.hasFlag(FlagText);
    if (r.hasFlag(FlagAutomatic))
        line.boolean("auto", true);
    // A proxy writes each payload on four lines (both legs, sent and echoed): made once (RepeatedPayloadText).
    if (!text)
        RepeatedPayloadText::base64(line, "base64", payload);
    // permessage-deflate: the payload is the inflated message; wire_length its compressed size on the wire.
    const bool compressed = r.hasFlag(FlagRsv1);
    if (compressed)
        line.boolean("compressed", true);
    line.integer("conn", connectionId);
    if (r.dir != Direction::None)
        line.latin1("dir", directionId(r.dir));
    line.latin1("event", eventTypeId(r.type));
    if (r.sub > 1)
        line.integer("frames", r.sub);
    putLeg(line, leg);
    // The session's budget kept only the first bytes of a larger message: its size is still the real one.
    const qint64 size = qMax(qint64(r.value), qint64(payload.size()));
    if (size > payload.size())
        line.integer("kept", payload.size());
    if (mark) {
        // What an intercepting proxy did to it; an edit's or replacement's original in the payload's encoding.
        if (mark->hasOriginal()) {
            if (text)
                line.bytes("original_payload", mark->original);
            else
                line.base64("original_payload", mark->original);
        }
        line.latin1("proxy_action", proxyActionId(mark->action));
    }
    line.integer("size", size);
    putSource(line, r);
    putTimes(line, r);
    if (text)
        RepeatedPayloadText::bytes(line, "text", payload);
    line.utf8("type", text ? QByteArrayView("text") : QByteArrayView("binary"));
    if (compressed)
        line.unsignedNumber("wire_length", r.maskKey);
}

// opcodeName() as UTF-8, built once: every frame line carries it.
QByteArrayView opcodeNameUtf8(quint8 opcode)
{
    static const std::array<QByteArray, 16> names = [] {
        std::array<QByteArray, 16> list;
        for (quint8 i = 0; i < 16; ++i)
            list[i] = opcodeName(i).toUtf8();
        return list;
    }();
    return names[opcode & 0xf];
}

} // namespace

QString SessionLogWriter::isoTime(qint64 timeUs)
{
    char iso[24];
    if (formatIsoTime(timeUs / 1000, iso))
        return QString::fromLatin1(iso, sizeof iso);
    return QDateTime::fromMSecsSinceEpoch(timeUs / 1000, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray SessionLogWriter::header(const QString &tool)
{
    JsonLine line(160);
    line.utf8("event", "session");
    line.utf8("format", kFormat);
    line.text("t", isoTime(QDateTime::currentMSecsSinceEpoch() * 1000));
    line.text("tool", tool);
    return line.finish();
}

QByteArray SessionLogWriter::messageLine(int connectionId, const EventRecord &record, QByteArrayView payload)
{
    JsonLine line(200 + payload.size() + payload.size() / 2);
    putMessage(line, connectionId, record, payload);
    return line.finish();
}

QByteArray SessionLogWriter::eventLine(const Connection &connection, qsizetype eventIndex)
{
    return eventLine(connection,
        connection.leg(ConnectionLeg::Facing::Server) ? ConnectionLeg::Facing::Server : ConnectionLeg::Facing::Client,
        eventIndex);
}

SessionLogWriter::LineContext SessionLogWriter::lineContext(const Connection &connection, ConnectionLeg::Facing facing)
{
    LineContext context;
    context.connectionId = connection.id();
    context.inGroup = connection.inGroup();
    context.attempt = connection.attempt();
    context.groupId = connection.groupId();
    // Only a connection with two wires says which one an event crossed.
    context.leg = !connection.hasTwoLegs() ? nullptr : facing == ConnectionLeg::Facing::Client ? "client" : "server";
    return context;
}

QByteArray SessionLogWriter::eventLine(const Connection &connection, ConnectionLeg::Facing facing, qsizetype eventIndex)
{
    const ConnectionLeg &wire = *connection.leg(facing);
    const LineContext context = lineContext(connection, facing);
    const char *leg = context.leg;
    const EventStore &store = wire.events;
    const EventRecord &r = store.at(eventIndex);
    const QByteArrayView payload = store.payload(eventIndex);
    if (!needsConnection(r.type)) {
        const auto mark = wire.proxyMarks.constFind(eventIndex);
        return recordLine(context, r, payload, mark == wire.proxyMarks.constEnd() ? nullptr : &*mark);
    }
    JsonLine line(200 + payload.size() + payload.size() / 2);

    switch (r.type) {
    case EventType::HandshakeRequest: {
        const HttpHead &head = wire.handshake.request;
        putConnDirEvent(line, context, r);
        line.headers("headers", head);
        putLeg(line, leg);
        line.latin1("method", head.method);
        line.bytes("raw", payload);
        putSource(line, r);
        putTimes(line, r);
        line.latin1("target", head.target);
        line.text("url", connection.url().toString());
        break;
    }
    case EventType::HandshakeResponse: {
        const HandshakeRecord &hs = wire.handshake;
        const qsizetype headSize = qsizetype(qMin<quint64>(r.value, quint64(payload.size())));
        const QByteArrayView body = payload.sliced(headSize);
        if (hs.response.status == 101) {
            line.beginObject("accept");
            line.latin1("expected", hs.accept.expected);
            line.latin1("key", hs.accept.key);
            line.latin1("received", hs.accept.received);
            line.boolean("valid", hs.accept.valid);
            line.endObject();
        }
        if (!body.isEmpty())
            line.bytes("body", body);
        putConnDirEvent(line, context, r);
        line.headers("headers", hs.response);
        putLeg(line, leg);
        line.bytes("raw", payload.first(headSize));
        line.latin1("reason", hs.response.reason);
        putSource(line, r);
        line.integer("status", hs.response.status);
        putTimes(line, r);
        break;
    }
    case EventType::Tls: {
        const TlsReport &tls = wire.handshake.tls;
        QJsonArray chain;
        for (const CertificateSummary &c : tls.chain) {
            chain.append(QJsonObject {
                { QStringLiteral("subject"), c.subject },
                { QStringLiteral("issuer"), c.issuer },
                { QStringLiteral("san"), QJsonArray::fromStringList(c.subjectAltNames) },
                { QStringLiteral("not_before"), c.notBefore.toUTC().toString(Qt::ISODate) },
                { QStringLiteral("not_after"), c.notAfter.toUTC().toString(Qt::ISODate) },
                { QStringLiteral("sha256"), c.sha256 },
                { QStringLiteral("key"), QStringLiteral("%1 %2").arg(c.keyType).arg(c.keyBits) },
            });
        }
        line.text("alpn", tls.alpn);
        line.json("chain", chain);
        line.text("cipher", tls.cipher);
        putConnDirEvent(line, context, r);
        line.json("errors", QJsonArray::fromStringList(tls.errorTexts));
        line.text("host", tls.host);
        putLeg(line, leg);
        line.boolean("proceeded_despite_errors", tls.proceededDespiteErrors);
        line.text("protocol", tls.protocol);
        line.lossyUtf8("summary", payload);
        putTimes(line, r);
        line.boolean("verified", tls.verified);
        break;
    }
    default:
        break;
    }
    return line.finish();
}

QByteArray SessionLogWriter::recordLine(
    const LineContext &context, const EventRecord &r, QByteArrayView payload, const ProxyMark *mark)
{
    const char *leg = context.leg;
    JsonLine line(200 + payload.size() + payload.size() / 2);
    switch (r.type) {
    case EventType::Open:
        putConnDirEvent(line, context, r, leg);
        putSource(line, r);
        line.lossyUtf8("subprotocol", payload);
        putTimes(line, r);
        break;
    case EventType::Message:
        putMessage(line, context.connectionId, r, payload, leg, mark);
        break;
    case EventType::Frame:
        putConnDirEvent(line, context, r);
        line.boolean("fin", r.hasFlag(FlagFin));
        line.hex("header_hex", payload);
        putLeg(line, leg);
        line.unsignedNumber("length", r.value);
        if (r.hasFlag(FlagMasked))
            line.hex32("mask_key", r.maskKey);
        line.boolean("masked", r.hasFlag(FlagMasked));
        line.integer("opcode", r.sub);
        if (r.sub < 16)
            line.utf8("opcode_name", opcodeNameUtf8(r.sub));
        else
            line.text("opcode_name", opcodeName(r.sub));
        line.boolean("rsv1", r.hasFlag(FlagRsv1));
        line.boolean("rsv2", r.hasFlag(FlagRsv2));
        line.boolean("rsv3", r.hasFlag(FlagRsv3));
        putSource(line, r);
        putTimes(line, r);
        break;
    case EventType::Ping:
    case EventType::Pong:
        putConnDirEvent(line, context, r, leg);
        if (!payload.isEmpty())
            line.bytes("payload", payload);
        if (r.type == EventType::Pong && r.value > 0)
            line.number("rtt_ms", double(r.value) / 1000.0);
        line.integer("size", payload.size());
        putSource(line, r);
        putTimes(line, r);
        break;
    case EventType::Close:
        if (r.value == kNoCloseCode) {
            line.null("code");
        } else {
            line.integer("code", int(r.value));
            line.text("code_name", closeCodeName(int(r.value)));
        }
        putConnDirEvent(line, context, r, leg);
        line.bytes("reason", payload);
        putSource(line, r);
        putTimes(line, r);
        break;
    case EventType::Error:
        putConnDirEvent(line, context, r);
        line.latin1("layer", errorLayerId(r.layer()));
        putLeg(line, leg);
        line.lossyUtf8("message", payload);
        putSource(line, r);
        putTimes(line, r);
        break;
    case EventType::Info:
        putConnDirEvent(line, context, r, leg);
        line.lossyUtf8("message", payload);
        putSource(line, r);
        putTimes(line, r);
        break;
    default:
        break;
    }
    return line.finish();
}

} // namespace wsi
