// StompDecoder: STOMP 1.0, 1.1 and 1.2 frames (command, headers with their escaping, body, heart-beats).
#include "decode/stompdecoder.h"

#include "decode/decodetext.h"

#include <QJsonArray>

namespace wsi {

namespace {
const QString kProtocol = QStringLiteral("stomp");

const char *const kCommands[] = { "CONNECT", "STOMP", "CONNECTED", "SEND", "SUBSCRIBE", "UNSUBSCRIBE", "ACK", "NACK",
    "BEGIN", "COMMIT", "ABORT", "DISCONNECT", "MESSAGE", "RECEIPT", "ERROR" };

bool isKnownCommand(QByteArrayView command)
{
    for (const char *c : kCommands) {
        if (command == QByteArrayView(c))
            return true;
    }
    return false;
}

// The line at at without its end-of-line ("\n" or "\r\n"); at moves past it. False when no "\n" follows.
bool readLine(QByteArrayView bytes, qsizetype &at, QByteArrayView &line)
{
    const qsizetype end = bytes.indexOf('\n', at);
    if (end < 0)
        return false;
    line = bytes.sliced(at, end - at);
    if (line.endsWith('\r'))
        line.chop(1);
    at = end + 1;
    return true;
}

DecodedMessage withNote(DecodedMessage m, const QString &id, const RecordedText &text)
{
    m.setNote(id, text);
    return m;
}
} // namespace

StompDecoder::StompDecoder(const QString &variant)
    : m_version(variant == QLatin1String("v10.stomp") ? QStringLiteral("1.0")
            : variant == QLatin1String("v11.stomp")   ? QStringLiteral("1.1")
                                                      : QStringLiteral("1.2"))
{ }

QList<DecodedMessage> StompDecoder::decode(QByteArrayView message, DecodeDirection, bool)
{
    QList<DecodedMessage> out;
    qsizetype at = 0;
    while (at >= 0 && at < message.size()) {
        // End-of-lines between frames are heart-beats (STOMP 1.1 "Heart-beating").
        const qsizetype start = at;
        while (at < message.size()
            && (message[at] == '\n' || (message[at] == '\r' && at + 1 < message.size() && message[at + 1] == '\n')))
            at += message[at] == '\r' ? 2 : 1;
        if (at == message.size()) {
            if (out.isEmpty()) {
                DecodedMessage beat;
                beat.protocol = kProtocol;
                beat.kind = QStringLiteral("HEARTBEAT");
                beat.summary = QStringLiteral("heart-beat");
                beat.fields.insert(QStringLiteral("size"), double(at - start));
                out.append(beat);
            }
            break;
        }
        out.append(decodeFrame(message, at));
    }
    if (message.isEmpty())
        out.append(DecodedMessage::malformed(kProtocol, QStringLiteral("empty-message"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "an empty message holds no frame"))));
    return out;
}

DecodedMessage StompDecoder::decodeFrame(QByteArrayView bytes, qsizetype &at)
{
    DecodedMessage m;
    m.protocol = kProtocol;
    QByteArrayView commandLine;
    if (!readLine(bytes, at, commandLine)) {
        at = -1;
        return DecodedMessage::malformed(kProtocol, QStringLiteral("truncated-frame"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the command line has no end-of-line")));
    }
    const QString command = decodetext::elide(QString::fromUtf8(commandLine), 40);
    m.kind = command;
    m.summary = command;
    m.fields.insert(QStringLiteral("command"), command);
    if (!isKnownCommand(commandLine)) {
        at = -1; // without a known command, where this frame ends is a guess
        return withNote(m, QStringLiteral("unknown-command"),
            DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "\"%1\" is no STOMP command"))
                .arg(command));
    }
    QJsonArray headers;
    QJsonObject first; // a repeated header: the first one counts (STOMP 1.2 "Repeated Header Entries")
    QString badHeader;
    for (;;) {
        QByteArrayView line;
        if (!readLine(bytes, at, line)) {
            at = -1;
            m.fields.insert(QStringLiteral("headers"), headers);
            return withNote(m, QStringLiteral("truncated-frame"),
                DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the headers are not ended by an empty line")));
        }
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        QString name;
        QString value;
        if (colon < 0 || !unescape(line.first(colon), command, name)
            || !unescape(line.sliced(colon + 1), command, value)) {
            if (badHeader.isEmpty())
                badHeader = decodetext::elide(QString::fromUtf8(line), 60);
            continue;
        }
        headers.append(QJsonArray { name, value });
        if (!first.contains(name))
            first.insert(name, value);
    }
    m.fields.insert(QStringLiteral("headers"), headers);

    // The body: content-length octets then NUL, or up to the first NUL.
    qsizetype bodyEnd = -1;
    QString bodyNote;
    if (first.contains(QLatin1String("content-length"))) {
        bool ok = false;
        const qint64 length = first.value(QLatin1String("content-length")).toString().toLongLong(&ok);
        if (!ok || length < 0)
            bodyNote = QStringLiteral("bad-content-length");
        else if (length > bytes.size() - at)
            bodyNote = QStringLiteral("content-length-exceeds-frame");
        else if (at + length >= bytes.size() || bytes[at + length] != '\0')
            bodyNote = QStringLiteral("missing-nul");
        else
            bodyEnd = at + length;
    } else {
        bodyEnd = bytes.indexOf('\0', at);
        if (bodyEnd < 0)
            bodyNote = QStringLiteral("missing-nul");
    }
    const QByteArrayView body = bodyEnd >= 0 ? bytes.sliced(at, bodyEnd - at) : bytes.sliced(at);
    at = bodyEnd >= 0 ? bodyEnd + 1 : -1;
    m.fields.insert(QStringLiteral("body"), decodetext::bytesValue(body));
    m.fields.insert(QStringLiteral("body_size"), double(body.size()));

    const QString destination = first.value(QLatin1String("destination")).toString();
    if (!destination.isEmpty()) {
        m.fields.insert(QStringLiteral("destination"), destination);
        m.summary += QLatin1Char(' ') + destination;
    }
    if (first.contains(QLatin1String("heart-beat"))) {
        const QStringList beat = first.value(QLatin1String("heart-beat")).toString().split(QLatin1Char(','));
        if (beat.size() == 2)
            m.fields.insert(QStringLiteral("heart_beat"),
                QJsonObject { { QStringLiteral("send_ms"), beat[0].trimmed().toDouble() },
                    { QStringLiteral("receive_ms"), beat[1].trimmed().toDouble() } });
    }
    if (command == QLatin1String("CONNECTED") && first.contains(QLatin1String("version")))
        m_version = first.value(QLatin1String("version")).toString();
    if (command == QLatin1String("ERROR"))
        m.summary += QLatin1Char(' ') + first.value(QLatin1String("message")).toString();
    if (!body.isEmpty()) {
        const QByteArrayView head = body.first(qMin<qsizetype>(body.size(), 200));
        // "(12 bytes)" in the window's words; the body's text is elided for the window as the English is below.
        m.setSummary(RecordedText::plain(m.summary)
            + DecodedMessage::noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", " (%1 bytes) "))
                  .arg(qint64(body.size()))
            + RecordedText::plain(decodetext::isUtf8(head) ? decodetext::elide(QString::fromUtf8(head)) : QString()));
    }
    m.summary = decodetext::elide(m.summary.trimmed());

    // Pairs: CONNECT with CONNECTED, a frame asking for a receipt with its RECEIPT.
    m.pairLabel = command;
    if (command == QLatin1String("CONNECT") || command == QLatin1String("STOMP")) {
        m.pairRole = PairRole::Request;
        m.pairKey = QStringLiteral("stomp:connect");
    } else if (command == QLatin1String("CONNECTED")) {
        m.pairRole = PairRole::Reply;
        m.pairKey = QStringLiteral("stomp:connect");
    } else if (first.contains(QLatin1String("receipt"))) {
        m.pairRole = PairRole::Request;
        m.pairKey = QStringLiteral("stomp:receipt:") + first.value(QLatin1String("receipt")).toString();
    } else if (first.contains(QLatin1String("receipt-id"))) {
        m.pairRole = PairRole::Reply;
        m.pairKey = QStringLiteral("stomp:receipt:") + first.value(QLatin1String("receipt-id")).toString();
    }

    if (!badHeader.isEmpty())
        return withNote(m, QStringLiteral("bad-header"),
            DecodedMessage::noteText(
                QT_TRANSLATE_NOOP("wsi::DecodedMessage", "header line \"%1\" has no ':' or an undefined escape"))
                .arg(badHeader));
    if (!bodyNote.isEmpty())
        return withNote(m, bodyNote,
            bodyNote == QLatin1String("missing-nul")
                ? DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "the frame's body is not ended by NUL"))
                : DecodedMessage::noteText(
                    QT_TRANSLATE_NOOP("wsi::DecodedMessage", "content-length \"%1\" does not fit the frame"))
                      .arg(decodetext::elide(first.value(QLatin1String("content-length")).toString(), 20)));
    return m;
}

bool StompDecoder::unescape(QByteArrayView raw, const QString &command, QString &out) const
{
    // CONNECT and CONNECTED frames are not escaped, for 1.0 peers; STOMP 1.0 escapes nothing.
    if (m_version == QLatin1String("1.0") || command == QLatin1String("CONNECT")
        || command == QLatin1String("CONNECTED")) {
        out = QString::fromUtf8(raw);
        return true;
    }
    QByteArray bytes;
    bytes.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\') {
            bytes.append(raw[i]);
            continue;
        }
        if (++i >= raw.size())
            return false;
        switch (raw[i]) {
        case 'n':
            bytes.append('\n');
            break;
        case 'c':
            bytes.append(':');
            break;
        case '\\':
            bytes.append('\\');
            break;
        case 'r':
            if (m_version == QLatin1String("1.1"))
                return false; // \r is a 1.2 escape
            bytes.append('\r');
            break;
        default:
            return false;
        }
    }
    out = QString::fromUtf8(bytes);
    return true;
}

} // namespace wsi
