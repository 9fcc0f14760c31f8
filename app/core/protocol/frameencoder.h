// FrameEncoder: builds RFC 6455 frames field by field, valid or deliberately not (raw frame mode).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace wsi {

// A frame described field by field, valid or deliberately not: for the composer's raw frame mode and for
// tests. Nothing is checked: reserved opcodes, RSV bits, oversized or fragmented control frames all encode.
struct RawFrameSpec
{
    bool fin = true;
    bool rsv1 = false;
    bool rsv2 = false;
    bool rsv3 = false;
    quint8 opcode = 0x1; // any 4-bit value
    bool masked = true; // clients must mask; unmasked is a test of the server
    std::optional<quint32> maskKey; // wire order, big-endian; a fresh random key when absent
    QByteArray payload;

    QString describe() const; // "FIN=1 RSV=000 opcode=0x9 MASK=1 len=3"
};

// Encodes with the minimal length form (7, 16 or 64 bits) and masks the payload when asked.
QByteArray encodeFrame(const RawFrameSpec &spec);

// Appends one unmasked, final frame as a server sends it (the local test server's hot path: no copy of the
// payload besides the one into out, no allocation when out has room).
void appendServerFrame(QByteArray &out, quint8 opcode, QByteArrayView payload);

// Parses the CLI's --raw-frame SPEC: comma-separated key=value pairs, e.g.
//   "opcode=0x9,fin=0,payload=text:hi"   "opcode=1,mask=0,payload=hex:c328"   "preset=oversized-ping"
// keys: fin, rsv1, rsv2, rsv3 (0/1), opcode (0-15, decimal or 0x), mask (0/1), key (8 hex digits),
// payload (text:..., hex:..., base64:...), preset (see rawFramePresets()). A preset is applied first.
bool parseRawFrameSpec(const QString &text, RawFrameSpec *spec, QString *error);

// Named frames that break the rules on purpose, for testing servers.
QStringList rawFramePresets(); // ids: invalid-utf8-text, oversized-ping, fragmented-ping, ...
QString rawFramePresetTitle(const QString &id);
bool rawFramePreset(const QString &id, RawFrameSpec *spec);

} // namespace wsi
