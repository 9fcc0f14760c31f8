// bitCount: the number of set bits in 64 bits, without a library call on baseline x86-64.
#pragma once

#include <QtAlgorithms>
#include <QtGlobal>

namespace wsi {

// qPopulationCount is __builtin_popcountll, which on x86-64 without -mpopcnt (Debian's baseline) is a call into
// libgcc's table loop: 4% of `connect`'s CPU under a flood, where every log row is found with one count
// (RowMap::at). The shift-and-add count below is a dozen inlined instructions; with POPCNT, or on other
// architectures, the builtin is a single instruction.
inline int bitCount(quint64 v)
{
#if defined(__x86_64__) && !defined(__POPCNT__)
    v = v - ((v >> 1) & 0x5555555555555555ULL);
    v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
    v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return int((v * 0x0101010101010101ULL) >> 56);
#else
    return int(qPopulationCount(v));
#endif
}

} // namespace wsi
