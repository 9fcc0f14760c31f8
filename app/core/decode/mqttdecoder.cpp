// MqttDecoder: MQTT 3.1.1 and 5 control packets over WebSocket, split or joined across messages.
#include "decode/mqttdecoder.h"

#include "decode/decodetext.h"
#include "decode/mqttreader.h"

#include <QJsonArray>

namespace wsi {

namespace {
const QString kProtocol = QStringLiteral("mqtt");

const char *const kTypes[] = { "RESERVED", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC", "PUBREL", "PUBCOMP",
    "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP", "DISCONNECT", "AUTH" };

enum class Header { Complete, Incomplete, BadLength };

// The fixed header at the start of bytes: its size and the remaining length.
Header readFixedHeader(QByteArrayView bytes, qsizetype &headerSize, quint32 &remaining)
{
    remaining = 0;
    for (int i = 0; i < 4; ++i) {
        if (bytes.size() < 2 + i)
            return Header::Incomplete;
        const quint8 b = quint8(bytes[1 + i]);
        remaining |= quint32(b & 0x7F) << (7 * i);
        if (!(b & 0x80)) {
            headerSize = 2 + i;
            return Header::Complete;
        }
    }
    return Header::BadLength;
}

void pair(DecodedMessage &m, PairRole role, const QString &key)
{
    m.pairRole = role;
    m.pairKey = QStringLiteral("mqtt:") + key;
}

// "CONNACK code 0": the packet's name is a token, "code" is the window's word.
void withCode(DecodedMessage &m, quint8 code)
{
    m.setSummary(RecordedText::plain(m.summary)
        + DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", " code %1")).arg(qint64(code)));
}
} // namespace

MqttDecoder::MqttDecoder(qsizetype maxPacketSize)
    : m_maxPacketSize(qMax<qsizetype>(maxPacketSize, 16))
{ }

QList<DecodedMessage> MqttDecoder::decode(QByteArrayView message, DecodeDirection direction, bool isText)
{
    if (isText)
        return { DecodedMessage::malformed(kProtocol, QStringLiteral("text-frame"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP(
                "wsi::DecodedMessage", "MQTT over WebSocket is sent in binary messages (MQTT 5.0 section 6)"))) };
    Side &side = m_sides[int(direction)];
    QList<DecodedMessage> out;
    if (side.skip > 0) {
        const qsizetype skipped = qsizetype(qMin<quint64>(side.skip, quint64(message.size())));
        side.skip -= quint64(skipped);
        message = message.sliced(skipped);
        if (message.isEmpty()) {
            DecodedMessage m = DecodedMessage::malformed(kProtocol, QStringLiteral("packet-too-large"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "more bytes of a packet larger than %1 bytes, skipped"))
                    .arg(m_maxPacketSize),
                QStringLiteral("SKIPPED"));
            return { m };
        }
    }
    side.buffer.append(message.data(), message.size());
    qsizetype at = 0;
    while (at < side.buffer.size()) {
        const QByteArrayView rest = QByteArrayView(side.buffer).sliced(at);
        qsizetype headerSize = 0;
        quint32 remaining = 0;
        const Header header = readFixedHeader(rest, headerSize, remaining);
        if (header == Header::BadLength) {
            // No way to find the next packet: the buffer is dropped and the next message starts afresh.
            out.append(DecodedMessage::malformed(kProtocol, QStringLiteral("remaining-length-too-long"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the remaining length has more than 4 bytes"))));
            at = side.buffer.size();
            break;
        }
        if (header == Header::Incomplete)
            break;
        const quint64 total = quint64(headerSize) + remaining;
        if (total > quint64(m_maxPacketSize)) {
            out.append(DecodedMessage::malformed(kProtocol, QStringLiteral("packet-too-large"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a %1 packet of %2 bytes, more than the %3 kept; skipped"))
                    .arg(QString::fromLatin1(kTypes[quint8(rest[0]) >> 4]))
                    .arg(qint64(total))
                    .arg(m_maxPacketSize),
                QString::fromLatin1(kTypes[quint8(rest[0]) >> 4])));
            side.skip = total - quint64(rest.size());
            at = side.buffer.size();
            break;
        }
        if (quint64(rest.size()) < total)
            break;
        out.append(decodePacket(quint8(rest[0]), rest.sliced(headerSize, remaining)));
        at += qsizetype(total);
    }
    side.buffer.remove(0, at);
    if (out.isEmpty()) {
        DecodedMessage m;
        m.protocol = kProtocol;
        m.kind = QStringLiteral("FRAGMENT");
        m.setSummary(
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "part of a packet, %1 bytes buffered"))
                .arg(side.buffer.size()));
        m.fields.insert(QStringLiteral("buffered"), double(side.buffer.size()));
        out.append(m);
    }
    return out;
}

DecodedMessage MqttDecoder::decodePacket(quint8 first, QByteArrayView body)
{
    const int type = first >> 4;
    const quint8 flags = first & 0x0F;
    DecodedMessage m;
    m.protocol = kProtocol;
    m.kind = QString::fromLatin1(kTypes[type]);
    m.summary = m.kind;
    m.pairLabel = m.kind;
    MqttReader r(body);
    const bool flagsTwo = type == 6 || type == 8 || type == 10;
    if (type != 3 && flags != (flagsTwo ? 2 : 0))
        r.fail(QStringLiteral("bad-flags"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "%1 with fixed-header flags 0x%2"))
                .arg(m.kind)
                .arg(QString::number(flags, 16)));
    switch (type) {
    case 0:
        r.fail(QStringLiteral("reserved-type"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "packet type 0 is reserved")));
        break;
    case 1:
        decodeConnect(r, m);
        break;
    case 2: {
        const quint8 ackFlags = r.byte();
        const quint8 code = r.byte();
        m.fields.insert(QStringLiteral("session_present"), bool(ackFlags & 1));
        m.fields.insert(isV5() ? QStringLiteral("reason_code") : QStringLiteral("return_code"), code);
        if (isV5() && !r.atEnd())
            m.fields.insert(QStringLiteral("properties"), r.properties());
        withCode(m, code);
        pair(m, PairRole::Reply, QStringLiteral("connect"));
        m.pairLabel = QStringLiteral("CONNECT");
        break;
    }
    case 3:
        decodePublish(flags, r, m);
        break;
    case 4:
    case 5:
    case 6:
    case 7: {
        const quint16 id = r.u16();
        m.fields.insert(QStringLiteral("packet_id"), id);
        if (isV5() && !r.atEnd()) {
            m.fields.insert(QStringLiteral("reason_code"), r.byte());
            if (!r.atEnd())
                m.fields.insert(QStringLiteral("properties"), r.properties());
        }
        m.summary += QStringLiteral(" #%1").arg(id);
        // QoS 1: PUBLISH-PUBACK; QoS 2: PUBLISH-PUBREC, then PUBREL-PUBCOMP.
        if (type == 6)
            pair(m, PairRole::Request, QStringLiteral("rel:%1").arg(id));
        else
            pair(m, PairRole::Reply, (type == 7 ? QStringLiteral("rel:%1") : QStringLiteral("pub:%1")).arg(id));
        m.pairLabel = type == 7 ? QStringLiteral("PUBREL") : (type == 6 ? m.kind : QStringLiteral("PUBLISH"));
        break;
    }
    case 8:
        decodeSubscribe(true, r, m);
        break;
    case 10:
        decodeSubscribe(false, r, m);
        break;
    case 9:
    case 11:
        decodeAcknowledgements(r, m);
        break;
    case 12:
        pair(m, PairRole::Request, QStringLiteral("ping"));
        break;
    case 13:
        pair(m, PairRole::Reply, QStringLiteral("ping"));
        m.pairLabel = QStringLiteral("PINGREQ");
        break;
    case 14:
    case 15:
        if (!r.atEnd()) {
            const quint8 code = r.byte();
            m.fields.insert(QStringLiteral("reason_code"), code);
            withCode(m, code);
            if (!r.atEnd())
                m.fields.insert(QStringLiteral("properties"), r.properties());
        }
        break;
    }
    if (!r.failed() && !r.atEnd())
        r.fail(QStringLiteral("trailing-bytes"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "%1 bytes after the packet's fields"))
                .arg(r.remaining()));
    m.fields.insert(QStringLiteral("size"), double(body.size()));
    m.summary = decodetext::elide(m.summary);
    if (r.failed()) {
        m.setNote(r.errorId(), r.errorText());
    }
    return m;
}

void MqttDecoder::decodeConnect(MqttReader &r, DecodedMessage &m)
{
    const QString name = r.string();
    const quint8 level = r.byte();
    const quint8 flags = r.byte();
    const quint16 keepAlive = r.u16();
    if (r.failed())
        return;
    if (name != QLatin1String("MQTT") && name != QLatin1String("MQIsdp")) {
        r.fail(QStringLiteral("bad-protocol-name"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "protocol name \"%1\""))
                .arg(decodetext::elide(name, 20)));
        return;
    }
    m_level = level;
    m.fields.insert(QStringLiteral("protocol_name"), name);
    m.fields.insert(QStringLiteral("protocol_level"), level);
    m.fields.insert(QStringLiteral("clean_session"), bool(flags & 0x02));
    m.fields.insert(QStringLiteral("keep_alive"), keepAlive);
    if (isV5())
        m.fields.insert(QStringLiteral("properties"), r.properties());
    const QString clientId = r.string();
    m.fields.insert(QStringLiteral("client_id"), clientId);
    if (flags & 0x04) {
        QJsonObject will { { QStringLiteral("qos"), (flags >> 3) & 3 },
            { QStringLiteral("retain"), bool(flags & 0x20) } };
        if (isV5())
            will.insert(QStringLiteral("properties"), r.properties());
        will.insert(QStringLiteral("topic"), r.string());
        will.insert(QStringLiteral("payload"), decodetext::bytesValue(r.binary()));
        m.fields.insert(QStringLiteral("will"), will);
    }
    if (flags & 0x80)
        m.fields.insert(QStringLiteral("username"), r.string());
    if (flags & 0x40) // the password itself stays out of the log
        m.fields.insert(QStringLiteral("password_size"), r.binary().size());
    if (flags & 0x01)
        r.fail(QStringLiteral("bad-flags"),
            DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the CONNECT flags' reserved bit is set")));
    const RecordedText client = clientId.isEmpty()
        ? DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "(no client id)"))
        : RecordedText::plain(clientId);
    m.setSummary(RecordedText::plain(m.summary)
        + DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", " %1 v%2 keep-alive %3s"))
              .arg(client)
              .arg(level)
              .arg(keepAlive));
    pair(m, PairRole::Request, QStringLiteral("connect"));
}

void MqttDecoder::decodePublish(quint8 flags, MqttReader &r, DecodedMessage &m)
{
    const int qos = (flags >> 1) & 3;
    const QString topic = r.string();
    m.fields.insert(QStringLiteral("topic"), topic);
    m.fields.insert(QStringLiteral("qos"), qos);
    m.fields.insert(QStringLiteral("dup"), bool(flags & 0x08));
    m.fields.insert(QStringLiteral("retain"), bool(flags & 0x01));
    if (qos == 3)
        r.fail(QStringLiteral("bad-qos"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "PUBLISH with QoS 3")));
    quint16 id = 0;
    if (qos > 0) {
        id = r.u16();
        m.fields.insert(QStringLiteral("packet_id"), id);
        pair(m, PairRole::Request, QStringLiteral("pub:%1").arg(id));
    }
    if (isV5())
        m.fields.insert(QStringLiteral("properties"), r.properties());
    const QByteArrayView payload = r.rest();
    m.fields.insert(QStringLiteral("payload"), decodetext::bytesValue(payload));
    m.fields.insert(QStringLiteral("payload_size"), double(payload.size()));
    m.summary += QStringLiteral(" %1 qos %2").arg(topic).arg(qos);
    if (qos > 0)
        m.summary += QStringLiteral(" #%1").arg(id);
    if (decodetext::isUtf8(payload.first(qMin<qsizetype>(payload.size(), 100))))
        m.summary += QLatin1Char(' ') + QString::fromUtf8(payload.first(qMin<qsizetype>(payload.size(), 100)));
    m.pairLabel = topic;
}

void MqttDecoder::decodeSubscribe(bool subscribe, MqttReader &r, DecodedMessage &m)
{
    const quint16 id = r.u16();
    m.fields.insert(QStringLiteral("packet_id"), id);
    if (isV5())
        m.fields.insert(QStringLiteral("properties"), r.properties());
    QJsonArray topics;
    QStringList names;
    while (!r.atEnd() && !r.failed()) {
        const QString filter = r.string();
        names.append(filter);
        if (!subscribe) {
            topics.append(filter);
            continue;
        }
        const quint8 options = r.byte();
        QJsonObject t { { QStringLiteral("topic"), filter }, { QStringLiteral("qos"), options & 3 } };
        if (isV5()) {
            t.insert(QStringLiteral("no_local"), bool(options & 0x04));
            t.insert(QStringLiteral("retain_as_published"), bool(options & 0x08));
            t.insert(QStringLiteral("retain_handling"), (options >> 4) & 3);
        }
        topics.append(t);
    }
    if (topics.isEmpty())
        r.fail(QStringLiteral("no-topics"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "%1 names no topic filter")).arg(m.kind));
    m.fields.insert(QStringLiteral("topics"), topics);
    m.summary += QStringLiteral(" #%1 %2").arg(id).arg(names.join(QStringLiteral(", ")));
    pair(m, PairRole::Request, (subscribe ? QStringLiteral("sub:%1") : QStringLiteral("unsub:%1")).arg(id));
}

void MqttDecoder::decodeAcknowledgements(MqttReader &r, DecodedMessage &m)
{
    const bool suback = m.kind == QLatin1String("SUBACK");
    const quint16 id = r.u16();
    m.fields.insert(QStringLiteral("packet_id"), id);
    if (isV5())
        m.fields.insert(QStringLiteral("properties"), r.properties());
    QJsonArray codes;
    while (!r.atEnd() && !r.failed())
        codes.append(r.byte());
    if (suback || isV5())
        m.fields.insert(QStringLiteral("reason_codes"), codes);
    m.summary += QStringLiteral(" #%1").arg(id);
    pair(m, PairRole::Reply, (suback ? QStringLiteral("sub:%1") : QStringLiteral("unsub:%1")).arg(id));
    m.pairLabel = suback ? QStringLiteral("SUBSCRIBE") : QStringLiteral("UNSUBSCRIBE");
}

} // namespace wsi
