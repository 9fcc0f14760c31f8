// SessionEventDecoder: turns the fields of one session-log event line back into the event written from them.
#include "files/sessioneventdecoder.h"

#include "protocol/handshakecheck.h"
#include "store/handshakerecord.h"
#include "tls/tlsreport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace wsi {

namespace {

// What is wrong with a line: English for the CLI and the journal, the window's language in an import's error.
RecordedText said(const char *source)
{
    return RecordedText("wsi::SessionEventDecoder", source);
}

bool toInt64(const JsonValue &v, qint64 *out)
{
    if (v.kind != JsonValue::Kind::Number)
        return false;
    bool ok = false;
    const qint64 n = v.raw.toLongLong(&ok);
    if (ok) {
        *out = n;
        return true;
    }
    const double d = v.raw.toByteArray().toDouble(&ok); // "1.5e15": the writer prints huge integers as doubles
    if (!ok || !std::isfinite(d))
        return false;
    *out = qint64(std::llround(d));
    return true;
}

bool toBool(const JsonValue &v)
{
    return v.kind == JsonValue::Kind::True;
}

// A wire-bytes field written as <name> (valid UTF-8) or <name>_base64.
bool wireBytes(const std::vector<JsonField> &fields, const char *name, QByteArray *out)
{
    const JsonValue &plain = SessionEventDecoder::field(fields, name);
    if (plain.isString()) {
        *out = JsonLineScanner::stringBytes(plain);
        return true;
    }
    const JsonValue &encoded = SessionEventDecoder::field(fields, QByteArray(name) + "_base64");
    if (encoded.isString()) {
        *out = QByteArray::fromBase64(encoded.raw.toByteArray());
        return true;
    }
    out->clear();
    return false;
}

QJsonValue nested(const JsonValue &v)
{
    if (v.kind != JsonValue::Kind::Array && v.kind != JsonValue::Kind::Object)
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(v.raw.toByteArray());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// The writer sends header names through Latin-1 and values through (lossy) UTF-8: undo exactly that.
QList<HttpHeader> headersFrom(const JsonValue &v)
{
    QList<HttpHeader> headers;
    const QJsonArray list = nested(v).toArray();
    for (const QJsonValue &pair : list) {
        const QJsonArray nameValue = pair.toArray();
        headers.append({ nameValue.at(0).toString().toLatin1(), nameValue.at(1).toString().toUtf8() });
    }
    return headers;
}

// "HTTP/1.1" from "GET /x HTTP/1.1\r\n..." or "HTTP/1.1 101 ...\r\n...".
QByteArray httpVersion(const QByteArray &raw, bool request)
{
    const qsizetype eol = raw.indexOf("\r\n");
    const QList<QByteArray> parts = raw.left(eol < 0 ? raw.size() : eol).split(' ');
    if (request)
        return parts.size() >= 3 ? parts.at(2) : QByteArray();
    return parts.value(0).startsWith("HTTP/") ? parts.value(0) : QByteArray();
}

} // namespace

SessionEventDecoder::SessionEventDecoder(const std::vector<JsonField> &fields)
    : m_fields(fields)
{ }

const JsonValue &SessionEventDecoder::field(const std::vector<JsonField> &fields, QByteArrayView key)
{
    static const JsonValue missing;
    for (const JsonField &f : fields) {
        if (f.key == key)
            return f.value;
    }
    return missing;
}

QString SessionEventDecoder::stringText(const JsonValue &v)
{
    return QString::fromUtf8(JsonLineScanner::stringBytes(v));
}

bool SessionEventDecoder::error(const RecordedText &message)
{
    m_error = message;
    return false;
}

bool SessionEventDecoder::readCommon()
{
    if (!toInt64(field(m_fields, "conn"), &m_connectionId))
        return error(said(QT_TRANSLATE_NOOP("wsi::SessionEventDecoder", "no \"conn\" number.")));

    if (!toInt64(field(m_fields, "t_us"), &m_record.timeUs)) {
        const QDateTime t = QDateTime::fromString(stringText(field(m_fields, "t")), Qt::ISODateWithMs);
        if (!t.isValid())
            return error(said(QT_TRANSLATE_NOOP("wsi::SessionEventDecoder", "no \"t_us\" or \"t\" time.")));
        m_record.timeUs = t.toMSecsSinceEpoch() * 1000;
    }
    const JsonValue &dir = field(m_fields, "dir");
    if (dir.isString()) {
        if (dir.raw == "out")
            m_record.dir = Direction::Outgoing;
        else if (dir.raw == "in")
            m_record.dir = Direction::Incoming;
        else if (!dir.raw.isEmpty())
            return error(
                said(QT_TRANSLATE_NOOP("wsi::SessionEventDecoder", "unknown \"dir\" \"%1\".")).arg(stringText(dir)));
    }
    if (field(m_fields, "source").isString() && field(m_fields, "source").raw == "socket")
        m_record.flags |= FlagFromSocket;
    return true;
}

bool SessionEventDecoder::integer(const std::vector<JsonField> &fields, QByteArrayView key, qint64 *out)
{
    return toInt64(field(fields, key), out);
}

bool SessionEventDecoder::readMark(bool text)
{
    const JsonValue &action = field(m_fields, "proxy_action");
    ProxyMark mark;
    if (!action.isString() || !proxyActionFromId(action.raw, &mark.action))
        return error(said(QT_TRANSLATE_NOOP("wsi::SessionEventDecoder", "unknown \"proxy_action\" \"%1\"."))
                         .arg(stringText(action)));
    if (mark.hasOriginal()) {
        bool found = false;
        if (text) {
            found = wireBytes(m_fields, "original_payload", &mark.original);
        } else if (field(m_fields, "original_payload").isString()) {
            mark.original = QByteArray::fromBase64(field(m_fields, "original_payload").raw.toByteArray());
            found = true;
        }
        if (!found)
            return error(said(QT_TRANSLATE_NOOP(
                "wsi::SessionEventDecoder", "an edited or replaced message without \"original_payload\".")));
    }
    m_proxyMark = mark;
    return true;
}

void SessionEventDecoder::resolvePayload(const QByteArray &payload)
{
    m_payload = payload;
    // As for a payload of its own: "size" says the message's size, never less than what is kept of it.
    m_record.value = qMax(m_record.value, quint64(payload.size()));
}

bool SessionEventDecoder::readEvent(QByteArrayView line, HandshakeRecord &handshake)
{
    const QByteArrayView event = field(m_fields, "event").raw;
    EventRecord &r = m_record;
    QByteArray &payload = m_payload;
    if (event == "message") {
        r.type = EventType::Message;
        if (field(m_fields, "auto").kind == JsonValue::Kind::True)
            r.flags |= FlagAutomatic; // a protocol duty the app answered by itself
        const JsonValue &type = field(m_fields, "type");
        // Version 4: a proxied message that forwards the other leg's payload unchanged names it instead of
        // repeating it; SessionLogReader, which has that leg's lines, resolves it (resolvePayload()).
        const JsonValue &payloadOf = field(m_fields, "payload_of");
        if (!payloadOf.isMissing()) {
            qint64 number = 0;
            if (!toInt64(payloadOf, &number) || number <= 0)
                return error(said(QT_TRANSLATE_NOOP(
                    "wsi::SessionEventDecoder", "\"payload_of\" must be the number of a message line, from 1.")));
            if (field(m_fields, "text").isString() || field(m_fields, "text_base64").isString()
                || field(m_fields, "base64").isString())
                return error(said(QT_TRANSLATE_NOOP("wsi::SessionEventDecoder",
                    "a message with both \"payload_of\" and a payload of its own: one says what it carried.")));
            m_payloadOf = quint64(number);
        }
        if (type.isString() && type.raw == "text") {
            r.flags |= FlagText;
            if (!m_payloadOf && !wireBytes(m_fields, "text", &payload))
                return error(said(QT_TRANSLATE_NOOP("wsi::SessionEventDecoder", "a text message without \"text\".")));
        } else if (type.isString() && type.raw == "binary") {
            const JsonValue &data = field(m_fields, "base64");
            if (!m_payloadOf && !data.isString())
                return error(
                    said(QT_TRANSLATE_NOOP("wsi::SessionEventDecoder", "a binary message without \"base64\".")));
            if (!m_payloadOf)
                payload = QByteArray::fromBase64(data.raw.toByteArray());
        } else {
            return error(said(
                QT_TRANSLATE_NOOP("wsi::SessionEventDecoder", "a message whose \"type\" is neither text nor binary.")));
        }
        // permessage-deflate: the payload is the inflated message, wire_length its compressed size.
        if (toBool(field(m_fields, "compressed"))) {
            r.flags |= FlagRsv1;
            qint64 wireLength = 0;
            if (toInt64(field(m_fields, "wire_length"), &wireLength))
                r.maskKey = quint32(qBound(qint64(0), wireLength, qint64(0xFFFFFFFF)));
        }
        qint64 frames = 1;
        toInt64(field(m_fields, "frames"), &frames);
        r.sub = quint8(qBound(qint64(1), frames, qint64(255)));
        // "kept": only the first bytes were recorded (the session's budget); "size" is the message's.
        qint64 size = 0;
        r.value = quint64(qMax(qint64(payload.size()), toInt64(field(m_fields, "size"), &size) ? size : 0));
        // Version 2: what an intercepting proxy did to it, with the original of an edit or replacement.
        if (field(m_fields, "proxy_action").isString() && !readMark(r.hasFlag(FlagText)))
            return false;
    } else if (event == "frame") {
        r.type = EventType::Frame;
        const JsonValue &header = field(m_fields, "header_hex");
        qint64 opcode = 0;
        qint64 length = 0;
        if (!header.isString() || !toInt64(field(m_fields, "opcode"), &opcode)
            || !toInt64(field(m_fields, "length"), &length))
            return error(said(QT_TRANSLATE_NOOP(
                "wsi::SessionEventDecoder", "a frame needs \"header_hex\", \"opcode\" and \"length\".")));
        payload = QByteArray::fromHex(header.raw.toByteArray());
        // A compressed message's frame: its deflated payload follows the header in the row (EventRecord).
        if (QByteArray deflated; wireBytes(m_fields, "payload", &deflated))
            payload += deflated;
        r.sub = quint8(opcode);
        r.value = quint64(length);
        if (toBool(field(m_fields, "fin")))
            r.flags |= FlagFin;
        if (toBool(field(m_fields, "rsv1")))
            r.flags |= FlagRsv1;
        if (toBool(field(m_fields, "rsv2")))
            r.flags |= FlagRsv2;
        if (toBool(field(m_fields, "rsv3")))
            r.flags |= FlagRsv3;
        if (toBool(field(m_fields, "masked")))
            r.flags |= FlagMasked;
        const JsonValue &mask = field(m_fields, "mask_key");
        if (mask.isString())
            r.maskKey = mask.raw.toByteArray().toUInt(nullptr, 16);
    } else if (event == "ping" || event == "pong") {
        r.type = event == "ping" ? EventType::Ping : EventType::Pong;
        wireBytes(m_fields, "payload", &payload);
        const JsonValue &rtt = field(m_fields, "rtt_ms");
        if (rtt.kind == JsonValue::Kind::Number)
            r.value = quint64(std::llround(rtt.raw.toByteArray().toDouble() * 1000.0));
    } else if (event == "close") {
        r.type = EventType::Close;
        qint64 code = 0;
        r.value = toInt64(field(m_fields, "code"), &code) ? quint64(code) : kNoCloseCode;
        wireBytes(m_fields, "reason", &payload);
    } else if (event == "error") {
        r.type = EventType::Error;
        const QByteArrayView layer = field(m_fields, "layer").raw;
        ErrorLayer l = ErrorLayer::App;
        for (ErrorLayer candidate : { ErrorLayer::Dns, ErrorLayer::Tcp, ErrorLayer::Tls, ErrorLayer::Proxy,
                 ErrorLayer::Http, ErrorLayer::WebSocket }) {
            if (layer == errorLayerId(candidate))
                l = candidate;
        }
        r.sub = quint8(l);
        payload = JsonLineScanner::stringBytes(field(m_fields, "message"));
    } else if (event == "info") {
        r.type = EventType::Info;
        payload = JsonLineScanner::stringBytes(field(m_fields, "message"));
    } else if (event == "open") {
        r.type = EventType::Open;
        payload = JsonLineScanner::stringBytes(field(m_fields, "subprotocol"));
    } else if (event == "handshake_request") {
        r.type = EventType::HandshakeRequest;
        wireBytes(m_fields, "raw", &payload);
        HttpHead &head = handshake.request;
        head.isRequest = true;
        head.method = stringText(field(m_fields, "method")).toLatin1();
        head.target = stringText(field(m_fields, "target")).toLatin1();
        head.headers = headersFrom(field(m_fields, "headers"));
        head.raw = payload;
        head.version = httpVersion(payload, true);
        handshake.requestComplete = true;
        m_url = stringText(field(m_fields, "url"));
    } else if (event == "handshake_response") {
        r.type = EventType::HandshakeResponse;
        QByteArray raw;
        QByteArray body;
        wireBytes(m_fields, "raw", &raw);
        wireBytes(m_fields, "body", &body);
        HttpHead &head = handshake.response;
        qint64 status = 0;
        toInt64(field(m_fields, "status"), &status);
        head.status = int(status);
        head.reason = stringText(field(m_fields, "reason")).toLatin1();
        head.headers = headersFrom(field(m_fields, "headers"));
        head.raw = raw;
        head.version = httpVersion(raw, false);
        handshake.responseComplete = true;
        handshake.responseBody = body;
        const QJsonObject accept = nested(field(m_fields, "accept")).toObject();
        if (!accept.isEmpty()) {
            handshake.accept = computeAccept(accept.value(QLatin1String("key")).toString().toLatin1(),
                accept.value(QLatin1String("received")).toString().toLatin1());
            // What the file says wins: it is the record of what was seen.
            handshake.accept.expected = accept.value(QLatin1String("expected")).toString().toLatin1();
            handshake.accept.valid = accept.value(QLatin1String("valid")).toBool();
        }
        r.value = quint64(raw.size());
        payload = raw + body;
    } else if (event == "tls") {
        r.type = EventType::Tls;
        payload = JsonLineScanner::stringBytes(field(m_fields, "summary"));
        TlsReport &tls = handshake.tls;
        handshake.tlsKnown = true;
        tls.handshakeDone = true;
        tls.host = stringText(field(m_fields, "host"));
        tls.protocol = stringText(field(m_fields, "protocol"));
        tls.cipher = stringText(field(m_fields, "cipher"));
        tls.alpn = stringText(field(m_fields, "alpn"));
        tls.verified = toBool(field(m_fields, "verified"));
        tls.proceededDespiteErrors = toBool(field(m_fields, "proceeded_despite_errors"));
        tls.errorTexts.clear();
        for (const QJsonValue &e : nested(field(m_fields, "errors")).toArray())
            tls.errorTexts << e.toString();
        tls.chain.clear();
        for (const QJsonValue &c : nested(field(m_fields, "chain")).toArray()) {
            const QJsonObject o = c.toObject();
            CertificateSummary s;
            s.subject = o.value(QLatin1String("subject")).toString();
            s.issuer = o.value(QLatin1String("issuer")).toString();
            for (const QJsonValue &san : o.value(QLatin1String("san")).toArray())
                s.subjectAltNames << san.toString();
            s.notBefore = QDateTime::fromString(o.value(QLatin1String("not_before")).toString(), Qt::ISODate);
            s.notAfter = QDateTime::fromString(o.value(QLatin1String("not_after")).toString(), Qt::ISODate);
            s.sha256 = o.value(QLatin1String("sha256")).toString();
            const QString key = o.value(QLatin1String("key")).toString();
            const qsizetype space = key.lastIndexOf(QLatin1Char(' '));
            s.keyType = key.left(space);
            s.keyBits = key.mid(space + 1).toInt();
            tls.chain << s;
        }
    } else {
        // Fields are only ever added to format 1, but a newer writer may know more events: keep what it said.
        const QString name = stringText(field(m_fields, "event"));
        m_unknownEvent = name;
        r.type = EventType::Info;
        payload = QStringLiteral("%1: %2").arg(name, QString::fromUtf8(line)).toUtf8();
    }
    return true;
}

} // namespace wsi
