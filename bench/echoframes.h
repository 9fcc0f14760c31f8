// EchoFrames: the frames of an echo as a proxy relays them, for the benchmarks that feed both legs by hand.
#pragma once

#include "wireframe.h"

#include <QByteArray>

#include <array>

namespace wsi::bench {

// Four different text payloads of `size` bytes (loadgen sends one; the stores must not find every echo in their last
// message): each masked as the client sends it, and unmasked as the server echoes it.
struct EchoFrames
{
    explicit EchoFrames(qsizetype size)
    {
        for (int i = 0; i < 4; ++i) {
            const QByteArray payload(size, char('a' + i));
            sent[size_t(i)] = wireFrame(0x81, payload, 0x12345678u + quint32(i));
            echoed[size_t(i)] = wireFrame(0x81, payload);
        }
    }
    // The client's frame and the server's echo of round i.
    const QByteArray &out(int i) const { return sent[size_t(i % 4)]; }
    const QByteArray &back(int i) const { return echoed[size_t(i % 4)]; }

    std::array<QByteArray, 4> sent;
    std::array<QByteArray, 4> echoed;
};

} // namespace wsi::bench
