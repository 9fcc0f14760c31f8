#pragma once

// Payload bytes that differ per seed and per offset, so a chunk read back from the wrong place or in the wrong order
// never compares equal by chance.

#include <QByteArray>

inline QByteArray patternedBytes(int seed, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((seed * 131 + i * 7) & 0xFF);
    return bytes;
}
