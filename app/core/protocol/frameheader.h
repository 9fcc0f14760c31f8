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

} // namespace wsi
