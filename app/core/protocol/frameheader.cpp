// RFC 6455 section 5.2 frame header fields: opcodes, their names, flag bits.
#include "protocol/frameheader.h"

namespace wsi {

QString opcodeName(quint8 opcode)
{
    switch (opcode) {
    case 0x0:
        return QStringLiteral("CONT");
    case 0x1:
        return QStringLiteral("TEXT");
    case 0x2:
        return QStringLiteral("BINARY");
    case 0x8:
        return QStringLiteral("CLOSE");
    case 0x9:
        return QStringLiteral("PING");
    case 0xA:
        return QStringLiteral("PONG");
    default:
        // Reserved opcodes are shown with their number so the user can match the hex dump.
        return QStringLiteral("RESERVED 0x") + QString::number(opcode & 0xF, 16).toUpper();
    }
}

} // namespace wsi
