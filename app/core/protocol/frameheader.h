// RFC 6455 section 5.2 frame header fields: opcodes, their names, flag bits.
#pragma once

#include <QString>
#include <QtGlobal>

namespace wsi {

// RFC 6455 section 5.2 opcodes; the reserved ones are kept as raw numbers.
enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// One frame header exactly as it was on the wire.
struct FrameHeader
{
    bool fin = false;
    bool rsv1 = false;
    bool rsv2 = false;
    bool rsv3 = false;
    quint8 opcode = 0; // raw 4-bit value, reserved values included
    bool masked = false;
    quint32 maskKey = 0; // the four key bytes in wire order, big-endian: k0 << 24 | k1 << 16 | k2 << 8 | k3
    quint64 payloadLength = 0;
    quint8 headerSize = 0; // 2 to 14 bytes

    bool isControl() const { return (opcode & 0x8) != 0; }
};

// "TEXT", "BINARY", "CONT", "CLOSE", "PING", "PONG", or "RESERVED 0x3".
QString opcodeName(quint8 opcode);

// The one reading of a header's layout, shared by FrameDecoder and the relays' frame cutters. Inline because
// the decoder runs it once per frame of a flood.

// Header size from its second byte (MASK bit and 7-bit length): 2 to 14 bytes.
inline quint8 frameHeaderSize(quint8 secondByte)
{
    const quint8 len7 = secondByte & 0x7F;
    return quint8(2 + (len7 == 126 ? 2 : (len7 == 127 ? 8 : 0)) + ((secondByte & 0x80) ? 4 : 0));
}

// Fills header from the bytes of a whole header (frameHeaderSize(bytes[1]) of them), nothing validated.
// In place, not returned: building a local and copying it costs the decoder a store-forwarding stall.
inline void readFrameHeader(const unsigned char *b, FrameHeader &h)
{
    h.fin = b[0] & 0x80;
    h.rsv1 = b[0] & 0x40;
    h.rsv2 = b[0] & 0x20;
    h.rsv3 = b[0] & 0x10;
    h.opcode = b[0] & 0x0F;
    h.masked = b[1] & 0x80;
    const quint8 len7 = b[1] & 0x7F;
    int pos = 2;
    quint64 length = len7;
    if (len7 == 126) {
        length = quint64(b[2]) << 8 | b[3];
        pos = 4;
    } else if (len7 == 127) {
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = length << 8 | b[2 + i];
        pos = 10;
    }
    if (h.masked) {
        h.maskKey = quint32(b[pos]) << 24 | quint32(b[pos + 1]) << 16 | quint32(b[pos + 2]) << 8 | b[pos + 3];
        pos += 4;
    } else {
        h.maskKey = 0;
    }
    h.payloadLength = length;
    h.headerSize = quint8(pos);
}

} // namespace wsi
