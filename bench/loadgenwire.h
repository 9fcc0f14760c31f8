#pragma once

// The WebSocket bytes loadgen writes and reads: the handshake key and its expected Accept, the one masked
// text frame every connection repeats, and a counter of the complete messages in the server's byte stream.

#include <cstddef>
#include <cstdint>
#include <string>

namespace loadgen {

std::string base64(const unsigned char *data, size_t size);
std::string expectedAccept(const std::string &key);
// A masked text frame of `size` bytes with a fixed mask: every frame a connection sends is identical.
std::string buildFrame(int size);

// Incoming frame parser state of one connection: header bytes gathered, then payload bytes to skip.
struct FrameReader
{
    unsigned char header[14];
    size_t headerHave = 0;
    uint64_t payloadLeft = 0;
};

// Counts complete data messages (FIN text/binary/continuation frames) in the server's byte stream. A Close
// frame or a masked frame sets *error and ends the count there.
uint64_t countMessages(FrameReader &r, const unsigned char *data, size_t size, const char **error);

} // namespace loadgen
