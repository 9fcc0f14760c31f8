// SessionLogWriter: writes events in the session log format (JSON Lines), one line per event.
#include "files/sessionlogwriter.h"

#include "connection/connection.h"
#include "connection/connectionleg.h"
#include "files/eventlinetimes.h"
#include "files/forwardedpayloads.h"
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
        line.ascii("dir", directionId(r.dir));
    line.ascii("event", eventTypeId(r.type));
    if (context.inGroup)
        line.integer("group", context.groupId);
    putLeg(line, leg);
}

void putSource(JsonLine &line, const EventRecord &r)
{
    if (r.hasFlag(FlagFromSocket))
        line.utf8("source", "socket");
}

// payloadOf: the number of the other leg's `in` message line whose payload this one forwards unchanged, written
// instead of the payload (version 4, ForwardedPayloads); 0: the payload is written.
void putMessage(JsonLine &line, int connectionId, const EventRecord &r, QByteArrayView payload,
    const char *leg = nullptr, const ProxyMark *mark = nullptr, quint64 payloadOf = 0)
{
    const bool text = r.hasFlag(FlagText);
    if (r.hasFlag(FlagAutomatic))
        line.boolean("auto", true);
    // A proxy writes each payload on two lines even so (both legs, sent and echoed): made once (RepeatedPayloadText).
    if (!text && !payloadOf)
        RepeatedPayloadText::base64(line, "base64", payload);
    // permessage-deflate: the payload is the inflated message; wire_length its compressed size on the wire.
    const bool compressed = r.hasFlag(FlagRsv1);
    if (compressed)
        line.boolean("compressed", true);
    line.integer("conn", connectionId);
    if (r.dir != Direction::None)
        line.ascii("dir", directionId(r.dir));
    line.ascii("event", eventTypeId(r.type));
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
    if (payloadOf)
        line.unsignedNumber("payload_of", payloadOf);
    line.integer("size", size);
    putSource(line, r);
    EventLineTimes::put(line, r.timeUs);
    if (text && !payloadOf)
        RepeatedPayloadText::bytes(line, "text", payload);
    line.ascii("type", text ? QByteArrayView("text") : QByteArrayView("binary"));
    if (compressed)
        line.unsignedNumber("wire_length", r.maskKey);
}

// Room for one line without growing: a frame line is ~250 bytes, a text payload's escapes can add half again.
qsizetype lineReserve(QByteArrayView payload)
{
    return 256 + payload.size() + payload.size() / 2;
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
    if (EventLineTimes::formatIso(timeUs / 1000, iso))
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

QByteArray SessionLogWriter::eventLine(
    const Connection &connection, ConnectionLeg::Facing facing, qsizetype eventIndex, ForwardedPayloads *forwarded)
{
    QByteArray out;
    appendEventLine(out, connection, facing, eventIndex, forwarded);
    return out;
}

void SessionLogWriter::appendEventLine(QByteArray &out, const Connection &connection, ConnectionLeg::Facing facing,
    qsizetype eventIndex, ForwardedPayloads *forwarded)
{
    const EventStore &store = connection.leg(facing)->events;
    appendEventLine(out, connection, facing, eventIndex, store.at(eventIndex), store.payload(eventIndex), forwarded);
}

void SessionLogWriter::appendEventLine(QByteArray &out, const Connection &connection, ConnectionLeg::Facing facing,
    qsizetype eventIndex, const EventRecord &r, QByteArrayView payload, ForwardedPayloads *forwarded)
{
    const ConnectionLeg &wire = *connection.leg(facing);
    const LineContext context = lineContext(connection, facing);
    const char *leg = context.leg;
    if (!needsConnection(r.type)) {
        const auto mark = wire.proxyMarks.constFind(eventIndex);
        appendRecordLine(out, context, r, payload, mark == wire.proxyMarks.constEnd() ? nullptr : &*mark, forwarded);
        return;
    }
    JsonLine line = JsonLine::appending(std::move(out), lineReserve(payload));

    switch (r.type) {
    case EventType::HandshakeRequest: {
        const HttpHead &head = wire.handshake.request;
        putConnDirEvent(line, context, r);
        line.headers("headers", head);
        putLeg(line, leg);
        line.latin1("method", head.method);
        line.bytes("raw", payload);
        putSource(line, r);
        EventLineTimes::put(line, r.timeUs);
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
        EventLineTimes::put(line, r.timeUs);
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
        EventLineTimes::put(line, r.timeUs);
        line.boolean("verified", tls.verified);
        break;
    }
    default:
        break;
    }
    out = line.finish();
}

QByteArray SessionLogWriter::recordLine(const LineContext &context, const EventRecord &record, QByteArrayView payload,
    const ProxyMark *mark, ForwardedPayloads *forwarded)
{
    QByteArray out;
    appendRecordLine(out, context, record, payload, mark, forwarded);
    return out;
}

void SessionLogWriter::appendRecordLine(QByteArray &out, const LineContext &context, const EventRecord &r,
    QByteArrayView payload, const ProxyMark *mark, ForwardedPayloads *forwarded)
{
    const char *leg = context.leg;
    JsonLine line = JsonLine::appending(std::move(out), lineReserve(payload));
    switch (r.type) {
    case EventType::Open:
        putConnDirEvent(line, context, r, leg);
        putSource(line, r);
        line.lossyUtf8("subprotocol", payload);
        EventLineTimes::put(line, r.timeUs);
        break;
    case EventType::Message: {
        // Only a proxied connection's lines (with a leg) can name the other leg's.
        const quint64 payloadOf
            = forwarded && leg ? forwarded->nextLine(leg[0] == 'c', r, payload, mark != nullptr) : 0;
        putMessage(line, context.connectionId, r, payload, leg, mark, payloadOf);
        break;
    }
    case EventType::Frame: {
        // A compressed message's frame keeps its payload after the header (EventRecord): the deflated bytes.
        const qsizetype headerSize = frameRowHeaderSize(payload.data(), payload.size());
        putConnDirEvent(line, context, r);
        line.boolean("fin", r.hasFlag(FlagFin));
        line.hex("header_hex", payload.first(headerSize));
        putLeg(line, leg);
        line.unsignedNumber("length", r.value);
        if (r.hasFlag(FlagMasked))
            line.hex32("mask_key", r.maskKey);
        line.boolean("masked", r.hasFlag(FlagMasked));
        line.integer("opcode", r.sub);
        if (r.sub < 16)
            line.ascii("opcode_name", opcodeNameUtf8(r.sub));
        else
            line.text("opcode_name", opcodeName(r.sub));
        if (headerSize < payload.size())
            line.base64("payload_base64", payload.sliced(headerSize));
        line.boolean("rsv1", r.hasFlag(FlagRsv1));
        line.boolean("rsv2", r.hasFlag(FlagRsv2));
        line.boolean("rsv3", r.hasFlag(FlagRsv3));
        putSource(line, r);
        EventLineTimes::put(line, r.timeUs);
        break;
    }
    case EventType::Ping:
    case EventType::Pong:
        putConnDirEvent(line, context, r, leg);
        if (!payload.isEmpty())
            line.bytes("payload", payload);
        if (r.type == EventType::Pong && r.value > 0)
            line.number("rtt_ms", double(r.value) / 1000.0);
        line.integer("size", payload.size());
        putSource(line, r);
        EventLineTimes::put(line, r.timeUs);
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
        EventLineTimes::put(line, r.timeUs);
        break;
    case EventType::Error:
        putConnDirEvent(line, context, r);
        line.latin1("layer", errorLayerId(r.layer()));
        putLeg(line, leg);
        line.lossyUtf8("message", payload);
        putSource(line, r);
        EventLineTimes::put(line, r.timeUs);
        break;
    case EventType::Info:
        putConnDirEvent(line, context, r, leg);
        line.lossyUtf8("message", payload);
        putSource(line, r);
        EventLineTimes::put(line, r.timeUs);
        break;
    default:
        break;
    }
    out = line.finish();
}

} // namespace wsi
