// wireFrame(): an RFC 6455 frame built the way a peer would, for tests of the code that reads frames.
#pragma once

#include <QByteArray>

#include <optional>

// Builds a frame independently of the decoders under test: first byte (FIN/RSV/opcode), payload, optional
// masking key, and the length form (0 = minimal, or 7/16/64 to force one).
inline QByteArray wireFrame(
    quint8 firstByte, const QByteArray &payload, std::optional<quint32> key = {}, int lengthBits = 0)
{
    QByteArray out;
    out.append(char(firstByte));
    const quint8 maskBit = key ? 0x80 : 0;
    const quint64 n = quint64(payload.size());
    if (lengthBits == 0)
        lengthBits = n < 126 ? 7 : (n <= 0xFFFF ? 16 : 64);
    if (lengthBits == 7) {
        out.append(char(maskBit | n));
    } else if (lengthBits == 16) {
        out.append(char(maskBit | 126));
        out.append(char(n >> 8));
        out.append(char(n));
    } else {
        out.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char(n >> shift));
    }
    if (!key)
        return out + payload;
    const char k[4] = { char(*key >> 24), char(*key >> 16), char(*key >> 8), char(*key) };
    out.append(k, 4);
    for (int i = 0; i < payload.size(); ++i)
        out.append(char(payload[i] ^ k[i % 4]));
    return out;
}
