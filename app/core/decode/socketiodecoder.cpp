// SocketIoDecoder: Socket.IO packets over Engine.IO 4 (Socket.IO v3/v4) or 3 (Socket.IO v2) on WebSocket.
#include "decode/socketiodecoder.h"

#include "decode/decodetext.h"

#include <QJsonDocument>

#include <algorithm>

namespace wsi {

namespace {
const QString kProtocol = QStringLiteral("socketio");

const char *const kEngineTypes[] = { "OPEN", "CLOSE", "PING", "PONG", "MESSAGE", "UPGRADE", "NOOP" };

QString socketTypeName(int type, int engineIoVersion)
{
    static const char *const names[]
        = { "CONNECT", "DISCONNECT", "EVENT", "ACK", "CONNECT_ERROR", "BINARY_EVENT", "BINARY_ACK" };
    if (type == 4 && engineIoVersion == 3)
        return QStringLiteral("ERROR"); // Socket.IO v2 called it ERROR
    return QString::fromLatin1(names[type]);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Replaces each {"_placeholder":true,"num":n} with the placeholder plus the attachment's bytes.
QJsonValue joinPlaceholders(const QJsonValue &value, const QJsonArray &attachments)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(joinPlaceholders(v, attachments));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject o = value.toObject();
    if (o.value(QLatin1String("_placeholder")).toBool() && o.value(QLatin1String("num")).isDouble()) {
        const double num = o.value(QLatin1String("num")).toDouble();
        if (num >= 0 && num < attachments.size() && num == double(int(num)))
            o.insert(QStringLiteral("binary"), attachments.at(int(num)));
        return o;
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        it.value() = joinPlaceholders(it.value(), attachments);
    return o;
}

// Whether bytes stand between JSON quotes as they are, and read back the same.
bool isPlainJsonString(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(),
        [](char c) { return uchar(c) >= 0x20 && uchar(c) <= 0x7e && c != '"' && c != '\\'; });
}

// An EVENT without ack id whose data is compact JSON (decodetext::isCompactJson) led by its name, what a busy
// connection is made of (42["chat",{"n":1}]): its fields are read in one parse of their own JSON text. That
// spares parsing the data, inserting each field into the object (the costliest part of decoding a flood)
// and serialising the arguments again for the summary: their compact text is the data's after the name.
// False, touching nothing, when the data is no array led by a name or the namespace needs escaping.
bool readCompactEvent(DecodedMessage &m, QByteArrayView nsp, QByteArrayView data, QString &event, QByteArrayView &args)
{
    if (data.size() < 4 || data[0] != '[' || data[1] != '"' || !isPlainJsonString(nsp))
        return false;
    // Compact text has no escapes: the next quote closes the name, followed by ',' or ']'.
    const qsizetype nameEnd = data.indexOf('"', 2) + 1;
    const QByteArrayView name = data.sliced(1, nameEnd - 1);
    const QByteArrayView rest = data.sliced(data[nameEnd] == ',' ? nameEnd + 1 : nameEnd); // "a,b]" or "]"
    QByteArray json;
    json.reserve(data.size() + nsp.size() + 64);
    json.append("{\"args\":[").append(rest).append(",\"engineio\":\"message\",\"event\":").append(name);
    json.append(",\"namespace\":\"").append(nsp).append("\"}");
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return false;
    m.fields = doc.object();
    event = QString::fromLatin1(name.sliced(1, name.size() - 2));
    args = rest;
    return true;
}

DecodedMessage note(DecodedMessage m, const QString &id, const RecordedText &text)
{
    m.summary = decodetext::elide(m.summary);
    m.setNote(id, text);
    return m;
}
} // namespace

SocketIoDecoder::SocketIoDecoder(int engineIoVersion)
    : m_engineIoVersion(engineIoVersion == 3 ? 3 : 4)
{ }

QList<DecodedMessage> SocketIoDecoder::decode(QByteArrayView message, DecodeDirection direction, bool isText)
{
    if (!isText)
        return { decodeAttachment(message, direction) };
    return { decodeEngineIo(message, direction) };
}

DecodedMessage SocketIoDecoder::decodeEngineIo(QByteArrayView text, DecodeDirection direction)
{
    if (text.isEmpty() || text[0] < '0' || text[0] > '6')
        return DecodedMessage::malformed(kProtocol, QStringLiteral("unknown-engineio-type"),
            text.isEmpty() ? DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage", "an empty frame is no Engine.IO packet"))
                           : DecodedMessage::noteText(
                               QT_TRANSLATE_NOOP("wsi::DecodedMessage", "'%1' is no Engine.IO packet type (0-6)"))
                                 .arg(decodetext::elide(QString::fromUtf8(text.first(1)), 4)));
    const int type = text[0] - '0';
    if (type == 4)
        return decodeSocketIo(text.sliced(1), direction);

    DecodedMessage m;
    m.protocol = kProtocol;
    m.kind = QString::fromLatin1(kEngineTypes[type]);
    m.fields.insert(QStringLiteral("engineio"), m.kind.toLower());
    const QByteArrayView data = text.sliced(1);
    m.summary = m.kind;
    if (type == 0) {
        QJsonValue open;
        QString error;
        if (!decodetext::parseJsonValue(data, open, error) || !open.isObject())
            return note(m, QStringLiteral("bad-open-packet"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the open packet carries a JSON object")));
        m.fields.insert(QStringLiteral("handshake"), open);
        m.summary += QStringLiteral(" sid ") + open.toObject().value(QLatin1String("sid")).toString();
    } else if (!data.isEmpty()) {
        m.fields.insert(QStringLiteral("data"), decodetext::bytesValue(data));
        m.summary += QLatin1Char(' ') + QString::fromUtf8(data);
    }
    if (type == 2 || type == 3) {
        // Engine.IO 4 servers ping and clients answer; Engine.IO 3 the other way round. Either way a pong
        // answers the ping before it.
        m.pairRole = type == 2 ? PairRole::Request : PairRole::Reply;
        m.pairKey = QStringLiteral("engineio:ping");
        m.pairLabel = QStringLiteral("ping");
    }
    Q_UNUSED(direction);
    m.summary = decodetext::elide(m.summary);
    return m;
}

DecodedMessage SocketIoDecoder::decodeSocketIo(QByteArrayView p, DecodeDirection direction)
{
    DecodedMessage m;
    m.protocol = kProtocol;
    if (p.isEmpty() || p[0] < '0' || p[0] > '6') {
        m.fields.insert(QStringLiteral("engineio"), QStringLiteral("message"));
        m.kind = QStringLiteral("MESSAGE");
        m.summary = QStringLiteral("MESSAGE");
        return note(m, QStringLiteral("unknown-socketio-type"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "no Socket.IO packet type (0-6)")));
    }
    const int type = p[0] - '0';
    m.kind = socketTypeName(type, m_engineIoVersion);
    m.summary = m.kind;
    qsizetype at = 1;
    int attachments = 0;
    const bool binary = type == 5 || type == 6;
    if (binary) {
        const qsizetype start = at;
        while (at < p.size() && isDigit(p[at]) && at - start < 6)
            attachments = attachments * 10 + (p[at++] - '0');
        if (at == start || at >= p.size() || p[at] != '-') {
            m.fields.insert(QStringLiteral("engineio"), QStringLiteral("message"));
            return note(m, QStringLiteral("bad-attachment-count"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a binary packet starts with <count>-")));
        }
        ++at;
    }
    QByteArrayView nspText("/");
    if (at < p.size() && p[at] == '/') {
        qsizetype end = p.indexOf(',', at);
        if (end < 0)
            end = p.size();
        nspText = p.sliced(at, end - at);
        at = qMin(end + 1, p.size());
    }
    qint64 ackId = -1;
    bool ackIdTooLong = false;
    if (at < p.size() && isDigit(p[at])) {
        const qsizetype start = at;
        ackId = 0;
        while (at < p.size() && isDigit(p[at]) && !ackIdTooLong) {
            ackIdTooLong = at - start >= 15;
            if (!ackIdTooLong)
                ackId = ackId * 10 + (p[at++] - '0');
        }
    }
    const QByteArrayView dataText = p.sliced(at);
    // The summary shows the data as compact JSON: usually the packet's own text already is, and is shown as
    // it came instead of serialising what was just parsed.
    const bool textIsCompact = !ackIdTooLong && !dataText.isEmpty() && decodetext::isCompactJson(dataText);
    QString event;
    QByteArrayView argsText;
    if (type == 2 && ackId < 0 && textIsCompact && readCompactEvent(m, nspText, dataText, event, argsText)) {
        m.summary = m.kind;
        if (nspText != QByteArrayView("/"))
            m.summary += QLatin1Char(' ') + QString::fromLatin1(nspText.data(), nspText.size());
        m.summary += QLatin1Char(' ') + event + QStringLiteral(" [");
        m.summary += QLatin1String(argsText.data(), argsText.size());
        m.pairLabel = event;
        m.summary = decodetext::elide(m.summary);
        return withPending(std::move(m), 0, direction);
    }

    const QString nsp = QString::fromUtf8(nspText);
    m.fields.insert(QStringLiteral("engineio"), QStringLiteral("message"));
    if (binary)
        m.fields.insert(QStringLiteral("attachments"), attachments);
    m.fields.insert(QStringLiteral("namespace"), nsp);
    if (ackIdTooLong)
        return note(m, QStringLiteral("ack-id-too-long"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "an ack id of more than 15 digits")));
    if (ackId >= 0)
        m.fields.insert(QStringLiteral("ack_id"), double(ackId));
    QJsonValue data = QJsonValue::Undefined;
    if (!dataText.isEmpty()) {
        QString error;
        if (!decodetext::parseJsonValue(dataText, data, error))
            return note(m, QStringLiteral("bad-json"),
                DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the packet's data is not JSON: %1"))
                    .arg(error));
    }
    const QString nspPrefix = nsp == QLatin1String("/") ? QString() : QLatin1Char(' ') + nsp;
    const QString keyBase = QStringLiteral("socketio:") + nsp + QLatin1Char(':');
    if (type == 2 || type == 5) {
        if (!data.isArray())
            return note(m, QStringLiteral("no-event-name"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "an event's data is an array led by its name")));
        QJsonArray args = data.toArray();
        data = QJsonValue(); // args owns the parsed array alone: taking the name off copies nothing
        if (args.isEmpty() || !args.at(0).isString())
            return note(m, QStringLiteral("no-event-name"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "an event's data is an array led by its name")));
        event = args.at(0).toString();
        m.fields.insert(QStringLiteral("event"), event);
        args.removeFirst();
        m.summary = m.kind + nspPrefix + QLatin1Char(' ') + event + QLatin1Char(' ');
        if (textIsCompact) {
            // Compact text has no escapes: the next quote closes the name, the arguments follow its comma.
            const qsizetype nameEnd = dataText.indexOf('"', 2) + 1;
            const QByteArrayView rest = dataText.sliced(args.isEmpty() ? nameEnd : nameEnd + 1);
            m.summary += QLatin1Char('[');
            m.summary += QLatin1String(rest.data(), rest.size());
        } else {
            m.summary += decodetext::compactJson(args);
        }
        m.fields.insert(QStringLiteral("args"), args);
        m.pairLabel = event;
        if (ackId >= 0) {
            m.pairRole = PairRole::Request;
            m.pairKey = keyBase + QString::number(ackId);
        }
    } else if (type == 3 || type == 6) {
        const bool isArray = data.isArray();
        m.fields.insert(QStringLiteral("args"), isArray ? data : QJsonValue(QJsonArray()));
        const QString args = !isArray ? QStringLiteral("[]")
            : textIsCompact           ? QString::fromLatin1(dataText.data(), dataText.size())
                                      : decodetext::compactJson(data);
        m.summary = m.kind + nspPrefix + QStringLiteral(" #") + QString::number(ackId) + QLatin1Char(' ') + args;
        if (ackId < 0)
            return note(m, QStringLiteral("ack-without-id"),
                DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "an ACK carries the id it answers")));
        m.pairRole = PairRole::Reply;
        m.pairKey = keyBase + QString::number(ackId);
    } else {
        if (!data.isUndefined())
            m.fields.insert(QStringLiteral("data"), data);
        m.summary = m.kind + nspPrefix;
        if (!data.isUndefined())
            m.summary += QLatin1Char(' ')
                + (textIsCompact ? QString::fromLatin1(dataText.data(), dataText.size())
                                 : decodetext::compactJson(data));
        if (type == 0 || type == 4) {
            // The client asks to join a namespace; the server's CONNECT or CONNECT_ERROR answers.
            m.pairRole = direction == DecodeDirection::ClientToServer ? PairRole::Request : PairRole::Reply;
            m.pairKey = keyBase + QStringLiteral("connect");
            m.pairLabel = QStringLiteral("connect");
        }
    }
    m.summary = decodetext::elide(m.summary);
    return withPending(std::move(m), attachments, direction);
}

DecodedMessage SocketIoDecoder::withPending(DecodedMessage m, int attachments, DecodeDirection direction)
{
    if (attachments > kMaxAttachments)
        return note(m, QStringLiteral("too-many-attachments"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "%1 attachments announced, more than %2"))
                .arg(attachments)
                .arg(kMaxAttachments));
    Pending &pending = m_pending[int(direction)];
    if (pending.expected > 0) {
        const int missing = pending.expected - int(pending.attachments.size());
        pending = Pending();
        if (attachments > 0)
            pending = Pending { m, attachments, {} };
        return note(m, QStringLiteral("attachments-missing"),
            DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the previous binary packet still awaited %1 attachment(s)"))
                .arg(missing));
    }
    if (attachments > 0)
        pending = Pending { m, attachments, {} };
    return m;
}

DecodedMessage SocketIoDecoder::decodeAttachment(QByteArrayView bytes, DecodeDirection direction)
{
    Pending &pending = m_pending[int(direction)];
    DecodedMessage m;
    m.protocol = kProtocol;
    m.kind = QStringLiteral("ATTACHMENT");
    m.summary = QStringLiteral("ATTACHMENT");
    if (m_engineIoVersion == 3) {
        // Engine.IO 3 prefixes a binary frame with its packet type, 4 (message).
        if (bytes.isEmpty() || bytes[0] != 4)
            return note(m, QStringLiteral("bad-binary-prefix"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "an Engine.IO 3 binary frame starts with 0x04")));
        bytes = bytes.sliced(1);
    }
    m.fields.insert(QStringLiteral("size"), double(bytes.size()));
    if (pending.expected == 0)
        return note(m, QStringLiteral("unexpected-attachment"),
            DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage", "no binary packet awaits an attachment")));
    const int index = int(pending.attachments.size());
    pending.attachments.append(decodetext::base64Value(bytes));
    m.fields.insert(QStringLiteral("attachment"), index);
    m.setSummary(DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "ATTACHMENT %1/%2 (%3 bytes)"))
                     .arg(index + 1)
                     .arg(pending.expected)
                     .arg(bytes.size()));
    if (index + 1 < pending.expected)
        return m;
    // The last one: the packet whole, placeholders joined.
    DecodedMessage joined = pending.message;
    joined.fields.insert(QStringLiteral("attachment"), index);
    joined.fields.insert(
        QStringLiteral("args"), joinPlaceholders(joined.fields.value(QLatin1String("args")), pending.attachments));
    joined.setSummary(
        DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "%1 (%2 attachment(s) joined)"))
            .arg(joined.shownSummary.isEmpty() ? RecordedText::plain(joined.summary) : joined.shownSummary)
            .arg(pending.expected));
    joined.summary = decodetext::elide(joined.summary);
    joined.pairRole = PairRole::None; // the announcing frame carried the pairing
    joined.pairKey.clear();
    pending = Pending();
    return joined;
}

} // namespace wsi
