// FrameEncoder: builds RFC 6455 frames field by field, valid or deliberately not (raw frame mode).
#include "protocol/frameencoder.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace wsi {

namespace {

struct Preset
{
    const char *id;
    const char *title;
    RawFrameSpec spec;
};

QList<Preset> presets()
{
    auto make = [](bool fin, quint8 opcode, QByteArray payload) {
        RawFrameSpec s;
        s.fin = fin;
        s.opcode = opcode;
        s.payload = std::move(payload);
        return s;
    };
    return {
        { "invalid-utf8-text", QT_TRANSLATE_NOOP("wsi::FrameEncoder", "Text frame with invalid UTF-8"),
            make(true, 0x1, QByteArray("\xc3\x28", 2)) },
        { "oversized-ping", QT_TRANSLATE_NOOP("wsi::FrameEncoder", "Ping with a 126-byte payload (limit is 125)"),
            make(true, 0x9, QByteArray(126, 'p')) },
        { "fragmented-ping", QT_TRANSLATE_NOOP("wsi::FrameEncoder", "Fragmented ping (FIN=0)"),
            make(false, 0x9, "half a ping") },
        { "unsolicited-pong", QT_TRANSLATE_NOOP("wsi::FrameEncoder", "Unsolicited pong"), make(true, 0xA, "surprise") },
        { "close-1005", QT_TRANSLATE_NOOP("wsi::FrameEncoder", "Close with reserved code 1005"),
            make(true, 0x8, QByteArray("\x03\xed", 2)) },
        { "continuation-without-start", QT_TRANSLATE_NOOP("wsi::FrameEncoder", "Continuation without a start frame"),
            make(true, 0x0, "orphan") },
        { "reserved-opcode", QT_TRANSLATE_NOOP("wsi::FrameEncoder", "Frame with reserved opcode 0x3"),
            make(true, 0x3, "?") },
        { "rsv1-text", QT_TRANSLATE_NOOP("wsi::FrameEncoder", "Text frame with RSV1 set (no extension)"),
            [] {
                RawFrameSpec s;
                s.rsv1 = true;
                s.payload = "compressed?";
                return s;
            }() },
        { "unmasked-text", QT_TRANSLATE_NOOP("wsi::FrameEncoder", "Unmasked text frame from a client"),
            [] {
                RawFrameSpec s;
                s.masked = false;
                s.payload = "naked";
                return s;
            }() },
    };
}

bool parseBool(const QString &value, bool *out)
{
    if (value == QLatin1String("1") || value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
        *out = true;
        return true;
    }
    if (value == QLatin1String("0") || value.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
        *out = false;
        return true;
    }
    return false;
}

} // namespace

QString RawFrameSpec::describe() const
{
    return QStringLiteral("FIN=%1 RSV=%2%3%4 opcode=0x%5 MASK=%6 len=%7")
        .arg(int(fin))
        .arg(int(rsv1))
        .arg(int(rsv2))
        .arg(int(rsv3))
        .arg(opcode, 1, 16)
        .arg(int(masked))
        .arg(payload.size());
}

void appendServerFrame(QByteArray &out, quint8 opcode, QByteArrayView payload)
{
    const quint64 length = quint64(payload.size());
    char header[10];
    int used = 2;
    header[0] = char(0x80 | (opcode & 0x0F));
    if (length < 126) {
        header[1] = char(length);
    } else if (length <= 0xFFFF) {
        header[1] = char(126);
        header[2] = char(length >> 8);
        header[3] = char(length);
        used = 4;
    } else {
        header[1] = char(127);
        for (int i = 0; i < 8; ++i)
            header[2 + i] = char(length >> (56 - 8 * i));
        used = 10;
    }
    out.append(header, used);
    out.append(payload);
}

QByteArray encodeFrame(const RawFrameSpec &spec)
{
    QByteArray out;
    const quint64 length = quint64(spec.payload.size());
    out.reserve(int(14 + length));
    out.append(char((spec.fin ? 0x80 : 0) | (spec.rsv1 ? 0x40 : 0) | (spec.rsv2 ? 0x20 : 0) | (spec.rsv3 ? 0x10 : 0)
        | (spec.opcode & 0x0F)));
    const char maskBit = spec.masked ? char(0x80) : char(0);
    if (length <= 125) {
        out.append(char(maskBit | char(length)));
    } else if (length <= 0xFFFF) {
        out.append(char(maskBit | 126));
        out.append(char(length >> 8));
        out.append(char(length & 0xFF));
    } else {
        out.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((length >> shift) & 0xFF));
    }
    if (!spec.masked)
        return out + spec.payload;
    const quint32 key = spec.maskKey ? *spec.maskKey : QRandomGenerator::system()->generate();
    const char keyBytes[4] = { char(key >> 24), char(key >> 16), char(key >> 8), char(key) };
    out.append(keyBytes, 4);
    const qsizetype start = out.size();
    out.append(spec.payload);
    char *p = out.data() + start;
    for (qsizetype i = 0; i < spec.payload.size(); ++i)
        p[i] = char(p[i] ^ keyBytes[i & 3]);
    return out;
}

QStringList rawFramePresets()
{
    QStringList ids;
    for (const Preset &p : presets())
        ids << QString::fromLatin1(p.id);
    return ids;
}

QString rawFramePresetTitle(const QString &id)
{
    for (const Preset &p : presets()) {
        if (id == QLatin1String(p.id))
            return QCoreApplication::translate("wsi::FrameEncoder", p.title);
    }
    return {};
}

bool rawFramePreset(const QString &id, RawFrameSpec *spec)
{
    for (const Preset &p : presets()) {
        if (id == QLatin1String(p.id)) {
            *spec = p.spec;
            return true;
        }
    }
    return false;
}

bool parseRawFrameSpec(const QString &text, RawFrameSpec *spec, QString *error)
{
    RawFrameSpec result;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    // The preset goes first so that explicit fields can change it.
    for (const QString &part : parts) {
        if (part.startsWith(QLatin1String("preset="))) {
            const QString id = part.mid(7);
            if (!rawFramePreset(id, &result)) {
                *error = QCoreApplication::translate("wsi::FrameEncoder", "Unknown preset \"%1\"; the presets are: %2.")
                             .arg(id, rawFramePresets().join(QStringLiteral(", ")));
                return false;
            }
        }
    }
    for (const QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QCoreApplication::translate("wsi::FrameEncoder", "\"%1\" is not key=value.").arg(part);
            return false;
        }
        const QString key = part.left(eq).trimmed().toLower();
        const QString value = part.mid(eq + 1);
        bool ok = true;
        if (key == QLatin1String("preset")) {
            continue;
        } else if (key == QLatin1String("fin")) {
            ok = parseBool(value, &result.fin);
        } else if (key == QLatin1String("rsv1")) {
            ok = parseBool(value, &result.rsv1);
        } else if (key == QLatin1String("rsv2")) {
            ok = parseBool(value, &result.rsv2);
        } else if (key == QLatin1String("rsv3")) {
            ok = parseBool(value, &result.rsv3);
        } else if (key == QLatin1String("mask")) {
            ok = parseBool(value, &result.masked);
        } else if (key == QLatin1String("opcode")) {
            const uint opcode
                = value.startsWith(QLatin1String("0x")) ? value.mid(2).toUInt(&ok, 16) : value.toUInt(&ok);
            ok = ok && opcode <= 15;
            result.opcode = quint8(opcode);
        } else if (key == QLatin1String("key")) {
            const uint k = value.toUInt(&ok, 16);
            ok = ok && value.size() == 8;
            result.maskKey = quint32(k);
        } else if (key == QLatin1String("payload")) {
            if (value.startsWith(QLatin1String("text:"))) {
                result.payload = value.mid(5).toUtf8();
            } else if (value.startsWith(QLatin1String("hex:"))) {
                const QByteArray hex = value.mid(4).toLatin1();
                result.payload = QByteArray::fromHex(hex);
                ok = hex.size() % 2 == 0 && result.payload.toHex() == hex.toLower();
            } else if (value.startsWith(QLatin1String("base64:"))) {
                const auto decoded
                    = QByteArray::fromBase64Encoding(value.mid(7).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                ok = bool(decoded);
                result.payload = decoded.decoded;
            } else {
                *error = QCoreApplication::translate(
                    "wsi::FrameEncoder", "The payload must start with text:, hex: or base64:.");
                return false;
            }
        } else {
            *error = QCoreApplication::translate("wsi::FrameEncoder",
                "Unknown field \"%1\"; the fields are fin, rsv1, rsv2, rsv3, opcode, mask, key, payload, preset.")
                         .arg(key);
            return false;
        }
        if (!ok) {
            *error = QCoreApplication::translate("wsi::FrameEncoder", "The value of %1 (\"%2\") is not valid.")
                         .arg(key, value);
            return false;
        }
    }
    *spec = result;
    return true;
}

} // namespace wsi
