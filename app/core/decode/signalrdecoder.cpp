// SignalRDecoder: the SignalR JSON hub protocol (records ended by 0x1E; handshake, invocations, streams).
#include "decode/signalrdecoder.h"

#include "decode/decodetext.h"

#include <QJsonArray>

namespace wsi {

namespace {
const QString kProtocol = QStringLiteral("signalr");
constexpr char kRecordSeparator = 0x1E;

// HubProtocol.md message types.
QString typeName(int type)
{
    switch (type) {
    case 1:
        return QStringLiteral("invocation");
    case 2:
        return QStringLiteral("stream-item");
    case 3:
        return QStringLiteral("completion");
    case 4:
        return QStringLiteral("stream-invocation");
    case 5:
        return QStringLiteral("cancel-invocation");
    case 6:
        return QStringLiteral("ping");
    case 7:
        return QStringLiteral("close");
    case 8:
        return QStringLiteral("ack");
    case 9:
        return QStringLiteral("sequence");
    default:
        return QString();
    }
}
} // namespace

QList<DecodedMessage> SignalRDecoder::decode(QByteArrayView message, DecodeDirection direction, bool isText)
{
    if (!isText)
        return { DecodedMessage::malformed(kProtocol, QStringLiteral("binary-frame"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage",
                "the JSON hub protocol sends text; a binary frame is MessagePack, not decoded"))) };
    QList<DecodedMessage> out;
    qsizetype at = 0;
    while (at < message.size()) {
        const qsizetype end = message.indexOf(kRecordSeparator, at);
        if (end < 0) {
            out.append(DecodedMessage::malformed(kProtocol, QStringLiteral("missing-record-separator"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "%1 bytes after the last record are not ended by 0x1E"))
                    .arg(message.size() - at)));
            break;
        }
        const QByteArrayView record = message.sliced(at, end - at);
        at = end + 1;
        QJsonValue value;
        QString error;
        if (!decodetext::parseJsonValue(record, value, error) || !value.isObject()) {
            out.append(DecodedMessage::malformed(kProtocol, QStringLiteral("bad-json"),
                error.isEmpty()
                    ? DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "a record is a JSON object"))
                    : DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "not JSON: %1")).arg(error)));
            continue;
        }
        bool &handshakeSeen
            = direction == DecodeDirection::ClientToServer ? m_clientHandshakeSeen : m_serverHandshakeSeen;
        if (!handshakeSeen) {
            handshakeSeen = true;
            out.append(decodeHandshake(value.toObject(), direction));
        } else {
            out.append(decodeHubMessage(value.toObject()));
        }
    }
    return out;
}

DecodedMessage SignalRDecoder::decodeHandshake(const QJsonObject &o, DecodeDirection direction)
{
    DecodedMessage m;
    m.protocol = kProtocol;
    m.fields = o;
    m.pairKey = QStringLiteral("signalr:handshake");
    m.pairLabel = QStringLiteral("handshake");
    if (direction == DecodeDirection::ClientToServer) {
        m.kind = QStringLiteral("handshake");
        m.pairRole = PairRole::Request;
        m.setSummary(DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "handshake %1 v%2"))
                         .arg(decodetext::elide(o.value(QLatin1String("protocol")).toString()))
                         .arg(decodetext::elide(decodetext::compactJson(o.value(QLatin1String("version"))))));
        if (!o.value(QLatin1String("protocol")).isString()) {
            m.setNote(QStringLiteral("handshake-without-protocol"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the handshake request names no \"protocol\"")));
        }
    } else {
        m.kind = QStringLiteral("handshake-response");
        m.pairRole = PairRole::Reply;
        // The peer's error is elided before it goes in, so that the words around it survive in the window; the
        // English is elided whole below, as it always was.
        m.setSummary(o.contains(QLatin1String("error"))
                ? DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "handshake error: %1"))
                      .arg(decodetext::elide(o.value(QLatin1String("error")).toString()))
                : DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "handshake accepted")));
    }
    m.summary = decodetext::elide(m.summary);
    return m;
}

DecodedMessage SignalRDecoder::decodeHubMessage(const QJsonObject &o)
{
    const int type = o.value(QLatin1String("type")).toInt(-1);
    const QString kind = typeName(type);
    if (kind.isEmpty()) {
        DecodedMessage m = DecodedMessage::malformed(kProtocol, QStringLiteral("unknown-type"),
            DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage", "\"type\" %1 is no hub message type (1-9)"))
                .arg(decodetext::elide(decodetext::compactJson(o.value(QLatin1String("type"))), 20)));
        m.fields = o;
        return m;
    }
    DecodedMessage m;
    m.protocol = kProtocol;
    m.kind = kind;
    m.fields = o;
    const QString target = o.value(QLatin1String("target")).toString();
    const QString invocationId = o.value(QLatin1String("invocationId")).toString();
    m.summary = kind;
    if (!target.isEmpty())
        m.summary += QLatin1Char(' ') + target;
    if (!invocationId.isEmpty())
        m.summary += QStringLiteral(" #") + invocationId;
    if (type == 1 || type == 4) {
        m.summary += QLatin1Char(' ') + decodetext::compactJson(o.value(QLatin1String("arguments")));
        m.pairLabel = target;
        if (!invocationId.isEmpty())
            m.pairRole = PairRole::Request;
        if (target.isEmpty()) {
            m.setNote(QStringLiteral("no-target"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "an invocation names its \"target\"")));
        }
    } else if (type == 2) {
        m.summary += QLatin1Char(' ') + decodetext::compactJson(o.value(QLatin1String("item")));
    } else if (type == 3) {
        m.pairRole = PairRole::Reply;
        if (o.contains(QLatin1String("error")))
            // The peer's error is elided before it goes in, as in the handshake's (the English is the same).
            m.setSummary(RecordedText::plain(m.summary)
                + DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", " error: %1"))
                      .arg(decodetext::elide(o.value(QLatin1String("error")).toString())));
        else if (o.contains(QLatin1String("result")))
            m.summary += QLatin1Char(' ') + decodetext::compactJson(o.value(QLatin1String("result")));
    } else if (type == 7 && o.contains(QLatin1String("error"))) {
        m.summary += QStringLiteral(": ") + o.value(QLatin1String("error")).toString();
    }
    if (m.pairRole != PairRole::None && !invocationId.isEmpty())
        m.pairKey = QStringLiteral("signalr:") + invocationId;
    else
        m.pairRole = PairRole::None;
    m.summary = decodetext::elide(m.summary);
    return m;
}

} // namespace wsi
