// EventPreview: the one-line preview of a recorded event, as the log shows it and its filter searches it.
#include "models/eventpreview.h"

#include "protocol/closecodes.h"
#include "protocol/utf8validator.h"
#include "store/eventstore.h"
#include "store/eventtypetext.h"

#include <QStringList>

#include <algorithm>

namespace wsi {

namespace {

constexpr int kPreviewChars = 160;

QString hexPreview(QByteArrayView bytes)
{
    const QByteArrayView head = bytes.first(qMin<qsizetype>(bytes.size(), 48));
    QString text = QString::fromLatin1(head.toByteArray().toHex(' '));
    if (head.size() < bytes.size())
        text += QStringLiteral(" …");
    return text;
}

QString firstLine(QByteArrayView bytes)
{
    const qsizetype end = bytes.indexOf('\r');
    return QString::fromLatin1(end >= 0 ? bytes.first(end) : bytes.first(qMin<qsizetype>(bytes.size(), 200)));
}

} // namespace

QString EventPreview::clipped(QByteArrayView bytes)
{
    // Decode only what can show; a 64 MiB message must not be converted whole for one cell.
    QString text = QString::fromUtf8(bytes.first(qMin<qsizetype>(bytes.size(), kPreviewChars * 4)));
    const bool cut = text.size() > kPreviewChars || bytes.size() > kPreviewChars * 4;
    text.truncate(kPreviewChars);
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    if (cut)
        text += QStringLiteral("…");
    return text;
}

QString EventPreview::controlPayload(QByteArrayView bytes)
{
    // A ping's payload is often a counter or random bytes (python3-websockets sends four): as text they would
    // show as replacement characters, or as boxes when the random bytes happen to be valid UTF-8 with control
    // characters among them (a box and "9-" for 0f 39 2d 01).
    const bool control = std::any_of(bytes.begin(), bytes.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t') || u == 0x7f;
    });
    return !control && Utf8Validator::isValidUtf8(bytes.data(), bytes.size()) ? clipped(bytes) : hexPreview(bytes);
}

QString EventPreview::humanSize(quint64 bytes)
{
    if (bytes < 10 * 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 10 * 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

QString EventPreview::text(const EventStore &store, qsizetype eventIndex)
{
    const EventRecord &r = store.at(eventIndex);
    const QByteArrayView payload = store.payload(eventIndex);
    switch (r.type) {
    case EventType::HandshakeRequest:
    case EventType::HandshakeResponse:
        return firstLine(payload);
    case EventType::Open:
        return payload.isEmpty() ? QStringLiteral("Connection open")
                                 : QStringLiteral("Connection open, subprotocol %1").arg(QString::fromUtf8(payload));
    case EventType::Message:
        return r.hasFlag(FlagText) ? clipped(payload) : hexPreview(payload);
    case EventType::Frame: {
        QStringList bits;
        bits << (r.hasFlag(FlagFin) ? QStringLiteral("FIN=1") : QStringLiteral("FIN=0"));
        if (r.hasFlag(FlagRsv1))
            bits << QStringLiteral("RSV1");
        if (r.hasFlag(FlagRsv2))
            bits << QStringLiteral("RSV2");
        if (r.hasFlag(FlagRsv3))
            bits << QStringLiteral("RSV3");
        bits << QStringLiteral("opcode=0x%1").arg(r.sub, 1, 16);
        if (r.hasFlag(FlagMasked))
            bits << QStringLiteral("MASK=1 key=%1").arg(r.maskKey, 8, 16, QLatin1Char('0'));
        else
            bits << QStringLiteral("MASK=0");
        bits << QStringLiteral("len=%1").arg(r.value);
        return bits.join(QLatin1Char(' '));
    }
    case EventType::Ping:
    case EventType::Pong: {
        QString text = payload.isEmpty() ? QStringLiteral("(no payload)") : controlPayload(payload);
        if (r.type == EventType::Pong && r.value > 0)
            text += QStringLiteral("  (round trip %1 ms)").arg(double(r.value) / 1000.0, 0, 'f', 2);
        return text;
    }
    case EventType::Close: {
        if (r.value == kNoCloseCode)
            return QStringLiteral("No status code");
        const int code = int(r.value);
        QString text = QStringLiteral("%1 %2").arg(code).arg(closeCodeName(code));
        if (!payload.isEmpty())
            text += QStringLiteral(": ") + clipped(payload);
        return text;
    }
    case EventType::Error:
        return QStringLiteral("[%1] %2").arg(QString::fromLatin1(errorLayerId(r.layer())).toUpper(), clipped(payload));
    case EventType::Info:
    case EventType::Tls:
        return clipped(payload);
    }
    return {};
}

} // namespace wsi
